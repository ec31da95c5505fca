# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.exceptions import UserError

from ..models.mgp_today import centre_today


class MgpMseAnswerWizard(models.TransientModel):
    _name = "mgp.mse.answer.wizard"
    _description = "Register the Answer to a Request"

    request_id = fields.Many2one("mgp.mse.request", required=True, ondelete="cascade")
    request_type = fields.Selection(
        related="request_id.request_type", string="Kind of request"
    )
    kind = fields.Selection(
        [("answer", "Answer"), ("impossible", "Cannot be answered")],
        required=True,
        default="answer",
    )
    recommendation = fields.Selection(
        [("needed", "Needs accompaniment"), ("not_needed", "Does not need it")],
    )
    disability_confirmed = fields.Boolean()
    reason = fields.Text(string="Reason it cannot be answered")
    date_answer = fields.Date(
        string="Answer date",
        required=True,
        default=centre_today,
    )
    date_answer_received = fields.Date(
        string="Answer received by the centre",
        help="Day the centre received the answer (the decision term runs from "
        "it); empty: the answer date.",
    )
    answer_note = fields.Text(string="Answer details")

    def action_confirm(self):
        self.ensure_one()
        request = self.request_id
        if self.kind == "impossible":
            request.action_register_impossible(self.reason, self.date_answer)
        elif request.request_type == "mse":
            if not self.recommendation:
                raise UserError(
                    self.env._("Choose the recommendation of the MSE bureau.")
                )
            request.action_register_answer(
                self.recommendation, self.date_answer, self.date_answer_received
            )
            if self.answer_note:
                request.answer_note = self.answer_note
        else:
            request.action_register_reply(
                self.date_answer, self.disability_confirmed, self.answer_note
            )
        return {"type": "ir.actions.act_window_close"}
