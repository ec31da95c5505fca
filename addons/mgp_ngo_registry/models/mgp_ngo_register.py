# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models
from odoo.exceptions import UserError

from odoo.addons.mgp_base.models.mgp_register_mixin import check_date_range


class MgpNgoContract(models.Model):
    """A contract that was in force is kept; it is archived with a reason
    (and then covers no new assignment). Its terms change by an amendment,
    never by editing it (issue 18 §3)."""

    _name = "mgp.ngo.contract"
    _inherit = ["mgp.ngo.contract", "mgp.register.archive.mixin"]

    def _mgp_register_kept(self):
        return self.filtered(lambda c: c.state in ("active", "superseded"))

    def _mgp_register_frozen_fields(self):
        return (
            *super()._mgp_register_frozen_fields(),
            "number",
            "date",
            "partner_id",
            "mgp_activity_ids",
            "date_start",
            "date_end",
            "company_id",
            "parent_id",
        )

    def _mgp_register_cancel_hint(self):
        return self.env._("Archive it with a reason, or amend it, instead.")

    @api.constrains("date", "date_start", "date_end")
    def _check_register_dates(self):
        for contract in self:
            check_date_range(self.env, contract.date, self.env._("The contract date"))
            for name in ("date_start", "date_end"):
                check_date_range(
                    self.env,
                    contract[name],
                    contract._fields[name]._description_string(self.env),
                    future=True,
                )

    def action_activate(self):
        # an excluded organisation is no partner of the centre any more
        excluded = self.partner_id.filtered(lambda p: p.mgp_ngo_state == "excluded")
        if excluded:
            raise UserError(
                self.env._(
                    "%s is excluded from the NGO registry: no contract is "
                    "concluded with it.",
                    ", ".join(excluded.mapped("name")),
                )
            )
        return super().action_activate()

    def _mgp_covers(self, activities, date=None):
        return not self.mgp_archived and super()._mgp_covers(activities, date)


class ResPartner(models.Model):
    """An entry of the NGO registry is kept: the NGO is excluded with a
    reason, never deleted; what the registry publishes about it changes
    only through an approved application (issue 18 §6)."""

    _name = "res.partner"
    _inherit = ["res.partner", "mgp.register.mixin"]

    def _mgp_register_kept(self):
        # the registry is public data of the centre, whoever deletes
        return self.filtered(
            lambda p: (
                p.sudo().mgp_ngo_state != "none" or p.sudo().mgp_ngo_registry_number
            )
        )

    def _mgp_register_frozen_fields(self):
        return (
            *super()._mgp_register_frozen_fields(),
            "name",
            "is_company",
            "vat",
            "company_registry",
            "mgp_ngo_activity_ids",
            "mgp_ngo_capacity",
            "mgp_ngo_conditions",
            "mgp_ngo_schedule",
            "mgp_ngo_schedule_slot_ids",
            "mgp_ngo_help_form_ids",
            "mgp_ngo_accessibility",
            "mgp_ngo_territory_state_ids",
            "mgp_ngo_territory",
        )

    def _mgp_register_frozen_message(self, names):
        return self.env._(
            "%s is published in the NGO registry: it changes only through an "
            "approved application of the organisation.",
            ", ".join(
                f"«{self._fields[name]._description_string(self.env)}»"
                for name in sorted(names)
            ),
        )

    def _mgp_register_cancel_hint(self):
        return self.env._("Exclude the organisation from the registry with a reason.")
