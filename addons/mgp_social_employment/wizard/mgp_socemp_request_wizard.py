# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from odoo.addons.mgp_base.models.mgp_today import centre_today


class MgpSocempRequestWizard(models.TransientModel):
    """A request of a register record: sent by its organisation to another
    participant, or received by the organisation from one."""

    _name = "mgp.socemp.request.wizard"
    _description = "Request of a Social Employment Record"

    record_id = fields.Many2one("mgp.socemp.record", required=True, ondelete="cascade")
    direction = fields.Selection(
        [("outgoing", "Sent by the organisation"), ("incoming", "Received")],
        required=True,
        default="outgoing",
    )
    participant_id = fields.Many2one("mgp.socemp.participant", required=True)
    subject = fields.Char(required=True)
    date = fields.Date(
        required=True,
        default=centre_today,
        help="Sent: the day the information became necessary (the request is "
        "due within 5 working days). Received: the day of receipt.",
    )

    @api.model
    def _mgp_open(self, record):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("New request"),
            "res_model": self._name,
            "view_mode": "form",
            "target": "new",
            "context": {"default_record_id": record.id},
        }

    def action_confirm(self):
        self.ensure_one()
        if self.direction == "outgoing":
            request = self.record_id._mgp_request_create(
                self.participant_id, self.subject, self.date
            )
        else:
            request = self.record_id._mgp_request_receive(
                self.participant_id, self.subject, self.date
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": "mgp.mse.request",
            "res_id": request.id,
            "view_mode": "form",
            "target": "current",
        }
