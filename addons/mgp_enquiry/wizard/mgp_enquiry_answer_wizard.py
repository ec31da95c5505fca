# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64

from odoo import fields, models

from odoo.addons.mgp_base.models.mgp_today import centre_today


class MgpEnquiryAnswerWizard(models.TransientModel):
    """Answer or cancel an enquiry: the form of its two actions."""

    _name = "mgp.enquiry.answer.wizard"
    _description = "Answer or Cancel an Enquiry"

    enquiry_id = fields.Many2one("mgp.enquiry", required=True, ondelete="cascade")
    kind = fields.Selection(
        [("answer", "Answer"), ("cancel", "Cancel")], required=True, default="answer"
    )
    answer_text = fields.Text(string="Answer")
    date_answer = fields.Date(string="Answered on", default=centre_today)
    answer_file = fields.Binary(string="Answer document")
    answer_filename = fields.Char()
    reason = fields.Text(string="Reason of cancellation")

    def action_confirm(self):
        self.ensure_one()
        if self.kind == "cancel":
            self.enquiry_id.action_cancel(self.reason)
            return {"type": "ir.actions.act_window_close"}
        files = []
        if self.answer_file:
            files.append(
                (self.answer_filename or "answer", base64.b64decode(self.answer_file))
            )
        self.enquiry_id.action_answer(
            self.answer_text, date_answer=self.date_answer, files=files
        )
        return {"type": "ir.actions.act_window_close"}
