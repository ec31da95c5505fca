# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class MgpComplaint(models.Model):
    _inherit = "mgp.complaint"

    def action_send_answer(self, answer_date=None):
        result = super().action_send_answer(answer_date=answer_date)
        self.env["mgp.api.event"]._mgp_emit(self, "complaint.answered")
        return result

    def _mgp_api_event_data(self):
        self.ensure_one()
        return {"number": self.name, "state": self.state}
