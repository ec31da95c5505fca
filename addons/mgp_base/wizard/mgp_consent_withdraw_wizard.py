# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from ..models.mgp_today import centre_today


class MgpConsentWithdrawWizard(models.TransientModel):
    """Ask the date and reason of a withdrawal, then call the consent's
    action (which checks everything)."""

    _name = "mgp.consent.withdraw.wizard"
    _description = "Withdrawal of a Consent"

    consent_id = fields.Many2one("mgp.consent", required=True, ondelete="cascade")
    withdrawal_date = fields.Date(
        string="Withdrawn on", required=True, default=centre_today
    )
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.consent_id.action_withdraw(self.reason, self.withdrawal_date)
        return {"type": "ir.actions.act_window_close"}
