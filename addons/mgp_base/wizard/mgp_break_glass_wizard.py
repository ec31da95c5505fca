# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.exceptions import AccessError, UserError

from ..models.res_partner import SUITE_GROUP

MIN_REASON = 10


class MgpBreakGlassWizard(models.TransientModel):
    """A specialist opening a person outside his cases states a reason
    first; the access is granted for a few hours and journaled."""

    _name = "mgp.break.glass.wizard"
    _description = "Access to Person Data outside the Cases"

    partner_id = fields.Many2one(
        "res.partner", string="Person", required=True, ondelete="cascade"
    )
    reason = fields.Text(
        required=True,
        help="Why you need this person's data although he is in none of your "
        "cases. The data protection officer reads it.",
    )

    def action_confirm(self):
        self.ensure_one()
        user = self.env.user
        partner = self.partner_id
        if not user.has_group(SUITE_GROUP):
            raise AccessError(self.env._("Only the centre's specialists may do this."))
        if partner.is_company or (
            partner.company_id and partner.company_id not in self.env.companies
        ):
            # a person of another centre: that centre shares his data
            raise UserError(
                self.env._(
                    "This person is not registered in your centre: his data "
                    "are shared only by the regional administrator."
                )
            )
        reason = (self.reason or "").strip()
        if len(reason) < MIN_REASON:
            raise UserError(
                self.env._(
                    "State the reason for opening the person's data (at least "
                    "%s characters).",
                    MIN_REASON,
                )
            )
        self.env["mgp.person.access.grant"]._mgp_grant(partner, reason)
        return {
            "type": "ir.actions.act_window",
            "res_model": "res.partner",
            "res_id": partner.id,
            "view_mode": "form",
            "target": "current",
        }
