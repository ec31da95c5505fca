# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from ..models.mgp_complaint import DECISIONS, REMEDIES


class MgpComplaintDecisionWizard(models.TransientModel):
    _name = "mgp.complaint.decision.wizard"
    _description = "Decision on a Complaint"

    complaint_id = fields.Many2one("mgp.complaint", required=True, ondelete="cascade")
    decision = fields.Selection(DECISIONS, required=True)
    decision_date = fields.Date(required=True, default=fields.Date.context_today)
    reasons = fields.Text(required=True)
    remedy = fields.Selection(REMEDIES)
    remedy_note = fields.Text(string="Remedy details")

    def action_confirm(self):
        self.ensure_one()
        self.complaint_id.action_decide(
            self.decision,
            self.reasons,
            remedy=self.remedy,
            remedy_note=self.remedy_note,
            decision_date=self.decision_date,
        )
        return {"type": "ir.actions.act_window_close"}
