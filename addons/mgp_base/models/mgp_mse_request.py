# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .mgp_transition import Transition

REQUEST_TYPES = [
    ("mse", "MSE bureau: recommendations on the need"),
    ("disability", "Disability data (SFR / FRI)"),
    ("other", "Other body"),
]
CHANNELS = [
    ("smev", "SMEV"),
    ("email", "E-mail"),
    ("post", "Post"),
    ("in_person", "In person"),
]
# the request's own procedures (seed 003 §3.5–3.6); the МСЭ path is
# tracked by the case with the service's rules
REQUEST_DEADLINES = ("req_send", "req_answer", "req_reply", "req_impossible")
SPECIALIST = "mgp_base.group_specialist"


class MgpMseRequest(models.Model):
    """Interagency request: the register of the requests the centre sends
    (to an МСЭ bureau for its recommendations on the need; for disability
    data to the СФР / ФРИ; to other bodies) and receives, with their channel,
    dates, answers and «невозможно представить» notices.

    The technical name is kept from its first use (the МСЭ request)."""

    _name = "mgp.mse.request"
    _description = "Interagency Request"
    _inherit = ["mail.thread", "mail.activity.mixin", "mgp.case.mixin"]
    _order = "id desc"
    _mgp_number_code = "mgp.mse.request"
    # the request's progress is recorded by its actions only
    _mgp_protected_fields = (
        "name",
        "state",
        "res_model",
        "res_id",
        "date_sent",
        "date_answer",
        "date_answer_received",
        "recommendation",
        "disability_confirmed",
        "impossible_reason",
    )
    # the request's transitions (an incoming request is answered from
    # «draft», an outgoing one once sent: the action narrows the sources)
    _mgp_transitions = {
        "action_send": Transition(
            ("draft",), "sent", SPECIALIST, close=("req_send",), open=("req_answer",)
        ),
        "action_register_answer": Transition(
            ("draft", "sent"),
            group=SPECIALIST,
            launchers=("action_open_answer_wizard",),
        ),
        "answer": Transition(("sent",), "answered", SPECIALIST),
        "action_register_reply": Transition(
            ("draft", "sent"),
            "answered",
            SPECIALIST,
            close=("req_answer", "req_reply"),
            cancel=REQUEST_DEADLINES,
        ),
        "action_register_impossible": Transition(
            ("draft", "sent"),
            "impossible",
            SPECIALIST,
            close=("req_answer", "req_impossible"),
            cancel=REQUEST_DEADLINES,
            launchers=("action_open_impossible_wizard",),
        ),
        "action_cancel": Transition(
            ("draft", "sent"), "cancelled", cancel=REQUEST_DEADLINES
        ),
    }
    # a request received by the centre is registered with its receipt date
    _mgp_create_only_fields = (
        "company_id",
        "partner_id",
        "request_type",
        "direction",
        "date_received",
    )

    name = fields.Char(
        string="Number", required=True, copy=False, readonly=True, default="/"
    )
    partner_id = fields.Many2one(
        "res.partner", string="Person", required=True, index=True, tracking=True
    )
    res_model = fields.Char(string="Case model", index=True, readonly=True)
    res_id = fields.Many2oneReference(
        string="Case", model_field="res_model", index=True, readonly=True
    )
    company_id = fields.Many2one(
        "res.company",
        string="Centre",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    user_id = fields.Many2one(
        "res.users", string="Specialist", default=lambda self: self.env.user
    )
    request_type = fields.Selection(
        REQUEST_TYPES,
        string="Kind of request",
        required=True,
        default="mse",
        index=True,
    )
    direction = fields.Selection(
        [("outgoing", "Sent by the centre"), ("incoming", "Received by the centre")],
        required=True,
        default="outgoing",
        index=True,
    )
    channel = fields.Selection(CHANNELS, required=True, default="smev", tracking=True)
    bureau = fields.Char(
        string="Body", help="The МСЭ bureau or other body the request goes to."
    )
    subject = fields.Char(help="What is requested.")
    date_info_received = fields.Date(
        string="Disability information received",
        help="The request is due the next working day after this date.",
    )
    date_sent = fields.Date(tracking=True)
    date_received = fields.Date(
        string="Received by the bureau",
        tracking=True,
        help="The bureau answers within 5 working days from this date.",
    )
    date_answer = fields.Date(string="Answer date", tracking=True)
    # the decision term runs «со дня их получения» (seed 000): from the day
    # the centre received the answer, which may come after its date
    date_answer_received = fields.Date(
        string="Answer received by the centre",
        tracking=True,
        help="Day the centre received the answer; the terms that follow the "
        "answer run from it. Defaults to the answer date.",
    )
    recommendation = fields.Selection(
        [("needed", "Needs accompaniment"), ("not_needed", "Does not need it")],
        tracking=True,
    )
    answer_note = fields.Text(string="Answer details")
    disability_confirmed = fields.Boolean(
        tracking=True, help="The answer confirms the person's disability."
    )
    impossible_reason = fields.Text(
        string="Reason it cannot be answered",
        tracking=True,
        help="Reason of the «невозможно представить» notice.",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("sent", "Sent"),
            ("answered", "Answered"),
            ("impossible", "Cannot be answered"),
            ("cancelled", "Cancelled"),
        ],
        required=True,
        default="draft",
        tracking=True,
        index=True,
    )

    @api.constrains("date_sent", "date_received", "date_answer", "date_answer_received")
    def _check_dates(self):
        for request in self:
            if (
                request.date_sent
                and request.date_received
                and request.date_received < request.date_sent
            ):
                raise ValidationError(
                    self.env._("The bureau cannot receive a request before it is sent.")
                )
            if (
                request.date_answer
                and request.date_answer_received
                and request.date_answer_received < request.date_answer
            ):
                raise ValidationError(
                    self.env._("The centre cannot receive the answer before its date.")
                )
            if (
                request.date_answer
                and request.date_sent
                and request.date_answer < request.date_sent
            ):
                raise ValidationError(
                    self.env._("The answer cannot come before the request is sent.")
                )

    _name_company_uniq = models.Constraint(
        "UNIQUE(company_id, name)", "A request with this number exists in the centre."
    )

    @api.model_create_multi
    def create(self, vals_list):
        requests = super().create(vals_list)
        for request in requests:
            start = request.date_info_received or request._mgp_today()
            if request.direction == "incoming":
                # the centre answers, or says it cannot, within the rules
                start = request.date_received or start
                request._mgp_deadline_open("req_reply", start)
                request._mgp_deadline_open("req_impossible", start)
            elif request.request_type != "mse":
                request._mgp_deadline_open("req_send", start)
        return requests

    def _get_case(self):
        self.ensure_one()
        if self.res_model and self.res_id and self.res_model in self.env:
            return self.env[self.res_model].browse(self.res_id).exists()
        return None

    def _mgp_transition_deadline_codes(self, transition):
        close, cancel, to_open = super()._mgp_transition_deadline_codes(transition)
        if self.request_type != "mse":
            return close, cancel, to_open
        # the МСЭ path is tracked by the case with the service's rules
        own = set(REQUEST_DEADLINES)
        if cancel is not True:
            cancel = tuple(code for code in cancel if code not in own)
        return (
            tuple(code for code in close if code not in own),
            cancel,
            tuple(code for code in to_open if code not in own),
        )

    def _mgp_check_direction(self):
        """An incoming request is answered from «draft», an outgoing one
        once sent."""
        self._mgp_check_transition(
            ("draft",) if self.direction == "incoming" else ("sent",), lock=False
        )

    def action_send(self, date_sent=None, date_received=None):
        """Mark the request sent; the case tracks the bureau's answer."""
        for request in self:
            date_sent = request._mgp_check_action_date(
                date_sent,
                after=[
                    (
                        request.date_info_received,
                        self.env._("the receipt of the disability information"),
                    )
                ],
                label=self.env._("The sending of the request"),
            )
            date_received = request._mgp_check_action_date(
                date_received or date_sent,
                after=[(date_sent, self.env._("the sending of the request"))],
                label=self.env._("The receipt by the bureau"),
            )
            request._mgp_transition(
                "action_send",
                {"date_sent": date_sent, "date_received": date_received},
                date=date_sent,
                start=date_received,
            )
            case = request._get_case()
            if case and hasattr(case, "_mgp_on_mse_sent"):
                case._mgp_on_mse_sent(request)
        return True

    def action_register_answer(
        self, recommendation, date_answer=None, date_answer_received=None
    ):
        """Register the bureau's recommendation and hand it to the case.

        :param date_answer: the date of the bureau's answer
        :param date_answer_received: the day the centre received it (default
            the answer date): the case's decision term runs from it
        """
        self.ensure_one()
        if recommendation not in ("needed", "not_needed"):
            raise UserError(self.env._("Unknown MSE recommendation."))
        if self.state == "draft":
            self.action_send(date_sent=date_answer, date_received=date_answer)
        date_answer = self._mgp_check_action_date(
            date_answer,
            after=[(self.date_sent, self.env._("the sending of the request"))],
            label=self.env._("The answer of the bureau"),
        )
        date_answer_received = self._mgp_check_action_date(
            date_answer_received or date_answer,
            after=[(date_answer, self.env._("the answer of the bureau"))],
            label=self.env._("The receipt of the answer"),
        )
        self._mgp_transition(
            "answer",
            {
                "recommendation": recommendation,
                "date_answer": date_answer,
                "date_answer_received": date_answer_received,
            },
            date=date_answer,
        )
        case = self._get_case()
        if case and hasattr(case, "_mgp_on_mse_answer"):
            case._mgp_on_mse_answer(self)
        return True

    def action_register_reply(
        self, date_answer=None, disability_confirmed=None, note=None
    ):
        """Register the answer to a request that is not the МСЭ's (or the
        centre's own answer to a request it received)."""
        self.ensure_one()
        self._mgp_check_direction()
        date_answer = self._mgp_check_action_date(
            date_answer,
            after=[(self.date_sent or self.date_received, self.env._("the request"))],
            label=self.env._("The answer"),
        )
        vals = {"date_answer": date_answer, "date_answer_received": date_answer}
        if disability_confirmed is not None:
            vals["disability_confirmed"] = bool(disability_confirmed)
        if note:
            vals["answer_note"] = note
        self._mgp_transition("action_register_reply", vals, date=date_answer)
        case = self._get_case()
        if case and hasattr(case, "_mgp_on_mse_answer"):
            case._mgp_on_mse_answer(self)
        return True

    def action_register_impossible(self, reason, date=None):
        """The information cannot be given: the «невозможно представить»
        notice with its reason."""
        self.ensure_one()
        if not (reason or "").strip():
            raise UserError(
                self.env._("Give the reason the request cannot be answered.")
            )
        self._mgp_check_direction()
        date = self._mgp_check_action_date(
            date,
            after=[(self.date_sent or self.date_received, self.env._("the request"))],
            label=self.env._("The notice"),
        )
        self._mgp_transition(
            "action_register_impossible",
            {"date_answer": date, "impossible_reason": reason},
            date=date,
        )
        case = self._get_case()
        if case and hasattr(case, "_mgp_on_request_impossible"):
            case._mgp_on_request_impossible(self)
        return True

    def action_cancel(self):
        self._mgp_transition("action_cancel")
        return True

    def action_open_answer_wizard(self):
        return self._mgp_answer_wizard("answer", self.env._("Register the answer"))

    def action_open_impossible_wizard(self):
        return self._mgp_answer_wizard("impossible", self.env._("Cannot be answered"))

    def _mgp_answer_wizard(self, kind, name):
        self.ensure_one()
        return self._mgp_window(
            "mgp.mse.answer.wizard",
            name,
            {"default_request_id": self.id, "default_kind": kind},
        )
