# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from odoo.addons.mgp_base.models.mgp_today import centre_today

from ..models.mgp_complaint import DECISIONS, REMEDIES


class MgpComplaintDecisionWizard(models.TransientModel):
    _name = "mgp.complaint.decision.wizard"
    _description = "Decision on a Complaint"

    complaint_id = fields.Many2one("mgp.complaint", required=True, ondelete="cascade")
    decision = fields.Selection(DECISIONS, required=True)
    decision_date = fields.Date(required=True, default=centre_today)
    reasons = fields.Text(required=True)
    remedy = fields.Selection(REMEDIES)
    remedy_note = fields.Text(string="Remedy details")
    correction_id = fields.Many2one(
        "mgp.document.correction",
        domain="[('res_model', '=', res_model), ('res_id', '=', res_id)]",
    )
    res_model = fields.Char(related="complaint_id.res_model")
    res_id = fields.Many2oneReference(
        related="complaint_id.res_id", model_field="res_model"
    )

    def action_confirm(self):
        self.ensure_one()
        self.complaint_id.action_decide(
            self.decision,
            self.reasons,
            remedy=self.remedy,
            remedy_note=self.remedy_note,
            decision_date=self.decision_date,
        )
        if self.correction_id:
            self.complaint_id.correction_id = self.correction_id
        return {"type": "ir.actions.act_window_close"}
