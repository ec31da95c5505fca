# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Service 1: the case and its state machine, the need decision and the
МСЭ path. The other concerns extend the same model in their own files:
eligibility on the person (``mgp_accompaniment_eligibility``), the
assignment (``mgp_accompaniment_assignment``, the NGO's answers and the
ranking in ``mgp_accompaniment_ngo``), the certificate
(``mgp_accompaniment_certificate``), the endings and the results
(``mgp_accompaniment_end``)."""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.mgp_base.models.mgp_deadline import SLA_STATUS
from odoo.addons.mgp_base.models.mgp_transition import Transition

STATES = [
    ("new", "New"),
    ("mse", "MSE request"),
    ("assignment", "Assignment"),
    ("active", "Accompaniment"),
    ("employed", "Employed"),
    ("expired", "Expired"),
    ("terminated", "Terminated"),
]
OPEN_STATES = ("new", "mse", "assignment", "active")
CLOSED_STATES = ("employed", "expired", "terminated")
# the termination reasons the need decision gives (seed 000:141, 143): codes
# of the catalogue ``mgp.accompaniment.termination.reason``
REASON_NO_NEED = "no_need"
REASON_MSE_REFUSAL = "mse_refusal"
# Deadlines that belong to the running service and end with it.
SERVICE_DEADLINES = (
    "s1_need_decision",
    "s1_mse_request",
    "s1_mse_answer",
    "s1_need_decision_mse",
    "s1_assignment",
    "s1_certificate",
    "s1_certificate_send",
)
NEED_DECISION_DEADLINES = ("s1_need_decision", "s1_need_decision_mse")
MSE_RECOMMENDATIONS = [
    ("needed", "Needs accompaniment"),
    ("not_needed", "Does not need it"),
]
CERTIFICATE_MONTHS = 6
# How the certificate reached the citizen (seed 000: «в личный кабинет»; it
# «может быть также распечатан и вручен очно»)
CERTIFICATE_DELIVERY = [
    ("portal", "Personal cabinet (portal)"),
    ("in_person", "Handed over in person"),
    ("post", "By post"),
    ("email", "By e-mail"),
]
# What the decision that the person may receive the service rests on
# (seed 000: a disabled person; the disability data may also be requested).
ELIGIBILITY_BASES = [
    ("group", "Disability group"),
    ("ipra", "IPRA extract"),
    ("request", "Disability data requested"),
]
# The NGO's answer to the proposal to conclude or amend the contract.
NGO_ANSWERS = [("consent", "Consented"), ("refusal", "Refused")]

SPECIALIST = "mgp_base.group_specialist"
MANAGER = "mgp_base.group_manager"
NOTICE_NO_NEED = "mgp_accompaniment.mail_template_no_need"
NOTICE_TERMINATION = "mgp_accompaniment.mail_template_termination"
NOTICE_CERTIFICATE = "mgp_accompaniment.mail_template_certificate"
# the assignment is complete: the certificate is due (the rows of the
# assignment close and open them only on the step that completes it)
ASSIGNMENT_DONE = {"close": ("s1_assignment",), "open": ("s1_certificate",)}
# an ending: the service's procedures stop; the results of an
# accompaniment that began are due
ENDING = {"cancel": SERVICE_DEADLINES, "open": ("s1_results",)}


def _to_id(value):
    """Id of a record or of an id (public methods take both)."""
    return value.id if isinstance(value, models.BaseModel) else value


class MgpAccompaniment(models.Model):
    """Service 1 «Сопровождение инвалида при трудоустройстве» (692н).

    The case starts from the individual employment plan agreed by the
    citizen; every procedure of SPEC §2 is a deadline of the engine. Its
    state changes only through the transitions of ``_mgp_transitions``
    (group, row lock, source state, one write, deadlines, notice), carried
    by the public ``action_*`` methods and, for the steps of the engine
    (the МСЭ request's answers, the daily expiry), by internal rows.
    """

    _name = "mgp.accompaniment"
    _description = "Employment Accompaniment Case"
    _inherit = [
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "mgp.case.mixin",
    ]
    _order = "plan_agreed_date desc, id desc"
    _mgp_number_code = "mgp.accompaniment"
    # set only by the actions and the engine (each file declares its own)
    _mgp_protected_fields = (
        "name",
        "state",
        "need",
        "need_decision_date",
        "mse_request_id",
    )
    _mgp_create_only_fields = ("company_id", "partner_id")
    # one open service-1 case per person (issue 17)
    _mgp_one_open_fields = ("partner_id",)
    _mgp_closed_states = CLOSED_STATES

    _mgp_transitions = {
        # need decision and the МСЭ path
        "action_request_mse": Transition(
            ("new",),
            "mse",
            SPECIALIST,
            close=("s1_need_decision",),
            open=("s1_mse_request",),
            launchers=("action_open_mse_wizard",),
        ),
        "mse_sent": Transition(
            ("mse",), close=("s1_mse_request",), open=("s1_mse_answer",)
        ),
        "mse_answered": Transition(
            ("mse",),
            close=("s1_mse_request", "s1_mse_answer"),
            open=("s1_need_decision_mse",),
        ),
        "action_decide_need": Transition(
            ("new", "mse"),
            "assignment",
            SPECIALIST,
            close=NEED_DECISION_DEADLINES,
            open=("s1_assignment",),
            launchers=("action_open_need_wizard",),
        ),
        # the decision «no need» ends the service with the notice
        "need_refused": Transition(
            ("new", "mse"),
            "terminated",
            SPECIALIST,
            close=NEED_DECISION_DEADLINES,
            cancel=SERVICE_DEADLINES,
            notice=NOTICE_NO_NEED,
        ),
        # assignment: an order and/or an NGO contract
        "action_assign_employee": Transition(("assignment",), group=SPECIALIST),
        "action_approve_order": Transition(
            ("assignment",),
            group=MANAGER,
            **ASSIGNMENT_DONE,
            launchers=("action_open_order_wizard",),
        ),
        "action_record_ngo_consent": Transition(("assignment",), group=SPECIALIST),
        "action_record_ngo_refusal": Transition(("assignment",), group=SPECIALIST),
        "action_assign_ngo": Transition(
            ("assignment",),
            group=SPECIALIST,
            **ASSIGNMENT_DONE,
            launchers=("action_open_assign_wizard",),
        ),
        # certificate
        "action_issue_certificate": Transition(
            ("assignment",),
            "active",
            SPECIALIST,
            close=("s1_certificate",),
            open=("s1_certificate_send",),
            launchers=("action_open_certificate_wizard",),
        ),
        "action_send_certificate": Transition(
            ("active",),
            group=SPECIALIST,
            close=("s1_certificate_send",),
            notice=NOTICE_CERTIFICATE,
        ),
        "action_hand_over_certificate": Transition(("active",), group=SPECIALIST),
        # endings; an employment after the end is recorded as a fact
        "action_mark_employed": Transition(
            ("assignment", "active", "expired", "terminated"),
            group=SPECIALIST,
            launchers=("action_open_employ_wizard",),
        ),
        "employed": Transition(
            ("assignment", "active"), "employed", SPECIALIST, **ENDING
        ),
        "expire": Transition(("active",), "expired", **ENDING),
        "action_terminate": Transition(
            OPEN_STATES,
            "terminated",
            SPECIALIST,
            notice=NOTICE_TERMINATION,
            **ENDING,
            launchers=("action_open_terminate_wizard",),
        ),
        "terminate_no_need": Transition(
            OPEN_STATES, "terminated", SPECIALIST, notice=NOTICE_NO_NEED, **ENDING
        ),
    }

    # the mixin's fields: only what differs
    partner_id = fields.Many2one(required=True, domain="[('is_company', '=', False)]")
    # chosen when the case is created (create-only afterwards)
    company_id = fields.Many2one(readonly=False)
    user_id = fields.Many2one(default=lambda self: self.env.user)
    state = fields.Selection(
        STATES,
        required=True,
        default="new",
        index=True,
        tracking=True,
        copy=False,
        group_expand=True,
    )
    plan_agreed_date = fields.Date(
        string="Plan agreed on",
        required=True,
        tracking=True,
        help="Date the citizen agreed the individual employment plan (or its "
        "change) that includes the measure.",
    )
    # case data the portal (citizen, NGO) never needs: staff only
    personal_file_number = fields.Char(
        string="Personal file number", tracking=True, groups=SPECIALIST
    )
    personal_file_date = fields.Date(string="Personal file date", groups=SPECIALIST)
    disability_info_date = fields.Date(
        string="Disability information received",
        groups=SPECIALIST,
        help="Date the information on the disability was received; an MSE "
        "request is due the next working day. Defaults to the plan date.",
    )
    need = fields.Selection(
        [
            ("pending", "Pending"),
            ("needed", "Needs accompaniment"),
            ("not_needed", "Does not need it"),
        ],
        required=True,
        default="pending",
        tracking=True,
        copy=False,
        groups=SPECIALIST,
    )
    need_decision_date = fields.Date(tracking=True, copy=False, groups=SPECIALIST)
    mse_request_ids = fields.One2many(
        "mgp.mse.request",
        "res_id",
        string="MSE requests",
        domain=[("res_model", "=", "mgp.accompaniment")],
        readonly=True,
        copy=False,
        groups=SPECIALIST,
    )
    mse_request_id = fields.Many2one(
        "mgp.mse.request",
        string="MSE request",
        readonly=True,
        copy=False,
        tracking=True,
        groups=SPECIALIST,
    )
    mse_recommendation = fields.Selection(
        MSE_RECOMMENDATIONS,
        string="MSE recommendation",
        compute="_compute_mse_recommendation",
        groups=SPECIALIST,
    )
    line_ids = fields.One2many(
        "mgp.accompaniment.line",
        "accompaniment_id",
        string="Accompaniment activities",
        copy=True,
    )
    line_count = fields.Integer(compute="_compute_line_stats")
    line_done_count = fields.Integer(compute="_compute_line_stats")
    results_complete = fields.Boolean(compute="_compute_line_stats")
    # Declared again so that this module owns (and translates) the labels
    # of the mixin's selection on this model.
    mgp_sla_status = fields.Selection(SLA_STATUS)

    _name_company_uniq = models.Constraint(
        "UNIQUE(company_id, name)", "A case with this number exists in the centre."
    )
    _personal_file_dates = models.Constraint(
        "CHECK (personal_file_date IS NULL OR plan_agreed_date IS NULL "
        "OR personal_file_date <= plan_agreed_date)",
        "The personal file cannot be opened after the plan is agreed.",
    )
    # the list's order (``_order``): its first page read from the index,
    # not by sorting the centre's cases
    _plan_agreed_order_idx = models.Index("(plan_agreed_date DESC, id DESC)")

    @api.depends("mse_request_id.recommendation")
    def _compute_mse_recommendation(self):
        for case in self:
            case.mse_recommendation = case.mse_request_id.recommendation

    @api.depends("line_ids.result", "line_ids.date_done")
    def _compute_line_stats(self):
        for case in self:
            done = case.line_ids.filtered(lambda line: line.date_done and line.result)
            case.line_count = len(case.line_ids)
            case.line_done_count = len(done)
            case.results_complete = bool(case.line_ids) and done == case.line_ids

    @api.constrains("plan_agreed_date", "need_decision_date", "employment_date")
    def _check_dates(self):
        for case in self:
            if (
                case.need_decision_date
                and case.plan_agreed_date
                and case.need_decision_date < case.plan_agreed_date
            ):
                raise ValidationError(
                    self.env._("The need decision cannot precede the plan agreement.")
                )
            if (
                case.employment_date
                and case.plan_agreed_date
                and case.employment_date < case.plan_agreed_date
            ):
                raise ValidationError(
                    self.env._("The employment cannot precede the plan agreement.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("disability_info_date") and vals.get("plan_agreed_date"):
                vals["disability_info_date"] = vals["plan_agreed_date"]
        cases = super().create(vals_list)
        for case in cases:
            case._mgp_check_action_date(
                case.plan_agreed_date, label=self.env._("The plan agreement")
            )
        # the deadlines of the whole batch: one search, one create
        self.env["mgp.deadline"]._open_many(
            cases,
            "s1_need_decision",
            date_start={case.id: case.plan_agreed_date for case in cases},
            fresh=True,
        )
        return cases

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for case in self:
            case.access_url = f"/my/accompaniment/{case.id}"
        return res

    # ------------------------------------------------------------------
    # Need decision and the MSE path
    # ------------------------------------------------------------------
    def action_request_mse(self, request_date=None):
        """Ask the MSE bureau for recommendations (the IPRA extract is not
        enough): creates the request and tracks its sending."""
        requests = self.env["mgp.mse.request"]
        for case in self:
            request_date = case._mgp_check_action_date(
                request_date,
                after=[(case.plan_agreed_date, self.env._("the plan agreement"))],
                label=self.env._("The request to the MSE bureau"),
            )
            info_date = case.disability_info_date or case.plan_agreed_date
            request = self.env["mgp.mse.request"]._mgp_engine_create(
                {
                    "partner_id": case.partner_id.id,
                    "res_model": case._name,
                    "res_id": case.id,
                    "company_id": case.company_id.id,
                    "user_id": (case.user_id or self.env.user).id,
                    "date_info_received": info_date,
                }
            )
            # the specialist's decision is "ask the bureau": the first
            # procedure is done, the MSE path starts
            case._mgp_transition(
                "action_request_mse",
                {"mse_request_id": request.id},
                date=request_date,
                start=info_date,
            )
            requests |= request
        if len(self) == 1:
            return {
                "type": "ir.actions.act_window",
                "res_model": "mgp.mse.request",
                "res_id": requests.id,
                "view_mode": "form",
                "target": "current",
            }
        return True

    def _mgp_on_mse_sent(self, request):
        self.ensure_one()
        if self.state == "mse":
            self._mgp_transition(
                "mse_sent",
                date=request.date_sent,
                start=request.date_received or request.date_sent,
            )
        return super()._mgp_on_mse_sent(request)

    def _mgp_on_mse_answer(self, request):
        self.ensure_one()
        if self.state == "mse":
            # the decision term runs «со дня их получения» (seed 000): from
            # the day the centre received the answer, not from its date
            self._mgp_transition(
                "mse_answered",
                {"mse_request_id": request.id},
                date=request.date_answer,
                start=request.date_answer_received or request.date_answer,
            )
        return super()._mgp_on_mse_answer(request)

    def action_decide_need(self, needed, decision_date=None):
        """Record the need decision: from the IPRA extract (state ``new``) or
        from the MSE recommendation (state ``mse``, after the answer). «No
        need» ends the service and tells the citizen."""
        for case in self:
            on_mse = case.state == "mse"
            if on_mse:
                case._mgp_check_mse_recommendation(needed)
            decision_date = case._mgp_check_action_date(
                decision_date,
                after=[
                    (case.plan_agreed_date, self.env._("the plan agreement")),
                    (
                        on_mse
                        and (
                            case.mse_request_id.date_answer_received
                            or case.mse_request_id.date_answer
                        ),
                        self.env._("the receipt of the answer of the MSE bureau"),
                    ),
                ],
                label=self.env._("The need decision"),
            )
            vals = {
                "need": "needed" if needed else "not_needed",
                "need_decision_date": decision_date,
            }
            if needed:
                case._mgp_transition("action_decide_need", vals, date=decision_date)
                continue
            reason = self.env["mgp.accompaniment.termination.reason"]._mgp_get(
                REASON_MSE_REFUSAL if on_mse else REASON_NO_NEED
            )
            vals.update(termination_reason_id=reason.id, termination_note=False)
            case._mgp_end_service("need_refused", vals, decision_date)
        return True

    def _mgp_check_mse_recommendation(self, needed):
        """On the MSE path the decision follows the bureau's answer."""
        self.ensure_one()
        request = self.mse_request_id
        if not request or request.state != "answered":
            raise UserError(
                self.env._(
                    "Register the answer of the MSE bureau before deciding on the need."
                )
            )
        if bool(needed) != (request.recommendation == "needed"):
            raise UserError(
                self.env._(
                    "The decision must follow the recommendation of the MSE "
                    "bureau (%s).",
                    dict(
                        request._fields["recommendation"]._description_selection(
                            self.env
                        )
                    ).get(request.recommendation),
                )
            )

    # ------------------------------------------------------------------
    # Wizards
    # ------------------------------------------------------------------
    def _mgp_wizard_action(self, model, name):
        self.ensure_one()
        return self._mgp_window(model, name, {"default_accompaniment_id": self.id})

    def action_open_need_wizard(self):
        return self._mgp_wizard_action(
            "mgp.accompaniment.need.wizard", self.env._("Need decision")
        )

    def action_open_mse_wizard(self):
        return self._mgp_wizard_action(
            "mgp.accompaniment.mse.wizard", self.env._("Request to the MSE bureau")
        )

    def action_open_assign_wizard(self):
        return self._mgp_wizard_action(
            "mgp.accompaniment.assign.wizard", self.env._("Assignment")
        )

    def action_open_order_wizard(self):
        return self._mgp_wizard_action(
            "mgp.accompaniment.order.wizard", self.env._("Approve the order")
        )

    def action_open_certificate_wizard(self):
        return self._mgp_wizard_action(
            "mgp.accompaniment.certificate.wizard", self.env._("Issue the certificate")
        )

    def action_open_employ_wizard(self):
        return self._mgp_wizard_action(
            "mgp.accompaniment.employ.wizard", self.env._("Employment")
        )

    def action_open_terminate_wizard(self):
        return self._mgp_wizard_action(
            "mgp.accompaniment.terminate.wizard", self.env._("Terminate the service")
        )

    def action_open_mse_request(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "mgp.mse.request",
            "res_id": self.mse_request_id.id,
            "view_mode": "form",
            "target": "current",
        }

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _mgp_check_group(self, group, message=None):
        # the one manager's transition of the table: the order's approval
        if group == MANAGER and message is None:
            message = self.env._("Only a manager of the centre may approve the order.")
        return super()._mgp_check_group(group, message=message)

    def _mgp_check_lines(self):
        for case in self:
            if not case.line_ids:
                raise UserError(
                    self.env._(
                        "Plan the accompaniment activities of case %s first.",
                        case.name,
                    )
                )
