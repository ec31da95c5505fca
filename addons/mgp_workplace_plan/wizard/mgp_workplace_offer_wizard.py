# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from odoo.addons.mgp_base.models.mgp_today import centre_today


class MgpWorkplaceOfferWizard(models.TransientModel):
    """Record, with its date, what happened to an offer outside the portal:
    the notice received otherwise, or the employer's answer given on paper
    or by phone."""

    _name = "mgp.workplace.offer.wizard"
    _description = "Record the Employer's Answer to an Offer"

    plan_id = fields.Many2one("mgp.workplace.plan", required=True)
    kind = fields.Selection(
        [
            ("receipt", "The employer received the notice"),
            ("accept", "The employer asked for a plan"),
            ("decline", "The employer declined"),
        ],
        required=True,
        default="accept",
    )
    date = fields.Date(required=True, default=centre_today)

    def action_confirm(self):
        self.ensure_one()
        plan = self.plan_id
        if self.kind == "receipt":
            plan.action_set_offer_received(self.date)
        elif self.kind == "accept":
            plan.action_accept_offer(self.date)
        else:
            plan.action_decline_offer(self.date)
        return {"type": "ir.actions.act_window_close"}
