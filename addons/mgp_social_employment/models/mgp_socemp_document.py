# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.mgp_base.models.mgp_access_log import journal_add
from odoo.addons.mgp_base.models.mgp_today import centre_today

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
    (003:101-108) by a channel (the participant's own unless said otherwise,
    with the protected channel's address): recorded once, never changed nor
    deleted, journaled in the record's chatter and, as a transfer of the
    person's data, in the access journal (``mgp.access.log``). Only with the
    person's consent."""

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
        "channel_address",
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
    channel = fields.Selection(
        CHANNELS,
        required=True,
        compute="_compute_channel",
        store=True,
        readonly=False,
        precompute=True,
        help="How the document went or came (003:101): the participant's "
        "channel unless said otherwise.",
    )
    channel_address = fields.Char(
        string="Protected channel address",
        compute="_compute_channel",
        store=True,
        readonly=False,
        precompute=True,
    )
    date = fields.Date(required=True, default=centre_today)
    attachment_id = fields.Many2one("ir.attachment", string="File")
    note = fields.Text()

    @api.depends("participant_id")
    def _compute_channel(self):
        for document in self:
            participant = document.participant_id
            document.channel = participant.channel or "edms"
            document.channel_address = (
                participant.channel_address
                if participant.channel == "protected"
                else False
            )

    @api.constrains("channel", "channel_address")
    def _check_channel_address(self):
        for document in self:
            if document.channel == "protected" and not document.channel_address:
                raise ValidationError(
                    self.env._(
                        "Give the protected channel address the document %s went "
                        "to or came from.",
                        document.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        Record = self.env["mgp.socemp.record"]
        for vals in vals_list:
            # seed 003:103: the person's rights on his data — his consent
            Record.browse(vals.get("record_id"))._mgp_check_exchange()
        documents = super().create(vals_list)
        documents._mgp_journal_exchange()
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

    def _mgp_journal_exchange(self):
        """Record each document in the access journal: who sent or received
        which kind of the person's document, with whom, by which channel
        (152-ФЗ ст. 19; 003:103)."""
        channels = dict(self._fields["channel"]._description_selection(self.env))
        for document in self:
            record = document.record_id
            way = "sent to" if document.direction == "sent" else "received from"
            address = document.channel_address
            channel = channels[document.channel] + (f", {address}" if address else "")
            reason = f"{way}: {document.participant_id.name} ({channel})"
            journal_add(
                self.env,
                record.partner_id.ids,
                "exchange",
                {f"socemp_document:{document.kind}"},
                res_model=record._name,
                res_id=record.id,
                reason=reason,
            )
