# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools import SQL

from odoo.addons.mgp_base.models.res_partner import SUITE_GROUP

ORGANISATION = "mgp_social_employment.group_organisation"
# the person data are read by the centre's staff and by the participants of
# social employment, each on a need-to-know basis (003:103)
PERSON_GROUPS = f"{SUITE_GROUP},{ORGANISATION}"


class ResPartner(models.Model):
    _inherit = "res.partner"

    mgp_snils = fields.Char(groups=PERSON_GROUPS)
    mgp_birth_date = fields.Date(groups=PERSON_GROUPS)
    mgp_is_disabled = fields.Boolean(groups=PERSON_GROUPS)
    mgp_disability_group = fields.Selection(groups=PERSON_GROUPS)
    mgp_ipra_number = fields.Char(groups=PERSON_GROUPS)
    mgp_ipra_date = fields.Date(groups=PERSON_GROUPS)
    mgp_ipra_date_end = fields.Date(groups=PERSON_GROUPS)
    mgp_impaired_function_ids = fields.Many2many(groups=PERSON_GROUPS)
    mgp_recommended_conditions = fields.Text(groups=PERSON_GROUPS)
    mgp_contraindicated_conditions = fields.Text(groups=PERSON_GROUPS)

    @api.model
    def _mgp_person_data_sources(self):
        # the centre's specialists read the register only when the region
        # shares it (record rules); their need to know follows
        return super()._mgp_person_data_sources() + [
            ("mgp.socemp.record", "partner_id")
        ]

    @api.model
    def _mgp_person_data_allowed_domain(self):
        """The same rule as :meth:`_mgp_person_data_allowed`, in SQL."""
        user = self.env.user
        if (
            self.env.su
            or user.has_group(SUITE_GROUP)
            or not user.has_group(ORGANISATION)
        ):
            return super()._mgp_person_data_allowed_domain()
        Record = self.env["mgp.socemp.record"]

        def to_sql(model, alias, query):
            # record rules decide which records the user may read
            sub = Record._search([("partner_id", "!=", False)])
            sub.add_where(
                SQL(
                    "%s = %s",
                    Record._field_to_sql(sub.table, "partner_id", sub),
                    SQL.identifier(alias, "id"),
                )
            )
            return SQL(
                "(%s = %s OR EXISTS(%s))",
                SQL.identifier(alias, "create_uid"),
                user.id,
                sub.select(SQL("1")),
            )

        return Domain.custom(to_sql=to_sql)

    def _mgp_person_data_allowed(self):
        """A participant's user needs the data of the persons in the
        register of the organisations he acts for (the ministry: all of
        them) and of those he registered."""
        allowed = super()._mgp_person_data_allowed()
        user = self.env.user
        if (
            self.env.su
            or user.has_group(SUITE_GROUP)
            or not user.has_group(ORGANISATION)
        ):
            return allowed
        rest = self.browse([pid for pid in self.ids if pid]) - allowed
        if not rest:
            return allowed
        allowed |= rest.filtered(lambda p: p.create_uid == user)
        rest -= allowed
        if rest:
            # record rules decide which records the user may read
            groups = self.env["mgp.socemp.record"]._read_group(
                [("partner_id", "in", rest.ids)], ["partner_id"]
            )
            allowed |= self.browse(partner.id for [partner] in groups)
        return allowed
