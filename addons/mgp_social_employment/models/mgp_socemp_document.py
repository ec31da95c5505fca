# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .mgp_socemp_participant import CHANNELS

# 003:105-108 — what the participants exchange
DOCUMENT_KINDS = [
    ("ipra", "IPRA issued by the MSE bureau"),
    ("medical", "Medical conclusion on the absence of contraindications"),
    ("answer", "Answer to a request"),
    ("other", "Other information"),
]


class MgpSocempDocument(models.Model):
    """A document of a record sent to or received from a participant
    (003:101-108): recorded once, never changed nor deleted, journaled in
    the record's chatter. Only with the person's consent."""

    _name = "mgp.socemp.document"
    _description = "Social Employment Document Exchanged"
    _inherit = ["mgp.protected.mixin"]
    _order = "date desc, id desc"
    _mgp_create_only_fields = (
        "record_id",
        "request_id",
        "kind",
        "direction",
        "participant_id",
        "date",
        "channel",
        "attachment_id",
    )

    name = fields.Char(string="Document", required=True)
    record_id = fields.Many2one(
        "mgp.socemp.record", required=True, index=True, ondelete="restrict"
    )
    company_id = fields.Many2one(related="record_id.company_id", store=True, index=True)
    organisation_id = fields.Many2one(
        related="record_id.organisation_id", store=True, index=True
    )
    request_id = fields.Many2one(
        "mgp.mse.request",
        index=True,
        domain="[('res_model', '=', 'mgp.socemp.record'), ('res_id', '=', record_id)]",
    )
    kind = fields.Selection(DOCUMENT_KINDS, required=True, default="other")
    direction = fields.Selection(
        [("sent", "Sent"), ("received", "Received")], required=True, default="sent"
    )
    participant_id = fields.Many2one(
        "mgp.socemp.participant",
        string="Sent to / received from",
        required=True,
    )
    channel = fields.Selection(CHANNELS, required=True, default="edms")
    date = fields.Date(required=True, default=fields.Date.context_today)
    attachment_id = fields.Many2one("ir.attachment", string="File")
    note = fields.Text()

    @api.model_create_multi
    def create(self, vals_list):
        Record = self.env["mgp.socemp.record"]
        for vals in vals_list:
            # seed 003:103: the person's rights on his data — his consent
            Record.browse(vals.get("record_id"))._mgp_check_exchange()
        documents = super().create(vals_list)
        for document in documents:
            document.record_id.message_post(
                body=self.env._(
                    "Document %(name)s %(direction)s %(participant)s on %(date)s "
                    "(%(channel)s).",
                    name=document.name,
                    direction=self.env._("sent to")
                    if document.direction == "sent"
                    else self.env._("received from"),
                    participant=document.participant_id.name,
                    date=document.date.strftime("%d.%m.%Y"),
                    channel=dict(
                        document._fields["channel"]._description_selection(self.env)
                    )[document.channel],
                )
            )
        return documents

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(
            self.env._("A document of the exchange is kept: it cannot be deleted.")
        )
