# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from odoo.addons.mgp_base.models.mgp_today import centre_today

from ..models.mgp_accompaniment import CERTIFICATE_DELIVERY


class MgpAccompanimentCertificateWizard(models.TransientModel):
    _name = "mgp.accompaniment.certificate.wizard"
    _description = "Issue Accompaniment Certificate"

    accompaniment_id = fields.Many2one(
        "mgp.accompaniment", required=True, ondelete="cascade"
    )
    issue_date = fields.Date(
        string="Certificate formed on",
        required=True,
        default=centre_today,
    )
    send = fields.Boolean(
        string="Send to the citizen now",
        default=True,
        help="Publish the certificate in the citizen's personal cabinet and "
        "send it by e-mail.",
    )

    channel = fields.Selection(
        CERTIFICATE_DELIVERY,
        string="Delivered",
        required=True,
        default="portal",
        help="The certificate is always published in the citizen's personal "
        "cabinet; it may also be printed and handed over in person.",
    )

    def action_confirm(self):
        self.ensure_one()
        case = self.accompaniment_id
        case.action_issue_certificate(self.issue_date)
        if self.send:
            if self.channel == "in_person":
                return case.action_hand_over_certificate()
            case.action_send_certificate(channel=self.channel)
        return {"type": "ir.actions.act_window_close"}
