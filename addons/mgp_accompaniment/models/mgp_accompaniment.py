# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import format_date

from odoo.addons.mgp_base.models.mgp_deadline import SLA_STATUS

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
# the person's data shown on the case (person_* fields)
PERSON_IPRA_FIELDS = (
    "mgp_disability_group",
    "mgp_ipra_number",
    "mgp_ipra_date",
    "mgp_ipra_date_end",
    "mgp_impaired_function_ids",
    "mgp_recommended_conditions",
    "mgp_contraindicated_conditions",
)
TERMINATION_REASONS = [
    ("no_need", "No need for accompaniment"),
    ("mse_refusal", "MSE bureau: no need (refusal)"),
    ("withdrawn", "Withdrawn by the citizen"),
    ("deregistered", "Removed from the register"),
    ("other", "Other reason"),
]
# Deadlines that belong to the running service and end with it.
SERVICE_DEADLINES = [
    "s1_need_decision",
    "s1_mse_request",
    "s1_mse_answer",
    "s1_need_decision_mse",
    "s1_assignment",
    "s1_certificate",
    "s1_certificate_send",
]
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
# Free capacity shown for an NGO without a declared limit.
UNLIMITED_CAPACITY = 9999
# What the decision that the person may receive the service rests on
# (seed 000: a disabled person; the disability data may also be requested).
ELIGIBILITY_BASES = [
    ("group", "Disability group"),
    ("ipra", "IPRA extract"),
    ("request", "Disability data requested"),
]
# The NGO's answer to the proposal to conclude or amend the contract.
NGO_ANSWERS = [("consent", "Consented"), ("refusal", "Refused")]


def _to_id(value):
    """Id of a record or of an id (public methods take both)."""
    return value.id if isinstance(value, models.BaseModel) else value


class MgpAccompaniment(models.Model):
    """Service 1 «Сопровождение инвалида при трудоустройстве» (692н).

    The case starts from the individual employment plan agreed by the
    citizen; every procedure of SPEC §2 is a deadline of the engine
    (``mgp.deadline.mixin``) opened and closed by the public ``action_*``
    methods, which check the state and the user's group on the server.
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
    # set only by the actions (decision, MSE, order, NGO, certificate,
    # employment, termination) and the engine
    _mgp_protected_fields = (
        "name",
        "state",
        "need",
        "need_decision_date",
        "mse_request_id",
        "responsible_user_id",
        "order_number",
        "order_date",
        "order_state",
        "order_user_id",
        "order_approver_id",
        "ngo_id",
        "ngo_contract_id",
        "ngo_assign_date",
        "assignment_done_date",
        "certificate_number",
        "certificate_date",
        "date_end",
        "certificate_sent_date",
        "certificate_delivery",
        "certificate_handed_by_id",
        "employment_date",
        "employer_id",
        "date_closed",
        "termination_reason",
        "termination_note",
        "eligibility_basis",
        "eligibility_request_id",
    )
    _mgp_create_only_fields = ("company_id", "partner_id")
    # one open service-1 case per person (issue 17)
    _mgp_one_open_fields = ("partner_id",)
    _mgp_closed_states = ("employed", "expired", "terminated")

    name = fields.Char(
        string="Number", required=True, copy=False, readonly=True, default="/"
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Person",
        required=True,
        index=True,
        tracking=True,
        domain="[('is_company', '=', False)]",
    )
    company_id = fields.Many2one(
        "res.company",
        string="Centre",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Specialist",
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
    )
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
        string="Personal file number", tracking=True, groups="mgp_base.group_specialist"
    )
    personal_file_date = fields.Date(
        string="Personal file date", groups="mgp_base.group_specialist"
    )
    disability_info_date = fields.Date(
        string="Disability information received",
        groups="mgp_base.group_specialist",
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
        groups="mgp_base.group_specialist",
    )
    need_decision_date = fields.Date(
        tracking=True, copy=False, groups="mgp_base.group_specialist"
    )
    mse_request_ids = fields.One2many(
        "mgp.mse.request",
        "res_id",
        string="MSE requests",
        domain=[("res_model", "=", "mgp.accompaniment")],
        readonly=True,
        copy=False,
        groups="mgp_base.group_specialist",
    )
    mse_request_id = fields.Many2one(
        "mgp.mse.request",
        string="MSE request",
        readonly=True,
        copy=False,
        tracking=True,
        groups="mgp_base.group_specialist",
    )
    mse_recommendation = fields.Selection(
        MSE_RECOMMENDATIONS,
        string="MSE recommendation",
        compute="_compute_mse_recommendation",
        groups="mgp_base.group_specialist",
    )
    line_ids = fields.One2many(
        "mgp.accompaniment.line",
        "accompaniment_id",
        string="Accompaniment activities",
        copy=True,
    )
    # Eligibility: the data of the person the start of the case rests on
    eligibility_basis = fields.Selection(
        ELIGIBILITY_BASES,
        string="Disabled person: basis",
        readonly=True,
        copy=False,
        groups="mgp_base.group_specialist",
        help="What the start of the case rests on: the disability group or the "
        "IPRA data of the person, or the request for his disability data.",
    )
    eligibility_request_id = fields.Many2one(
        "mgp.mse.request",
        string="Disability data request",
        readonly=True,
        copy=False,
        groups="mgp_base.group_specialist",
    )
    # the person's IPRA data, shown to those who need to know them
    person_disability_group = fields.Selection(
        [
            ("1", "Group I"),
            ("2", "Group II"),
            ("3", "Group III"),
            ("child", "Disabled child"),
        ],
        string="Disability group",
        compute="_compute_person_ipra",
        groups="mgp_base.group_specialist",
    )
    person_ipra_number = fields.Char(
        string="IPRA number",
        compute="_compute_person_ipra",
        groups="mgp_base.group_specialist",
    )
    person_ipra_date = fields.Date(
        string="IPRA date",
        compute="_compute_person_ipra",
        groups="mgp_base.group_specialist",
    )
    person_ipra_date_end = fields.Date(
        string="IPRA valid until",
        compute="_compute_person_ipra",
        groups="mgp_base.group_specialist",
    )
    person_impaired_function_ids = fields.Many2many(
        "mgp.impaired.function",
        string="Impaired functions",
        compute="_compute_person_ipra",
        groups="mgp_base.group_specialist",
    )
    person_recommended_conditions = fields.Text(
        string="Recommended working conditions",
        compute="_compute_person_ipra",
        groups="mgp_base.group_specialist",
    )
    person_contraindicated_conditions = fields.Text(
        string="Contraindicated working conditions",
        compute="_compute_person_ipra",
        groups="mgp_base.group_specialist",
    )
    ngo_answer_ids = fields.One2many(
        "mgp.accompaniment.ngo.answer",
        "accompaniment_id",
        string="Answers of the NGOs",
        readonly=True,
        copy=False,
        groups="mgp_base.group_specialist",
    )
    # Assignment: a centre employee by an order and/or an NGO by a contract
    responsible_user_id = fields.Many2one(
        "res.users",
        string="Accompanying employee",
        tracking=True,
        copy=False,
        domain="[('share', '=', False)]",
    )
    order_number = fields.Char(tracking=True, copy=False, readonly=True)
    order_date = fields.Date(tracking=True, copy=False)
    order_state = fields.Selection(
        [("draft", "Draft"), ("approved", "Approved")],
        tracking=True,
        copy=False,
        readonly=True,
    )
    order_user_id = fields.Many2one(
        "res.users",
        string="Order drafted by",
        copy=False,
        readonly=True,
        help="The employee who drafted the order; another manager approves it.",
    )
    order_approver_id = fields.Many2one(
        "res.users",
        string="Order approved by",
        copy=False,
        readonly=True,
        tracking=True,
    )
    ngo_id = fields.Many2one(
        "res.partner",
        string="NGO",
        index=True,
        tracking=True,
        copy=False,
        domain="[('mgp_ngo_state', '=', 'included')]",
    )
    ngo_contract_id = fields.Many2one(
        "mgp.ngo.contract",
        string="NGO contract",
        tracking=True,
        copy=False,
        domain="[('partner_id', '=', ngo_id)]",
    )
    ngo_contact = fields.Char(
        string="NGO accompanying person",
        copy=False,
        help="Name, phone and e-mail of the NGO's accompanying person.",
    )
    ngo_assign_date = fields.Date(
        string="NGO assigned on",
        copy=False,
        readonly=True,
        help="Date the NGO contract for this case was concluded or amended.",
    )
    accompanying_contact = fields.Char(
        compute="_compute_accompanying_contact",
        store=True,
        readonly=False,
        help="Name, phone and e-mail of the accompanying person shown on the "
        "certificate.",
    )
    assignment_done_date = fields.Date(
        string="Assignment completed on", readonly=True, copy=False, tracking=True
    )
    # Certificate (Приложение 1)
    certificate_number = fields.Char(tracking=True, copy=False, readonly=True)
    certificate_date = fields.Date(tracking=True, copy=False, readonly=True)
    date_end = fields.Date(
        string="Accompaniment until", tracking=True, copy=False, readonly=True
    )
    certificate_sent_date = fields.Date(
        string="Certificate sent on", tracking=True, copy=False, readonly=True
    )
    certificate_delivery = fields.Selection(
        CERTIFICATE_DELIVERY, tracking=True, copy=False, readonly=True
    )
    certificate_handed_by_id = fields.Many2one(
        "res.users",
        string="Certificate handed over by",
        copy=False,
        readonly=True,
        tracking=True,
    )
    certificate_notes = fields.Text(
        compute="_compute_certificate_notes",
        store=True,
        help="Notes of the certificate: the activities performed by an NGO "
        "when it covers only part of them.",
    )
    # End
    employment_date = fields.Date(tracking=True, copy=False, readonly=True)
    employer_id = fields.Many2one(
        "res.partner", tracking=True, copy=False, readonly=True
    )
    date_closed = fields.Date(string="Closed on", copy=False, readonly=True)
    termination_reason = fields.Selection(
        TERMINATION_REASONS, tracking=True, copy=False, readonly=True
    )
    termination_note = fields.Text(
        copy=False, readonly=True, groups="mgp_base.group_specialist"
    )
    line_count = fields.Integer(compute="_compute_line_stats")
    line_done_count = fields.Integer(compute="_compute_line_stats")
    results_complete = fields.Boolean(compute="_compute_line_stats")
    # Declared again so that this module owns (and translates) the labels
    # of the mixin's selection on this model.
    mgp_sla_status = fields.Selection(SLA_STATUS)
    certificate_expiring = fields.Boolean(
        string="Certificate ends within 30 days",
        compute="_compute_certificate_expiring",
        search="_search_certificate_expiring",
    )

    _name_company_uniq = models.Constraint(
        "UNIQUE(company_id, name)", "A case with this number exists in the centre."
    )
    _order_number_company_uniq = models.Constraint(
        "UNIQUE(company_id, order_number)",
        "An order with this number exists in the centre.",
    )
    _certificate_number_company_uniq = models.Constraint(
        "UNIQUE(company_id, certificate_number)",
        "A certificate with this number exists in the centre.",
    )
    _personal_file_dates = models.Constraint(
        "CHECK (personal_file_date IS NULL OR plan_agreed_date IS NULL "
        "OR personal_file_date <= plan_agreed_date)",
        "The personal file cannot be opened after the plan is agreed.",
    )

    @api.depends(
        "responsible_user_id",
        "responsible_user_id.phone",
        "responsible_user_id.email",
        "ngo_id",
        "ngo_contact",
    )
    def _compute_accompanying_contact(self):
        for case in self:
            user = case.responsible_user_id
            if user:
                parts = [user.name, user.phone, user.email]
            elif case.ngo_id:
                parts = [
                    case.ngo_contact or case.ngo_id.name,
                    case.ngo_id.phone if not case.ngo_contact else False,
                    case.ngo_id.email if not case.ngo_contact else False,
                ]
            else:
                parts = []
            case.accompanying_contact = ", ".join(p for p in parts if p) or False

    @api.depends(
        "ngo_id",
        "ngo_contact",
        "line_ids.performer",
        "line_ids.activity_id",
        "line_ids.ngo_id",
    )
    def _compute_certificate_notes(self):
        # Printed-form text of Приложение 1: always in Russian.
        for case in self:
            ngo_lines = case.line_ids.filtered(lambda line: line.performer == "ngo")
            centre_lines = case.line_ids - ngo_lines
            if not (case.ngo_id and ngo_lines and centre_lines):
                case.certificate_notes = False
                continue
            activities = "; ".join(
                f"{index}) {line.activity_id.name}"
                for index, line in enumerate(ngo_lines.sorted("sequence"), start=1)
            )
            contact = case.ngo_contact or ", ".join(
                p for p in (case.ngo_id.phone, case.ngo_id.email) if p
            )
            name = case.ngo_id.name
            if "«" not in name:
                name = f"«{name}»"
            note = (
                f"Мероприятия, выполняемые негосударственной организацией "
                f"{name}: {activities}."
            )
            if contact:
                note += f" Сопровождающее лицо: {contact}."
            case.certificate_notes = note

    @api.depends("mse_request_id.recommendation")
    def _compute_mse_recommendation(self):
        for case in self:
            case.mse_recommendation = case.mse_request_id.recommendation

    @api.depends("partner_id")
    @api.depends_context("uid")
    def _compute_person_ipra(self):
        # need to know: the data of the persons whose data the user may read
        allowed = self.partner_id._mgp_person_data_allowed()
        if not self.env.su:
            # shown on the case: in the access journal
            self.env["res.partner"]._mgp_journal_read(
                allowed,
                PERSON_IPRA_FIELDS,
                case=self if len(self) == 1 and isinstance(self.id, int) else None,
            )
        for case in self:
            # read as superuser, shown only when ``allowed`` (above)
            person = case.partner_id.sudo() if case.partner_id in allowed else None
            case.person_disability_group = person and person.mgp_disability_group
            case.person_ipra_number = person and person.mgp_ipra_number
            case.person_ipra_date = person and person.mgp_ipra_date
            case.person_ipra_date_end = person and person.mgp_ipra_date_end
            case.person_impaired_function_ids = (
                person.mgp_impaired_function_ids.ids if person else []
            )
            case.person_recommended_conditions = (
                person and person.mgp_recommended_conditions
            )
            case.person_contraindicated_conditions = (
                person and person.mgp_contraindicated_conditions
            )

    @api.depends("line_ids.result", "line_ids.date_done")
    def _compute_line_stats(self):
        for case in self:
            done = case.line_ids.filtered(lambda line: line.date_done and line.result)
            case.line_count = len(case.line_ids)
            case.line_done_count = len(done)
            case.results_complete = bool(case.line_ids) and done == case.line_ids

    @api.depends("date_end", "state")
    def _compute_certificate_expiring(self):
        limit = fields.Date.context_today(self) + relativedelta(days=30)
        for case in self:
            case.certificate_expiring = bool(
                case.state == "active" and case.date_end and case.date_end <= limit
            )

    def _search_certificate_expiring(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        limit = fields.Date.context_today(self) + relativedelta(days=30)
        domain = Domain([("state", "=", "active"), ("date_end", "!=", False)]) & Domain(
            "date_end", "<=", limit
        )
        return domain if (operator == "=") == value else ~domain

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
        # refused before anything is saved
        bases = self._mgp_eligibility(
            self.env["res.partner"].browse(
                {vals["partner_id"] for vals in vals_list if vals.get("partner_id")}
            )
        )
        cases = super().create(vals_list)
        for case in cases:
            case._mgp_check_action_date(
                case.plan_agreed_date, label=self.env._("The plan agreement")
            )
        # one write per basis, not per case
        for (basis, request), group in cases.grouped(
            lambda case: bases[case.partner_id]
        ).items():
            group._mgp_engine_write(
                {"eligibility_basis": basis, "eligibility_request_id": request.id}
            )
        # the deadlines of the whole batch: one search, one create
        self.env["mgp.deadline"]._open_many(
            cases,
            "s1_need_decision",
            date_start={case.id: case.plan_agreed_date for case in cases},
        )
        return cases

    @api.model
    def _mgp_eligibility(self, partners):
        """The basis on which each of ``partners`` may receive the service: a
        disabled person (disability group or IPRA data on the person), or
        one whose disability data were requested (a disability data request
        sent, or answered confirming it).

        :return: ``{partner: (basis, request)}``
        :raise UserError: for a person without any of them
        """
        # a person of another centre is taken into a case only through that
        # centre's sharing of his data: refused before anything about him
        # (his name, whether he is disabled) is told
        foreign = (
            partners.sudo()
            .filtered(lambda p: p.company_id and p.company_id not in self.env.companies)
            .with_env(self.env)
        )
        if not self.env.su and foreign - foreign._mgp_person_data_allowed():
            raise UserError(
                self.env._(
                    "This person is registered in another employment centre: he "
                    "is taken into a case of your centre only when his data are "
                    "shared with it, which the regional administrator decides."
                )
            )
        # the check reads the person's disability data whatever the user's
        # need to know: only the basis is kept on the case
        people = partners.sudo()
        requests = self.env["mgp.mse.request"].sudo()
        pending = people.filtered(
            lambda p: not (p.mgp_disability_group or p.mgp_ipra_number)
        )
        if pending:
            requests = requests.search(
                [
                    ("partner_id", "in", pending.ids),
                    ("request_type", "=", "disability"),
                    ("direction", "=", "outgoing"),
                    "|",
                    ("state", "=", "sent"),
                    "&",
                    ("state", "=", "answered"),
                    ("disability_confirmed", "=", True),
                ],
                order="date_sent desc, id desc",
            )
        result = {}
        for person in people:
            partner = person.with_env(self.env)
            if person.mgp_disability_group:
                result[partner] = ("group", requests.browse())
            elif person.mgp_ipra_number:
                result[partner] = ("ipra", requests.browse())
            else:
                request = requests.filtered(lambda r, p=person: r.partner_id == p)[:1]
                if not request:
                    raise UserError(
                        self.env._(
                            "The service is provided to a disabled person: %s has "
                            "neither a disability group nor IPRA data, and no "
                            "request for his disability data was sent. Enter the "
                            "disability data of the person or send the request "
                            "first.",
                            partner.display_name,
                        )
                    )
                result[partner] = ("request", request.with_env(self.env))
        return result

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
        self._mgp_check_group("mgp_base.group_specialist")
        requests = self.env["mgp.mse.request"]
        for case in self:
            case._mgp_check_transition(("new",))
            request_date = case._mgp_check_action_date(
                request_date,
                after=[(case.plan_agreed_date, self.env._("the plan agreement"))],
                label=self.env._("The request to the MSE bureau"),
            )
            request = self.env["mgp.mse.request"]._mgp_engine_create(
                {
                    "partner_id": case.partner_id.id,
                    "res_model": case._name,
                    "res_id": case.id,
                    "company_id": case.company_id.id,
                    "user_id": (case.user_id or self.env.user).id,
                    "date_info_received": case.disability_info_date
                    or case.plan_agreed_date,
                }
            )
            case._mgp_engine_write({"state": "mse", "mse_request_id": request.id})
            # the specialist's decision is "ask the bureau": the first
            # procedure is done, the MSE path starts
            case._mgp_deadline_close("s1_need_decision", request_date)
            case._mgp_deadline_open(
                "s1_mse_request", case.disability_info_date or case.plan_agreed_date
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
        self._mgp_deadline_close("s1_mse_request", request.date_sent)
        self._mgp_deadline_open(
            "s1_mse_answer", request.date_received or request.date_sent
        )
        return super()._mgp_on_mse_sent(request)

    def _mgp_on_mse_answer(self, request):
        self.ensure_one()
        self._mgp_deadline_close(
            ["s1_mse_request", "s1_mse_answer"], request.date_answer
        )
        if self.state == "mse":
            self._mgp_engine_write({"mse_request_id": request.id})
            self._mgp_deadline_open("s1_need_decision_mse", request.date_answer)
        return super()._mgp_on_mse_answer(request)

    def action_decide_need(self, needed, decision_date=None):
        """Record the need decision: from the IPRA extract (state ``new``) or
        from the MSE recommendation (state ``mse``, after the answer)."""
        self._mgp_check_group("mgp_base.group_specialist")
        for case in self:
            case._mgp_check_transition(("new", "mse"))
            on_mse = case.state == "mse"
            decision_date = case._mgp_check_action_date(
                decision_date,
                after=[
                    (case.plan_agreed_date, self.env._("the plan agreement")),
                    (
                        on_mse and case.mse_request_id.date_answer,
                        self.env._("the answer of the MSE bureau"),
                    ),
                ],
                label=self.env._("The need decision"),
            )
            if on_mse:
                request = case.mse_request_id
                if not request or request.state != "answered":
                    raise UserError(
                        self.env._(
                            "Register the answer of the MSE bureau before "
                            "deciding on the need."
                        )
                    )
                if bool(needed) != (request.recommendation == "needed"):
                    raise UserError(
                        self.env._(
                            "The decision must follow the recommendation of the "
                            "MSE bureau (%s).",
                            dict(
                                request._fields[
                                    "recommendation"
                                ]._description_selection(self.env)
                            ).get(request.recommendation),
                        )
                    )
            code = "s1_need_decision_mse" if on_mse else "s1_need_decision"
            case._mgp_deadline_close(code, decision_date)
            case._mgp_engine_write(
                {
                    "need": "needed" if needed else "not_needed",
                    "need_decision_date": decision_date,
                }
            )
            if needed:
                case._mgp_engine_write({"state": "assignment"})
                case._mgp_deadline_open("s1_assignment", decision_date)
            else:
                case._mgp_terminate(
                    "mse_refusal" if on_mse else "no_need", decision_date
                )
        return True

    # ------------------------------------------------------------------
    # Assignment: order and/or NGO contract
    # ------------------------------------------------------------------
    def action_assign_employee(self, user, order_date=None):
        """Draft the order (Приложение 3) appointing ``user`` (record or id)
        as the accompanying employee; a manager approves it."""
        self.ensure_one()
        self._mgp_check_group("mgp_base.group_specialist")
        self._mgp_check_transition(("assignment",))
        self._mgp_check_lines()
        user = self.env["res.users"].browse(_to_id(user))
        if not user or user.share or self.company_id not in user.company_ids:
            raise UserError(self.env._("Choose an employee of the centre."))
        if self.order_state == "approved":
            raise UserError(self.env._("The order is already approved."))
        if order_date:
            order_date = self._mgp_check_action_date(
                order_date,
                after=[(self.need_decision_date, self.env._("the need decision"))],
                label=self.env._("The order"),
            )
        self._mgp_engine_write(
            {
                "responsible_user_id": user.id,
                "order_state": "draft",
                "order_date": order_date or self.order_date,
                "order_user_id": self.env.user.id,
            }
        )
        self.line_ids.filtered(
            lambda line: line.performer == "centre"
        )._mgp_engine_write({"user_id": user.id})
        return True

    def action_approve_order(self, order_date=None):
        """Approve (sign) the order appointing the accompanying employee.

        Only a manager of the centre may approve it.
        """
        self._mgp_check_group(
            "mgp_base.group_manager",
            self.env._("Only a manager of the centre may approve the order."),
        )
        for case in self:
            case._mgp_check_transition(("assignment",))
            if not case.responsible_user_id or case.order_state != "draft":
                raise UserError(self.env._("Appoint the accompanying employee first."))
            if case.order_user_id == self.env.user and not self.env.su:
                # segregation of duties: the drafter never signs his own order
                raise UserError(
                    self.env._(
                        "The order must be approved by another manager than the "
                        "employee who drafted it."
                    )
                )
            order_date = case._mgp_check_action_date(
                order_date or case.order_date,
                after=[(case.need_decision_date, self.env._("the need decision"))],
                label=self.env._("The order"),
            )
            # the order's requisites are given when it is signed
            case._mgp_engine_write(
                {
                    "order_state": "approved",
                    "order_date": order_date,
                    "order_approver_id": self.env.user.id,
                    "order_number": case.order_number
                    or case._mgp_next_number(
                        "mgp.accompaniment.order", case.company_id
                    ),
                }
            )
            case._mgp_check_assignment_complete()
        return True

    def action_assign_ngo(self, ngo, contract, contact=None, assign_date=None):
        """Assign ``ngo`` under ``contract`` (records or ids): lines whose
        activity the NGO declares go to it, the rest stays with the centre
        employee.

        :param assign_date: date the contract was concluded or amended for
            this case (default: the contract date, not before the decision)
        """
        self.ensure_one()
        self._mgp_check_group("mgp_base.group_specialist")
        self._mgp_check_transition(("assignment",))
        self._mgp_check_lines()
        ngo = self.env["res.partner"].browse(_to_id(ngo))
        contract = self.env["mgp.ngo.contract"].browse(_to_id(contract))
        if self.ngo_contract_id and self.assignment_done_date:
            raise UserError(self.env._("The NGO is already assigned."))
        if ngo.mgp_ngo_state != "included":
            raise UserError(
                self.env._("Only an NGO included in the registry can be assigned.")
            )
        if contract.partner_id != ngo:
            raise UserError(self.env._("The contract belongs to another NGO."))
        if contract.state != "active":
            raise UserError(self.env._("The chosen contract is not in force."))
        answer = self._mgp_ngo_answers().get(ngo)
        if not answer or answer.answer != "consent":
            raise UserError(
                self.env._(
                    "Record the consent of %s to conclude or amend the contract "
                    "for this case first.",
                    ngo.name,
                )
            )
        assign_date = self._mgp_check_action_date(
            assign_date or max(contract.date, self.need_decision_date or contract.date),
            after=[
                (self.need_decision_date, self.env._("the need decision")),
                (contract.date, self.env._("the NGO contract")),
            ],
            label=self.env._("The NGO assignment"),
        )
        covered = ngo.mgp_ngo_activity_ids
        candidates = self._mgp_ngo_candidate_lines()
        if not covered & candidates.activity_id:
            raise UserError(
                self.env._("%s declares none of the activities of this case.", ngo.name)
            )
        for line in self.line_ids:
            if line in candidates and line.activity_id in covered:
                line._mgp_engine_write(
                    {"performer": "ngo", "ngo_id": ngo.id, "user_id": False}
                )
            else:
                line._mgp_engine_write(
                    {
                        "performer": "centre",
                        "ngo_id": False,
                        "user_id": self.responsible_user_id.id,
                    }
                )
        self._mgp_engine_write(
            {
                "ngo_id": ngo.id,
                "ngo_contract_id": contract.id,
                "ngo_contact": contact or self.ngo_contact,
                "ngo_assign_date": assign_date,
            }
        )
        self.message_post(
            body=self.env._(
                "NGO %(ngo)s assigned under contract %(number)s of %(date)s.",
                ngo=ngo.name,
                number=contract.number,
                date=format_date(self.env, contract.date),
            )
        )
        self._mgp_check_assignment_complete()
        return True

    def _mgp_ngo_candidate_lines(self):
        """The lines an NGO may take: those the specialist planned for an
        NGO, or every line when none is."""
        self.ensure_one()
        ngo_lines = self.line_ids.filtered(lambda line: line.performer == "ngo")
        return ngo_lines or self.line_ids

    def _mgp_assignment_requirements(self):
        """(order needed, NGO contract needed) for the current lines."""
        self.ensure_one()
        ngo_lines = self.line_ids.filtered(lambda line: line.performer == "ngo")
        centre_lines = self.line_ids - ngo_lines
        needs_ngo = bool(ngo_lines) or bool(self.ngo_id)
        needs_order = bool(centre_lines) or not needs_ngo
        return needs_order, needs_ngo

    def _mgp_check_assignment_complete(self):
        """Close ``s1_assignment`` and open ``s1_certificate`` once the order
        is approved and/or the NGO contract concluded, as the lines need."""
        self.ensure_one()
        if self.assignment_done_date:
            return False
        needs_order, needs_ngo = self._mgp_assignment_requirements()
        if needs_order and self.order_state != "approved":
            return False
        if needs_ngo and not self.ngo_contract_id:
            return False
        dates = []
        if needs_order:
            dates.append(self.order_date)
        if needs_ngo:
            dates.append(self.ngo_assign_date or self.ngo_contract_id.date)
        done_date = max(dates)
        self._mgp_engine_write({"assignment_done_date": done_date})
        self._mgp_deadline_close("s1_assignment", done_date)
        self._mgp_deadline_open("s1_certificate", done_date)
        return True

    # ------------------------------------------------------------------
    # The NGO's answer to the contract proposal
    # ------------------------------------------------------------------
    def _mgp_ngo_answers(self):
        """The last answer of each NGO for this case: ``{partner: answer}``."""
        self.ensure_one()
        answers = {}
        # sorted newest first (the model's order): keep the first of each NGO
        for answer in self.sudo().ngo_answer_ids:  # the case's own history
            answers.setdefault(answer.partner_id.with_env(self.env), answer)
        return answers

    def _mgp_record_ngo_answer(self, ngo, answer, answer_date=None, reason=None):
        self.ensure_one()
        self._mgp_check_group("mgp_base.group_specialist")
        self._mgp_check_transition(("assignment",))
        ngo = self.env["res.partner"].browse(_to_id(ngo))
        if not ngo or ngo.mgp_ngo_state != "included":
            raise UserError(
                self.env._("Only an NGO included in the registry can be proposed.")
            )
        if self.ngo_id == ngo:
            raise UserError(
                self.env._("%s is already assigned to this case.", ngo.name)
            )
        answer_date = self._mgp_check_action_date(
            answer_date,
            after=[(self.need_decision_date, self.env._("the need decision"))],
            label=self.env._("The answer of the NGO"),
        )
        record = self.env["mgp.accompaniment.ngo.answer"]._mgp_engine_create(
            {
                "accompaniment_id": self.id,
                "partner_id": ngo.id,
                "answer": answer,
                "date": answer_date,
                "reason": reason or False,
                "user_id": self.env.user.id,
            }
        )
        if answer == "consent":
            body = self.env._(
                "%(ngo)s consented on %(date)s to conclude or amend the contract "
                "for this case.",
                ngo=ngo.name,
                date=format_date(self.env, answer_date),
            )
        else:
            body = self.env._(
                "%(ngo)s refused on %(date)s to conclude or amend the contract "
                "for this case: %(reason)s",
                ngo=ngo.name,
                date=format_date(self.env, answer_date),
                reason=reason,
            )
        self.message_post(body=body, subtype_xmlid="mail.mt_note")
        return record

    def action_record_ngo_consent(self, ngo, answer_date=None):
        """Record that ``ngo`` (record or id) agreed to conclude (amend,
        supplement) the contract for this case: required before its
        assignment."""
        self._mgp_record_ngo_answer(ngo, "consent", answer_date)
        return True

    def action_record_ngo_refusal(self, ngo, reason, answer_date=None):
        """Record that ``ngo`` refused the contract, with ``reason``: a ground
        for appointing a centre employee."""
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for the NGO's refusal."))
        self._mgp_record_ngo_answer(ngo, "refusal", answer_date, reason.strip())
        return True

    def _mgp_employee_grounds(self, ngo=None):
        """The seed's grounds for appointing a centre employee, as readable
        texts: no suitable NGO in the registry, an NGO's refusal, an NGO
        performing only part of the activities (``ngo``: the NGO being
        assigned with the employee). Empty when an NGO of the registry fits
        the case and has not refused."""
        self.ensure_one()
        ngo = ngo or self.ngo_id
        grounds = []
        lines = self._mgp_ngo_candidate_lines()
        if ngo and (
            (self.line_ids - lines)
            or (lines.activity_id - ngo.mgp_ngo_activity_ids)
            or not lines
        ):
            grounds.append(
                self.env._("%s performs only part of the activities.", ngo.name)
            )
        for partner, answer in self._mgp_ngo_answers().items():
            if answer.answer == "refusal":
                grounds.append(
                    self.env._(
                        "%(ngo)s refused the contract on %(date)s.",
                        ngo=partner.name,
                        date=format_date(self.env, answer.date),
                    )
                )
        if not any(
            item["fits"] and item["answer"] != "refusal"
            for item in self._get_ngo_candidates_data()
        ):
            grounds.append(
                self.env._(
                    "No NGO of the registry fits the case (activities, "
                    "territory, free capacity, trained staff)."
                )
            )
        return grounds

    # ------------------------------------------------------------------
    # Selection of the NGO
    # ------------------------------------------------------------------
    def _get_ngo_candidates_data(self):
        """Included NGOs ranked for this case, with the reasons each fits or
        not (seed 000: «подходящей по видам услуг, порядку и условиям …,
        наличию подготовленного персонала»).

        Criteria: coverage of the case's NGO activities, the territory
        served against the person's address (region; the town named in the
        municipalities is a bonus), free capacity (cases in assignment or
        accompaniment of every centre), trained staff for the covered
        activities, and the NGO's answer for this case (a refusal goes last).

        :return: list of dicts, best first: ``partner``, ``coverage``,
            ``total``, ``covered`` (activities), ``free_capacity``,
            ``serves_region`` (True, False or None when unknown),
            ``town_match``, ``untrained`` (covered activities without trained
            staff), ``answer`` (``consent``, ``refusal`` or False), ``fits``,
            ``reasons`` (readable text)
        """
        self.ensure_one()
        activities = self._mgp_ngo_candidate_lines().activity_id
        Partner = self.env["res.partner"]
        ngos = Partner.search([("mgp_ngo_state", "=", "included")], limit=500)
        load = dict(
            self.sudo()._read_group(  # capacity counts the cases of every centre
                [("ngo_id", "in", ngos.ids), ("state", "in", ("assignment", "active"))],
                ["ngo_id"],
                ["__count"],
            )
        )
        answers = self._mgp_ngo_answers()
        person = self.partner_id
        region = person.state_id
        town = (person.city or "").strip().casefold()
        # one query per relation for the whole set (prefetch)
        ngos.fetch(
            [
                "mgp_ngo_activity_ids",
                "mgp_ngo_territory_state_ids",
                "mgp_ngo_territory",
                "mgp_ngo_capacity",
                "mgp_ngo_staff_ids",
            ]
        )
        ngos.mgp_ngo_staff_ids.fetch(["activity_ids"])
        result = []
        for ngo in ngos:
            covered = activities & ngo.mgp_ngo_activity_ids
            # a capacity of 0 means the NGO declared no limit
            free = (
                ngo.mgp_ngo_capacity - load.get(ngo, 0)
                if ngo.mgp_ngo_capacity
                else UNLIMITED_CAPACITY
            )
            if region and ngo.mgp_ngo_territory_state_ids:
                serves = region in ngo.mgp_ngo_territory_state_ids
            else:
                serves = None
            town_match = bool(town and town in (ngo.mgp_ngo_territory or "").casefold())
            untrained = covered - ngo.mgp_ngo_staff_ids.activity_ids
            answer = answers.get(ngo)
            answer_code = answer.answer if answer else False
            # fits: every criterion verified (an unknown territory is not)
            fits = bool(
                activities
                and covered == activities
                and serves
                and free > 0
                and not untrained
                and answer_code != "refusal"
            )
            item = {
                "partner": ngo,
                "coverage": len(covered),
                "total": len(activities),
                "covered": covered,
                "free_capacity": free,
                "serves_region": serves,
                "town_match": town_match,
                "untrained": untrained,
                "answer": answer_code,
                "answer_record": answer,
                "fits": fits,
            }
            item["reasons"] = self._mgp_ngo_candidate_reasons(item)
            result.append(item)
        territory_rank = {True: 0, None: 1, False: 2}
        result.sort(
            key=lambda item: (
                item["answer"] == "refusal",
                not item["fits"],
                item["free_capacity"] <= 0,
                -item["coverage"],
                territory_rank[item["serves_region"]],
                not item["town_match"],
                len(item["untrained"]),
                -item["free_capacity"],
                item["partner"].id,
            )
        )
        return result

    def _mgp_ngo_candidate_reasons(self, item):
        """Why a candidate fits or not, in the user's language."""
        reasons = [
            self.env._(
                "covers %(covered)s of %(total)s activities",
                covered=item["coverage"],
                total=item["total"],
            )
        ]
        if item["serves_region"] is True:
            reasons.append(self.env._("serves the person's region"))
        elif item["serves_region"] is False:
            reasons.append(self.env._("does not serve the person's region"))
        elif not self.partner_id.state_id:
            reasons.append(
                self.env._("territory not checked: the person's address has no region")
            )
        else:
            reasons.append(self.env._("declares no regions served"))
        if item["town_match"]:
            reasons.append(self.env._("works in %s", self.partner_id.city))
        if item["free_capacity"] <= 0:
            reasons.append(self.env._("no free capacity"))
        elif item["free_capacity"] >= UNLIMITED_CAPACITY:
            reasons.append(self.env._("no capacity limit"))
        else:
            reasons.append(self.env._("free capacity: %s", item["free_capacity"]))
        if item["untrained"]:
            reasons.append(
                self.env._(
                    "no trained staff for: %s",
                    ", ".join(item["untrained"].mapped("name")),
                )
            )
        elif item["covered"]:
            reasons.append(self.env._("trained staff for the activities covered"))
        answer = item["answer_record"]
        if answer and answer.answer == "refusal":
            reasons.append(
                self.env._(
                    "refused the contract on %(date)s: %(reason)s",
                    date=format_date(self.env, answer.date),
                    reason=answer.reason,
                )
            )
        elif answer:
            reasons.append(
                self.env._("consented on %s", format_date(self.env, answer.date))
            )
        return "; ".join(reasons)

    def _get_ngo_candidates(self):
        """Included NGOs sorted by (coverage desc, free capacity desc)."""
        self.ensure_one()
        partners = self.env["res.partner"]
        for item in self._get_ngo_candidates_data():
            partners |= item["partner"]
        return partners

    # ------------------------------------------------------------------
    # Certificate
    # ------------------------------------------------------------------
    def action_issue_certificate(self, issue_date=None):
        """Form the certificate (Приложение 1) valid six months."""
        self._mgp_check_group("mgp_base.group_specialist")
        for case in self:
            case._mgp_check_transition(("assignment",))
            if not case.assignment_done_date:
                raise UserError(
                    self.env._(
                        "Approve the order or conclude the NGO contract before "
                        "issuing the certificate."
                    )
                )
            issue_date = case._mgp_check_action_date(
                issue_date,
                after=[
                    (
                        case.assignment_done_date,
                        self.env._("the order or the NGO contract"),
                    )
                ],
                label=self.env._("The certificate"),
            )
            case._mgp_engine_write(
                {
                    "certificate_number": case.certificate_number
                    or case._mgp_next_number(
                        "mgp.accompaniment.certificate", case.company_id
                    ),
                    "certificate_date": issue_date,
                    "date_end": issue_date + relativedelta(months=CERTIFICATE_MONTHS),
                    "state": "active",
                }
            )
            case._mgp_deadline_close("s1_certificate", issue_date)
            case._mgp_deadline_open("s1_certificate_send", issue_date)
        return True

    def action_send_certificate(self, send_date=None, channel="portal"):
        """Deliver the certificate: published in the citizen's personal
        cabinet (portal) and, for ``portal`` and ``email``, notified by e-mail;
        ``in_person`` records who handed the printed certificate over."""
        self._mgp_check_group("mgp_base.group_specialist")
        if channel not in dict(CERTIFICATE_DELIVERY):
            raise UserError(self.env._("Unknown way of delivering the certificate."))
        template = self.env.ref(
            "mgp_accompaniment.mail_template_certificate", raise_if_not_found=False
        )
        for case in self:
            case._mgp_check_transition(("active",))
            if not case.certificate_number:
                raise UserError(self.env._("The certificate is not issued yet."))
            if case.certificate_sent_date:
                raise UserError(
                    self.env._("The certificate of case %s is already sent.", case.name)
                )
            send_date = case._mgp_check_action_date(
                send_date,
                after=[(case.certificate_date, self.env._("the certificate"))],
                label=self.env._("The sending of the certificate"),
            )
            vals = {"certificate_sent_date": send_date, "certificate_delivery": channel}
            if channel == "in_person":
                vals["certificate_handed_by_id"] = self.env.user.id
            case._mgp_engine_write(vals)
            if channel in ("portal", "email"):
                case._mgp_notify(template)
            else:
                case.message_post(
                    body=self.env._(
                        "Certificate %(number)s delivered on %(date)s: %(channel)s.",
                        number=case.certificate_number,
                        date=format_date(self.env, send_date),
                        channel=dict(
                            self._fields["certificate_delivery"]._description_selection(
                                self.env
                            )
                        )[channel],
                    ),
                    subtype_xmlid="mail.mt_note",
                )
            case._mgp_deadline_close("s1_certificate_send", send_date)
        return True

    def action_hand_over_certificate(self):
        """Hand the printed certificate over in person: the delivery is
        recorded (date, employee) and the certificate is printed."""
        self.action_send_certificate(channel="in_person")
        report = self.env.ref(
            "mgp_reports.action_report_certificate", raise_if_not_found=False
        )
        return report.report_action(self) if report else True

    # ------------------------------------------------------------------
    # End of the service
    # ------------------------------------------------------------------
    def action_mark_employed(self, employment_date, employer_id):
        """Record the citizen's employment, whenever it happens after a
        positive need decision.

        During the accompaniment (certificate issued) the service ends and
        the results are due; before the certificate the service ends without
        results; after an expiry or a termination only the fact is recorded
        (it counts for indicator I1).
        """
        self._mgp_check_group("mgp_base.group_specialist")
        employer = self.env["res.partner"].browse(_to_id(employer_id))
        if not employment_date or not employer.exists():
            raise UserError(self.env._("Give the employment date and the employer."))
        for case in self:
            case._mgp_check_transition(
                ("assignment", "active", "expired", "terminated")
            )
            if case.need != "needed":
                raise UserError(
                    self.env._(
                        "Employment is recorded on a case with a positive need "
                        "decision."
                    )
                )
            if case.employment_date:
                raise UserError(
                    self.env._(
                        "The employment of case %s is already recorded.", case.name
                    )
                )
            after = [(case.need_decision_date, self.env._("the need decision"))]
            if case.state == "active":
                after.append((case.certificate_date, self.env._("the certificate")))
            employment_date = case._mgp_check_action_date(
                employment_date, after=after, label=self.env._("The employment")
            )
            vals = {"employment_date": employment_date, "employer_id": employer.id}
            if case.state in ("assignment", "active"):
                vals.update(state="employed", date_closed=employment_date)
            started = case.state == "active"
            running = case.state in ("assignment", "active")
            case._mgp_engine_write(vals)
            if started:
                case._mgp_start_results(employment_date)
            elif running:
                case._mgp_deadline_cancel(SERVICE_DEADLINES)
            case._on_employed()
        return True

    def _on_employed(self):
        """Hook called once the citizen is employed (service 2 extends it)."""
        self.ensure_one()
        if self.state != "employed" or not self.certificate_number:
            body = self.env._(
                "The citizen is employed by %(employer)s on %(date)s.",
                employer=self.employer_id.name,
                date=format_date(self.env, self.employment_date),
            )
            self.message_post(body=body, subtype_xmlid="mail.mt_note")
            return True
        self.message_post(
            body=self.env._(
                "The citizen is employed by %(employer)s on %(date)s; the results "
                "of the accompaniment are due.",
                employer=self.employer_id.name,
                date=format_date(self.env, self.employment_date),
            ),
            subtype_xmlid="mail.mt_note",
        )
        return True

    @api.model
    def _cron_expire(self, today=None, batch_size=500):
        """End the accompaniment of cases whose certificate term is over.

        By batches of ``batch_size`` cases, set-based within a batch. The
        batch's rows are locked with SKIP LOCKED (a second cron worker takes
        other cases); in the scheduled action each batch is committed
        (``_commit_progress``), so a restart goes on with the cases left.
        """
        today = fields.Date.to_date(today) or fields.Date.context_today(self)
        # the daily job ends the cases of every centre
        Case = self.sudo()
        domain = [("state", "=", "active"), ("date_end", "<", today)]
        commit_progress = self.env.context.get("ir_cron_progress_id") and (
            self.env["ir.cron"]._commit_progress
        )
        expired = Case.browse()
        while True:
            cases = Case.search(domain, order="id", limit=batch_size)
            cases = cases.try_lock_for_update(allow_referencing=True)
            if not cases:
                break
            for date_end, group in cases.grouped("date_end").items():
                group._mgp_engine_write({"state": "expired", "date_closed": date_end})
            cases._mgp_deadline_cancel(SERVICE_DEADLINES)
            self.env["mgp.deadline"]._open_many(
                cases,
                "s1_results",
                date_start={case.id: case.date_end for case in cases},
            )
            cases._mgp_check_results_complete()
            expired |= cases
            if commit_progress and not commit_progress(
                len(cases), remaining=Case.search_count(domain)
            ):
                break
        return expired.with_env(self.env)

    def action_terminate(self, reason, note=None, termination_date=None):
        """Stop the service with ``reason`` and notify the citizen."""
        self._mgp_check_group("mgp_base.group_specialist")
        if reason not in dict(TERMINATION_REASONS):
            raise UserError(self.env._("Unknown termination reason."))
        for case in self:
            case._mgp_check_transition(OPEN_STATES)
            case._mgp_terminate(reason, termination_date, note)
        return True

    def _mgp_terminate(self, reason, termination_date=None, note=None):
        self.ensure_one()
        termination_date = self._mgp_check_action_date(
            termination_date,
            after=[
                (self.plan_agreed_date, self.env._("the plan agreement")),
                (self.need_decision_date, self.env._("the need decision")),
                (self.certificate_date, self.env._("the certificate")),
            ],
            label=self.env._("The end of the service"),
        )
        started = bool(self.certificate_number)
        self._mgp_deadline_cancel(SERVICE_DEADLINES)
        self._mgp_engine_write(
            {
                "state": "terminated",
                "termination_reason": reason,
                "termination_note": note or False,
                "date_closed": termination_date,
            }
        )
        if started:
            # the accompaniment had begun: the results of what was done are due
            self._mgp_deadline_open("s1_results", termination_date)
            self._mgp_check_results_complete()
        if self.mse_request_id.state in ("draft", "sent"):
            self.mse_request_id.action_cancel()
        no_need = reason in ("no_need", "mse_refusal")
        if no_need:
            self._mgp_deadline_open("s1_no_need_notice", termination_date)
        template = self.env.ref(
            "mgp_accompaniment.mail_template_no_need"
            if no_need
            else "mgp_accompaniment.mail_template_termination",
            raise_if_not_found=False,
        )
        self._mgp_notify(template)
        if no_need:
            self._mgp_deadline_close(
                "s1_no_need_notice",
                max(termination_date, fields.Date.context_today(self)),
            )
        return True

    # ------------------------------------------------------------------
    # Results
    # ------------------------------------------------------------------
    def _mgp_start_results(self, end_date):
        self.ensure_one()
        self._mgp_deadline_cancel(SERVICE_DEADLINES)
        self._mgp_deadline_open("s1_results", end_date)
        self._mgp_check_results_complete()

    def _mgp_results_due(self):
        """Results are reported for an accompaniment that began (certificate
        issued) and ended: employed, expired or terminated."""
        self.ensure_one()
        return self.state in ("employed", "expired") or (
            self.state == "terminated" and bool(self.certificate_number)
        )

    def _mgp_check_results_complete(self, done_date=None):
        """Close ``s1_results`` when every line has its result."""
        for case in self:
            if case._mgp_results_due() and case.results_complete:
                case._mgp_deadline_close(
                    "s1_results", done_date or fields.Date.context_today(case)
                )
        return True

    # ------------------------------------------------------------------
    # Wizards
    # ------------------------------------------------------------------
    def _mgp_wizard_action(self, model, name):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": "form",
            "target": "new",
            "context": {"default_accompaniment_id": self.id},
        }

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
    def _mgp_check_lines(self):
        for case in self:
            if not case.line_ids:
                raise UserError(
                    self.env._(
                        "Plan the accompaniment activities of case %s first.",
                        case.name,
                    )
                )

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Certificate %s", self.certificate_number or self.name)
