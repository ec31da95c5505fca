# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def _mgp_api_person(self, data):
        """The person of an API call (``data``: the validated ``person``
        object): the one with this СНИЛС, or a new one.

        The disability group and the birth date fill the person's data when
        they are empty; data already entered are never overwritten."""
        snils = data["snils"]
        # the guarded search finds the persons whose data the user may read
        person = self.search([("mgp_snils", "=", snils)], limit=1)
        if not person:
            # the СНИЛС identifies one human across the centres (a unique
            # index): the person another centre registered is this one; only
            # his id and emptiness of his data are read
            person = self.sudo().search([("mgp_snils", "=", snils)], limit=1)
        if not person:
            return self.create(
                {
                    "name": data["name"],
                    "is_company": False,
                    "mgp_snils": snils,
                    "mgp_birth_date": data.get("birth_date") or False,
                    "mgp_disability_group": data.get("disability_group") or False,
                }
            )
        vals = {}
        if data.get("disability_group") and not person.mgp_disability_group:
            vals["mgp_disability_group"] = data["disability_group"]
        if data.get("birth_date") and not person.mgp_birth_date:
            vals["mgp_birth_date"] = data["birth_date"]
        if vals:
            # the agreement of the ЕЦП is the source of these data; the
            # case about to start makes the centre one who needs them
            person.sudo().write(vals)
        return person.with_env(self.env)

    def _mgp_api_person_values(self):
        """The persons as the API exports them: read as the current user, so
        the person's data are masked for those who may not know them."""
        person_fields = ["mgp_snils", "mgp_birth_date", "mgp_disability_group"]
        fnames = ["name", *self.fields_get(person_fields, ["type"])]
        return [
            {
                "id": row["id"],
                "name": row["name"],
                "snils": row.get("mgp_snils") or None,
                "birth_date": row["mgp_birth_date"].isoformat()
                if row.get("mgp_birth_date")
                else None,
                "disability_group": row.get("mgp_disability_group") or None,
            }
            for row in self.read(fnames)
        ]
