# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.fields import Domain

from odoo.addons.mgp_base.models.res_partner import normalize_snils


def _valid_snils(value):
    try:
        return normalize_snils(value)
    except ValueError:
        return False


class ResPartner(models.Model):
    _inherit = "res.partner"

    mgp_duplicate_ids = fields.Many2many(
        "res.partner",
        string="Likely duplicates",
        compute="_compute_mgp_duplicate_ids",
        groups="mgp_base.group_specialist",
        help="Persons with the same SNILS, or the same name and birth date.",
    )

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

    # ------------------------------------------------------------------
    # One person per human: likely duplicates
    # ------------------------------------------------------------------
    @api.model
    def _mgp_find_duplicates(self, name=None, birth_date=None, snils=None, exclude=()):
        """Persons the user may know who are likely the same human: the same
        СНИЛС, or the same name and birth date (the search on the person's
        data finds only those whose data the user may read)."""
        conditions = []
        # an invalid СНИЛС matches nobody
        if snils and (valid := _valid_snils(snils)):
            conditions.append([("mgp_snils", "=", valid)])
        if name and name.strip() and birth_date:
            conditions.append(
                [("name", "=ilike", name.strip()), ("mgp_birth_date", "=", birth_date)]
            )
        if not conditions:
            return self.browse()
        domain = Domain.AND(
            [
                Domain.OR(conditions),
                [("is_company", "=", False), ("id", "not in", list(exclude))],
            ]
        )
        return self.search(domain, limit=10)

    @api.depends("name", "mgp_birth_date", "mgp_snils")
    @api.depends_context("uid")
    def _compute_mgp_duplicate_ids(self):
        for partner in self:
            partner.mgp_duplicate_ids = (
                self._mgp_find_duplicates(
                    partner.name,
                    partner.mgp_birth_date,
                    partner.mgp_snils,
                    exclude=[partner._origin.id] if partner._origin.id else [],
                )
                if not partner.is_company
                else self.browse()
            )

    @api.onchange("name", "mgp_birth_date", "mgp_snils")
    def _onchange_mgp_duplicates(self):
        """Warn before a second record of the same human is saved."""
        if (
            self.is_company
            or not self.env.user.has_group("mgp_base.group_specialist")
            or not self.mgp_duplicate_ids
        ):
            return None
        return {
            "warning": {
                "title": self.env._("Likely duplicate"),
                "message": self.env._(
                    "This person may already be registered: %s. Open the existing "
                    "person instead of creating another one, or merge them.",
                    ", ".join(self.mgp_duplicate_ids.mapped("display_name")),
                ),
            }
        }

    def action_open_mgp_merge(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Merge persons"),
            "res_model": "mgp.person.merge",
            "view_mode": "form",
            "target": "new",
            "context": {
                "mgp_merge_partner_id": self.id,
                "mgp_merge_duplicate_id": self.mgp_duplicate_ids[:1].id,
            },
        }

    def _mgp_check_merge_group(self):
        if not self.env.user.has_group("mgp_base.group_manager"):
            raise AccessError(
                self.env._("Only the head of the centre may merge persons.")
            )
