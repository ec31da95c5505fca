# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class MgpMseAnswerWizard(models.TransientModel):
    _name = "mgp.mse.answer.wizard"
    _description = "Register MSE Answer"

    request_id = fields.Many2one("mgp.mse.request", required=True, ondelete="cascade")
    recommendation = fields.Selection(
        [("needed", "Needs accompaniment"), ("not_needed", "Does not need it")],
        required=True,
    )
    date_answer = fields.Date(
        string="Answer received on",
        required=True,
        default=fields.Date.context_today,
    )
    answer_note = fields.Text(string="Answer details")

    def action_confirm(self):
        self.ensure_one()
        if self.answer_note:
            self.request_id.answer_note = self.answer_note
        self.request_id.action_register_answer(self.recommendation, self.date_answer)
        return {"type": "ir.actions.act_window_close"}
