# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.mgp_base.models.mgp_transition import Transition

SPECIALIST = "mgp_base.group_specialist"
ORGANISATION = "mgp_social_employment.group_organisation"
# the addressee's «cannot answer» notice, 3 working days (003:112); the
# other terms are the register's own rules req_send / req_answer /
# req_reply / req_impossible (003:110, 112, 114)
NOTICE_CODE = "socemp_req_notice"
# the terms of the participant asked (003:112, 114)
ADDRESSEE_CODES = ("req_answer", NOTICE_CODE)
# mgp_base's multi-company rule of the register, as it ships
COMPANY_RULE = "mgp_base.mgp_mse_request_rule_company"
COMPANY_RULE_DOMAIN = "[('company_id', 'in', company_ids)]"
# the same rule with this addon: a request of social employment is read
# too by the users of the participant asked when it has a company here,
# and by the ministry, which organises their register (003:77), whatever
# companies are active; the other requests stay in their company
SOCEMP_COMPANY_RULE_DOMAIN = (
    "['|', ('company_id', 'in', company_ids), '&', "
    "('request_type', '=', 'socemp'), '|', "
    "('socemp_addressee_id.company_id', 'in', user.company_ids.ids), "
    "(1 if user.has_group('mgp_social_employment.group_ministry') else 0, "
    "'=', 1)]"
)


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
        # the participant asked registers the day it received the request:
        # its terms run from it (003:112, 114)
        "action_socemp_receipt": Transition(
            ("sent",),
            group=SPECIALIST,
            cancel=ADDRESSEE_CODES,
            open=ADDRESSEE_CODES,
        ),
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
    socemp_answerer = fields.Selection(
        [
            ("user", "The user's participant"),
            ("other", "Another participant of this installation"),
        ],
        string="Answered by",
        compute="_compute_socemp_answerer",
        help="Who registers the receipt, the answer or the notice that the "
        "request cannot be answered, when the participant asked acts in this "
        "installation (003:112, 114): its own users. Empty: the sender "
        "registers them (an external participant).",
    )

    @api.depends("request_type", "direction", "socemp_addressee_id.company_id")
    @api.depends_context("uid")
    def _compute_socemp_answerer(self):
        companies = self.env.user.company_ids
        for request in self:
            company = request._mgp_socemp_addressee_company()
            if not company:
                request.socemp_answerer = False
            else:
                request.socemp_answerer = "user" if company in companies else "other"

    def _mgp_may_act(self, group):
        """The organisation's users act on the requests of social employment
        as the centre's specialists act on theirs."""
        if (
            group == SPECIALIST
            and self
            and all(request.request_type == "socemp" for request in self)
            and self.env.user.has_group(ORGANISATION)
        ):
            return True
        return super()._mgp_may_act(group)

    @api.model
    def _mgp_socemp_company_rule(self, domain=SOCEMP_COMPANY_RULE_DOMAIN):
        """Set the domain of mgp_base's multi-company rule of the register
        (run on install and update; the uninstall hook restores it)."""
        rule = self.env.ref(COMPANY_RULE, raise_if_not_found=False)
        if rule and rule.domain_force != domain:
            rule.domain_force = domain
        return True

    def _mgp_socemp_addressee_company(self):
        """The company of the participant asked when it acts in this
        installation (an outgoing request to the ministry or another
        organisation), else an empty recordset."""
        self.ensure_one()
        if self.request_type != "socemp" or self.direction != "outgoing":
            return self.env["res.company"]
        return self.socemp_addressee_id.company_id

    def _mgp_socemp_check_addressee(self):
        """The answer or the «cannot answer» notice of a participant that
        acts in this installation is its own (003:112, 114): its users
        register it, not the sender on its behalf."""
        if self.env.su:
            return True
        for request in self:
            if request.socemp_answerer == "other":
                raise UserError(
                    self.env._(
                        "%(addressee)s answers the request %(request)s itself: "
                        "only its users register the answer or the notice that "
                        "it cannot answer.",
                        addressee=request.socemp_addressee_id.name,
                        request=request.name,
                    )
                )
        return True

    def _mgp_socemp_own_terms(self):
        """The addressee's terms belong to its company when it acts in this
        installation: its users see them with their own company active."""
        for request in self:
            company = request._mgp_socemp_addressee_company()
            if not company:
                continue
            deadlines = request._mgp_socemp_deadlines(ADDRESSEE_CODES).filtered(
                lambda d: d.state == "open"
            )
            deadlines.write({"company_id": company.id, "user_id": False})

    def _mgp_socemp_deadlines(self, codes=None):
        """The terms of these requests of ``codes`` (all: None), as the
        superuser."""
        # engine bookkeeping: the terms of a request of social employment
        # are of two companies (the sender's and the addressee's); whoever
        # of them acts, every term of the request follows it
        return self.sudo().deadline_ids.filtered(
            lambda d: codes is None or d.code in codes
        )

    def _mgp_deadline_close(self, codes, date_done=None):
        socemp = self.filtered(lambda r: r.request_type == "socemp")
        if not socemp:
            return super()._mgp_deadline_close(codes, date_done=date_done)
        codes = [codes] if isinstance(codes, str) else list(codes)
        closed = socemp._mgp_socemp_deadlines(codes)._close(date_done)
        return closed.with_env(self.env) | super(
            MgpMseRequest, self - socemp
        )._mgp_deadline_close(codes, date_done=date_done)

    def _mgp_deadline_cancel(self, codes=None):
        socemp = self.filtered(lambda r: r.request_type == "socemp")
        if not socemp:
            return super()._mgp_deadline_cancel(codes)
        if isinstance(codes, str):
            codes = [codes]
        cancelled = socemp._mgp_socemp_deadlines(codes)._cancel()
        return cancelled.with_env(self.env) | super(
            MgpMseRequest, self - socemp
        )._mgp_deadline_cancel(codes)

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
        socemp._mgp_socemp_own_terms()
        return result

    def action_socemp_receipt(self, date_received=None):
        """The participant asked, acting in this installation, registers the
        receipt of the request: its answer (5 working days) and «cannot
        answer» notice (3) terms run from that day (003:112, 114)."""
        self.ensure_one()
        if not self.socemp_answerer:
            raise UserError(
                self.env._(
                    "The receipt is registered by the participant asked when it "
                    "acts in this installation; otherwise it is given on sending."
                )
            )
        self._mgp_socemp_check_addressee()
        date_received = self._mgp_check_action_date(
            date_received,
            after=[(self.date_sent, self.env._("the sending of the request"))],
            label=self.env._("The receipt of the request"),
        )
        self._mgp_transition(
            "action_socemp_receipt",
            {"date_received": date_received},
            date=date_received,
            start=date_received,
        )
        self._mgp_socemp_own_terms()
        return True

    def action_register_reply(
        self, date_answer=None, disability_confirmed=None, note=None, document=None
    ):
        """:param document: the name of the answer's document, recorded in
        the exchange of the record (its channel, chatter and journal)."""
        self._mgp_socemp_check_addressee()
        result = super().action_register_reply(
            date_answer=date_answer,
            disability_confirmed=disability_confirmed,
            note=note,
        )
        self._mgp_deadline_cancel(NOTICE_CODE)
        if document:
            self._mgp_socemp_answer_document(document)
        return result

    def _mgp_socemp_answer_document(self, name):
        """The answer as a document of the record's exchange (003:101-103):
        received from the addressee, or sent to the sender of a request the
        organisation received."""
        self.ensure_one()
        record = self._mgp_socemp_record()
        if self.request_type != "socemp" or not record:
            return self.env["mgp.socemp.document"]
        outgoing = self.direction == "outgoing"
        participant = self.socemp_addressee_id if outgoing else self.socemp_sender_id
        # the addressee files its answer on the sender's record it does not
        # read (need-to-know): the consent check, the chatter and the access
        # journal (as this user) run as for every document of the exchange
        return (
            self.env["mgp.socemp.document"]
            .sudo()
            .create(
                {
                    "name": name,
                    "record_id": record.id,
                    "request_id": self.id,
                    "kind": "answer",
                    "direction": "received" if outgoing else "sent",
                    "participant_id": participant.id,
                    "date": self.date_answer,
                }
            )
            .with_env(self.env)
        )

    def action_register_impossible(self, reason, date=None):
        self._mgp_socemp_check_addressee()
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
