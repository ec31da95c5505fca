# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.mgp_base.models.mgp_today import centre_today

# 003:51 — the participants of the interagency interaction
PARTICIPANT_KINDS = [
    ("ministry", "Regional ministry of social protection"),
    ("mse", "MSE bureau"),
    ("municipality", "Local government"),
    ("organisation", "Authorised organisation"),
]
# 003:101 — an electronic document system, paper, or an electronic document
# sent to the address of a protected communication channel
CHANNELS = [
    ("edms", "Electronic document system"),
    ("paper", "Paper"),
    ("protected", "Protected communication channel"),
]


class MgpSocempParticipant(models.Model):
    """A participant of the interagency interaction on social employment
    (003:51-58): the ministry, the MSE bureau, a local government or an
    organisation the region authorises, with the channel documents reach it
    by and, for an organisation, the services it gives."""

    _name = "mgp.socemp.participant"
    _description = "Social Employment Participant"
    _inherit = ["mail.thread"]
    _order = "kind, name"

    name = fields.Char(required=True, tracking=True)
    kind = fields.Selection(
        PARTICIPANT_KINDS, required=True, default="organisation", tracking=True
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Contact",
        domain=[("is_company", "=", True)],
        help="The organisation's contact (address, phones, e-mail).",
    )
    company_id = fields.Many2one(
        "res.company",
        string="Company in this installation",
        index=True,
        tracking=True,
        help="The company whose users act for this participant (an "
        "authorised organisation keeps its register in it). Empty for an "
        "external participant whose documents come and go by its channel.",
    )
    state_id = fields.Many2one(
        "res.country.state",
        string="Region",
        domain="[('country_id.code', '=', 'RU')]",
        tracking=True,
    )
    channel = fields.Selection(CHANNELS, required=True, default="edms", tracking=True)
    channel_address = fields.Char(
        string="Protected channel address",
        tracking=True,
        help="Address of the protected communication channel documents are "
        "sent to (003:101).",
    )
    service_ids = fields.Many2many(
        "mgp.socemp.service",
        string="Services given",
        help="The social employment services this authorised organisation gives.",
    )
    authorisation = fields.Char(
        string="Authorised by",
        help="The act of the region that authorises the organisation "
        "(e.g. Распоряжение Правительства Владимирской области от "
        "20.06.2024 № 359-р, п. 2.3).",
    )
    active = fields.Boolean(default=True)

    @api.constrains("channel", "channel_address")
    def _check_channel_address(self):
        for participant in self:
            if participant.channel == "protected" and not participant.channel_address:
                raise ValidationError(
                    self.env._(
                        "Give the protected channel address of %s.", participant.name
                    )
                )

    @api.model
    def _mgp_of_user(self, kind=None):
        """The participants the current user acts for (by company)."""
        domain = [("company_id", "in", self.env.user.company_ids.ids)]
        if kind:
            domain.append(("kind", "=", kind))
        return self.search(domain)

    def _mgp_portal_rows(self):
        """What the organisation's representative sees in the portal: its
        register (the records its rules let him read) and the requests of
        the other participants it has to answer (003:112, 114), as plain
        values."""
        self.ensure_one()
        env = self.env
        records = env["mgp.socemp.record"].search(
            [("organisation_id", "=", self.id)], order="date_identified desc, id desc"
        )
        names = {
            person.id: person.name
            for person in env["res.partner"]
            .sudo()  # the persons of its own register: their names only
            .search_fetch([("id", "in", records.partner_id.ids)], ["name"])
        }
        states = dict(records._fields["state"]._description_selection(env))
        requests = (
            env["mgp.mse.request"]
            .sudo()  # the portal reads no interagency register: only these
            .search(
                [
                    ("request_type", "=", "socemp"),
                    ("direction", "=", "incoming"),
                    ("socemp_addressee_id", "=", self.id),
                    ("state", "in", ("draft", "sent")),
                    ("res_model", "=", "mgp.socemp.record"),
                    ("res_id", "in", records.ids),
                ],
                order="date_received, id",
            )
        )
        record_names = {record.id: record.name for record in records}
        today = centre_today(self)
        return {
            "records": [
                {
                    "id": record.id,
                    "name": record.name,
                    "person": names.get(record.partner_id.id, ""),
                    "date_identified": record.date_identified,
                    "consent_date": record.consent_date,
                    "state": states.get(record.state, ""),
                }
                for record in records
            ],
            "requests": [
                {
                    "id": request.id,
                    "record": record_names.get(request.res_id, ""),
                    "sender": request.socemp_sender_id.name,
                    "subject": request.subject or "",
                    "date_received": request.date_received,
                    # 003:114 and 003:112, the organisation's own terms
                    "date_due": request._mgp_deadline_get("req_reply").date_due,
                    "date_notice": request._mgp_deadline_get("req_impossible").date_due,
                    "late": bool(
                        request.mgp_next_date_due and request.mgp_next_date_due < today
                    ),
                }
                for request in requests
            ],
        }
