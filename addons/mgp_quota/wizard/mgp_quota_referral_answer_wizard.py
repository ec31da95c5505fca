# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

CONDITION_FIELDS = (
    "hours_per_week",
    "consent_overtime",
    "consent_weekend",
    "consent_night",
    "not_contraindicated",
)


class MgpQuotaReferralAnswerWizard(models.TransientModel):
    """Staff register the employer's answer given on paper or by phone."""

    _name = "mgp.quota.referral.answer.wizard"
    _description = "Register the Employer's Answer to a Referral"

    referral_id = fields.Many2one("mgp.quota.referral", required=True)
    answer = fields.Selection(
        [("hired", "Hired"), ("refused", "Refused")], required=True, default="hired"
    )
    contract_date = fields.Date()
    hours_per_week = fields.Float(digits=(4, 1), default=35.0)
    consent_overtime = fields.Boolean(string="Consents to overtime work")
    consent_weekend = fields.Boolean(string="Consents to weekend work")
    consent_night = fields.Boolean(string="Consents to night work")
    not_contraindicated = fields.Boolean(string="Not contraindicated")
    reason = fields.Text()

    def action_confirm(self):
        self.ensure_one()
        if self.answer == "hired":
            self.referral_id.action_register_hire(
                self.contract_date, {name: self[name] for name in CONDITION_FIELDS}
            )
        else:
            self.referral_id.action_register_refusal(self.reason)
        return {"type": "ir.actions.act_window_close"}
