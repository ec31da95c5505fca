# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from odoo.addons.mgp_base.models.mgp_transition import Transition

SPECIALIST = "mgp_base.group_specialist"
ORGANISATION = "mgp_social_employment.group_organisation"
# the addressee's «cannot answer» notice, 3 working days (003:112); the
# other terms are the register's own rules req_send / req_answer /
# req_reply / req_impossible (003:110, 112, 114)
NOTICE_CODE = "socemp_req_notice"


class MgpMseRequest(models.Model):
    """Requests between the participants of social employment on the
    suite's interagency register (003:110-114).

    An authorised organisation prepares and sends a request within 5
    working days of needing the information (``req_send``, its own term);
    the addressee answers within 5 working days of receipt (``req_answer``)
    or says within 3 working days that it cannot, with the reason
    (``socemp_req_notice``) — the addressee's terms. A request a
    participant sends to the organisation is registered as received: the
    organisation's own ``req_reply`` and ``req_impossible`` terms run."""

    _inherit = "mgp.mse.request"

    _mgp_transitions = {
        # the record's exchange stops: the waiting requests are cancelled
        "socemp_stop": Transition(("draft", "sent"), "cancelled", cancel=True),
    }
    # merged along the MRO with the other addons' fields
    _mgp_create_only_fields = ("socemp_sender_id", "socemp_addressee_id")

    request_type = fields.Selection(
        selection_add=[("socemp", "Social employment participant")],
        ondelete={"socemp": "cascade"},
    )
    # 003:101: an electronic document system, paper (post) or a protected
    # communication channel
    channel = fields.Selection(
        selection_add=[
            ("edms", "Electronic document system"),
            ("protected", "Protected communication channel"),
        ],
        ondelete={"edms": "set default", "protected": "set default"},
    )
    socemp_sender_id = fields.Many2one(
        "mgp.socemp.participant",
        string="Sender",
        index=True,
        readonly=True,
        help="The participant that sends the request.",
    )
    socemp_addressee_id = fields.Many2one(
        "mgp.socemp.participant",
        string="Addressee",
        index=True,
        readonly=True,
        help="The participant asked for the information.",
    )
    socemp_document_ids = fields.One2many(
        "mgp.socemp.document", "request_id", string="Documents exchanged"
    )

    def _mgp_check_group(self, group, message=None):
        """The organisation's users act on the requests of social employment
        as the centre's specialists act on theirs."""
        if (
            group == SPECIALIST
            and self
            and all(request.request_type == "socemp" for request in self)
            and self.env.user.has_group(ORGANISATION)
        ):
            return
        return super()._mgp_check_group(group, message=message)

    def _mgp_socemp_record(self):
        self.ensure_one()
        case = self._get_case()
        return case if case and case._name == "mgp.socemp.record" else None

    def action_send(self, date_sent=None, date_received=None):
        socemp = self.filtered(lambda r: r.request_type == "socemp")
        for request in socemp:
            record = request._mgp_socemp_record()
            if record:
                record._mgp_check_exchange()
        result = super().action_send(date_sent=date_sent, date_received=date_received)
        for request in socemp:
            request._mgp_deadline_open(NOTICE_CODE, request.date_received)
        return result

    def action_register_reply(
        self, date_answer=None, disability_confirmed=None, note=None
    ):
        result = super().action_register_reply(
            date_answer=date_answer,
            disability_confirmed=disability_confirmed,
            note=note,
        )
        self._mgp_deadline_cancel(NOTICE_CODE)
        return result

    def action_register_impossible(self, reason, date=None):
        result = super().action_register_impossible(reason, date=date)
        self._mgp_deadline_close(NOTICE_CODE, self.date_answer)
        return result

    def action_cancel(self):
        result = super().action_cancel()
        self._mgp_deadline_cancel(NOTICE_CODE)
        return result

    def _mgp_socemp_stop(self):
        """The record's exchange stops (consent withdrawn, record ended):
        the waiting requests are cancelled with their terms."""
        self._mgp_transition("socemp_stop")
        return True
