# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import format_date

STATES = [
    ("offered", "Offered"),
    ("appealed", "Appeal"),
    ("analysis", "Analysis"),
    ("draft", "Draft plan"),
    ("discussion", "Discussion"),
    ("sent", "Sent"),
    ("revised", "Replaced by a new version"),
    ("cancelled", "Cancelled"),
]
CANCEL_REASONS = [
    ("declined", "The employer declined the offer"),
    ("no_response", "No response to the offer"),
    ("withdrawn", "The employer withdrew"),
    ("dismissed", "The worker was dismissed"),
    ("disability_not_confirmed", "Disability not confirmed"),
    ("other", "Other"),
]
APPEAL_CHANNELS = [
    ("portal", "Portal"),
    ("paper", "On paper, in person"),
    ("post", "By post"),
    ("email", "By e-mail"),
]
# deadlines of the centre and of third parties, per stage
OFFER_DEADLINES = ("s2_offer", "s2_offer_response")
ANALYSIS_DEADLINES = ("s2_analysis", "s2_analysis_appeal", "s2_disability_check")
CLOSED_STATES = ("sent", "revised", "cancelled")
FROZEN_LINE_STATES = ("discussion", *CLOSED_STATES)
MENTOR_ACTIVITY = "mgp_base.activity_workplace_16"
WORKING_TIME_ACTIVITY = "mgp_base.activity_workplace_02"


class MgpWorkplacePlan(models.Model):
    """Service 2 «План сопровождения инвалида на рабочем месте» (692н).

    Trajectory 1 (``offer``): opened when a service-1 case ends with the
    citizen's employment; the employer answers the offer within its window.
    Trajectory 2 (``appeal``): the employer's appeal (Приложение 5); the
    centre checks the disability through an interagency request.
    Both then analyse the person's data and draft, discuss, correct (a new
    version per correction) and send the plan (Приложение 2).
    """

    _name = "mgp.workplace.plan"
    _description = "Workplace Accompaniment Plan"
    _inherit = [
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "mgp.case.mixin",
    ]
    _order = "id desc"
    _mgp_number_code = "mgp.workplace.plan"
    _mgp_protected_fields = (
        "name",
        "state",
        "trajectory",
        "accompaniment_id",
        "offer_date",
        "offer_received_date",
        "response",
        "response_date",
        "appeal_date",
        "disability_confirmed",
        "disability_request_id",
        "mse_request_id",
        "analysis_date",
        "discussion_date",
        "send_date",
        "version",
        "previous_version_id",
        "origin_id",
        "cancel_reason",
        "cancel_date",
    )
    _mgp_create_only_fields = ("company_id", "employer_id")
    # one open plan (offer or appeal) per worker and employer (issue 17)
    _mgp_one_open_fields = ("partner_id", "employer_id")
    _mgp_closed_states = CLOSED_STATES

    employer_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        tracking=True,
        domain="[('is_company', '=', True)]",
    )
    partner_id = fields.Many2one(string="Worker", tracking=True)
    trajectory = fields.Selection(
        [("offer", "Offer after accompaniment"), ("appeal", "Employer's appeal")],
        required=True,
        default="appeal",
        index=True,
    )
    accompaniment_id = fields.Many2one(
        "mgp.accompaniment", string="Service 1 case", index=True, readonly=True
    )
    state = fields.Selection(
        STATES, required=True, default="appealed", tracking=True, index=True
    )
    # trajectory 1
    offer_date = fields.Date(string="Offer sent", tracking=True)
    offer_received_date = fields.Date(
        string="Offer received by the employer",
        tracking=True,
        help="The employer may ask for a plan within the working days of the "
        "rule s2_offer_response from this date.",
    )
    offer_window_days = fields.Integer(
        string="Answer window (working days)",
        compute="_compute_offer_window_days",
        help="Working days the employer has to answer the offer (rule "
        "s2_offer_response).",
    )
    response = fields.Selection(
        [("accepted", "Accepted"), ("declined", "Declined")],
        string="Employer's answer",
        tracking=True,
    )
    response_date = fields.Date(string="Answer date", tracking=True)
    # trajectory 2 (Приложение 5)
    appeal_date = fields.Date(string="Appeal received", tracking=True)
    appeal_channel = fields.Selection(APPEAL_CHANNELS, default="paper")
    worker_name = fields.Char(string="Worker's full name")
    worker_snils = fields.Char(string="Worker's SNILS")
    worker_position = fields.Char(string="Position")
    worker_hire_date = fields.Date(string="Hire date")
    help_expected = fields.Text(string="Help the employer expects")
    contact_name = fields.Char(string="Employer's contact person")
    contact_phone = fields.Char(string="Contact phone")
    contact_email = fields.Char(string="Contact e-mail")
    disability_confirmed = fields.Boolean(tracking=True)
    disability_request_id = fields.Many2one(
        "mgp.mse.request", string="Disability request", readonly=True
    )
    mse_request_id = fields.Many2one(
        "mgp.mse.request", string="MSE request", readonly=True
    )
    # analysis (reuses what service 1 knows)
    analysis_date = fields.Date(string="Analysis completed", tracking=True)
    analysis_note = fields.Text(string="Analysis of the person's data")
    s1_need = fields.Selection(
        related="accompaniment_id.need", string="Need (service 1)"
    )
    s1_need_decision_date = fields.Date(
        related="accompaniment_id.need_decision_date", string="Need decided on"
    )
    s1_activity_ids = fields.Many2many(
        "mgp.activity",
        string="Activities of service 1",
        compute="_compute_s1_activity_ids",
    )
    # the plan
    line_ids = fields.One2many(
        "mgp.workplace.plan.line", "plan_id", string="Plan activities", copy=True
    )
    version = fields.Integer(default=1, readonly=True, copy=False)
    previous_version_id = fields.Many2one(
        "mgp.workplace.plan", string="Previous version", readonly=True, copy=False
    )
    origin_id = fields.Many2one(
        "mgp.workplace.plan",
        string="First version",
        readonly=True,
        index=True,
        copy=False,
    )
    version_ids = fields.Many2many(
        "mgp.workplace.plan",
        string="Versions",
        compute="_compute_version_ids",
    )
    discussion_date = fields.Date(string="Draft sent for discussion", tracking=True)
    send_date = fields.Date(string="Plan sent", tracking=True)
    cancel_reason = fields.Selection(CANCEL_REASONS, tracking=True)
    cancel_note = fields.Text(string="Cancellation details")
    cancel_date = fields.Date(tracking=True)
    employer_comment_count = fields.Integer(compute="_compute_employer_comment_count")

    _name_company_uniq = models.Constraint(
        "UNIQUE(company_id, name, version)",
        "A plan with this number and version exists in the centre.",
    )

    @api.depends("accompaniment_id")
    def _compute_s1_activity_ids(self):
        for plan in self:
            plan.s1_activity_ids = plan.accompaniment_id.line_ids.activity_id

    def _compute_offer_window_days(self):
        # the deadline rules are configuration, shown to the employer too
        Rule = self.env["mgp.deadline.rule"].sudo()
        for plan in self:
            # the variant in force today in the region of the plan's centre
            # (the centre's region is public, the employer reads it too)
            state = plan.company_id.sudo().state_id
            rule = Rule._get_rule("s2_offer_response", state_id=state.id)
            plan.offer_window_days = rule.days or 7

    @api.depends("origin_id")
    def _compute_version_ids(self):
        origins = self.mapped(lambda p: p.origin_id.id or p.id)
        groups = self.search_fetch(
            ["|", ("id", "in", origins), ("origin_id", "in", origins)],
            ["origin_id"],
            order="version",
        )
        for plan in self:
            origin = plan.origin_id.id or plan.id
            plan.version_ids = groups.filtered(
                lambda p, o=origin: (p.origin_id.id or p.id) == o
            )

    @api.depends("line_ids.employer_comment", "line_ids.proposed_date")
    def _compute_employer_comment_count(self):
        for plan in self:
            plan.employer_comment_count = len(
                plan.line_ids.filtered(
                    lambda line: line.employer_comment or line.proposed_date
                )
            )

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for plan in self:
            plan.access_url = f"/my/workplace/{plan.id}"
        return res

    @api.constrains("worker_snils")
    def _check_worker_snils(self):
        Partner = self.env["res.partner"]
        for plan in self.filtered("worker_snils"):
            if Partner._mgp_normalize_snils(plan.worker_snils) != plan.worker_snils:
                raise ValidationError(
                    self.env._("SNILS must be written as XXX-XXX-XXX YY.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        Partner = self.env["res.partner"]
        for vals in vals_list:
            if vals.get("worker_snils"):
                vals["worker_snils"] = Partner._mgp_normalize_snils(
                    vals["worker_snils"]
                )
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("worker_snils"):
            vals["worker_snils"] = self.env["res.partner"]._mgp_normalize_snils(
                vals["worker_snils"]
            )
        frozen = self.filtered(lambda p: p.state in ("sent", "revised"))
        editable = {"message_main_attachment_id", "access_token", "user_id"}
        if frozen and set(vals) - editable and not self._mgp_is_granted():
            raise UserError(
                self.env._(
                    "A sent plan or a replaced version cannot be changed: "
                    "correct the plan through a new version."
                )
            )
        return super().write(vals)

    # ------------------------------------------------------------------
    # Trajectory 1: the offer after service 1
    # ------------------------------------------------------------------
    @api.model
    def _mgp_open_offer(self, case):
        """Open the offer to the employer of the employed citizen of
        ``case`` and notify the employer.

        An open plan of the same worker and employer (an appeal filed
        meanwhile) goes on instead: no second open plan."""
        # whoever may read it: the open plan of another specialist counts
        existing = self.sudo().search(
            [
                ("partner_id", "=", case.partner_id.id),
                ("employer_id", "=", case.employer_id.commercial_partner_id.id),
                ("state", "not in", CLOSED_STATES),
            ],
            limit=1,
        )
        if existing:
            return existing.with_env(self.env)
        today = case._mgp_today()
        plan = self._mgp_engine_create(
            {
                "trajectory": "offer",
                "state": "offered",
                "accompaniment_id": case.id,
                "partner_id": case.partner_id.id,
                "employer_id": case.employer_id.commercial_partner_id.id,
                "company_id": case.company_id.id,
                "user_id": (case.user_id or self.env.user).id,
                "worker_hire_date": case.employment_date,
                "offer_date": today,
                "offer_received_date": today,
            }
        )
        plan._mgp_deadline_open("s2_offer", today)
        plan._mgp_notify(
            self.env.ref("mgp_workplace_plan.mail_template_offer"), plan.employer_id
        )
        plan._mgp_deadline_close("s2_offer", today)
        # delivered to the employer's portal cabinet the same day
        plan._mgp_deadline_open("s2_offer_response", today)
        return plan

    def action_set_offer_received(self, received_date):
        """The notice reached the employer otherwise than by the portal:
        its window runs from the day staff record."""
        self.ensure_one()
        self._mgp_check_transition(("offered",), "mgp_base.group_specialist")
        received_date = self._mgp_check_action_date(
            received_date,
            after=[(self.offer_date, self.env._("the offer"))],
            label=self.env._("The receipt of the offer"),
        )
        self._mgp_engine_write({"offer_received_date": received_date})
        self._mgp_deadline_cancel("s2_offer_response")
        self._mgp_deadline_open("s2_offer_response", received_date)
        return True

    def action_accept_offer(self, answer_date=None):
        """The employer asks for a plan: the analysis starts."""
        self.ensure_one()
        self._mgp_check_transition(("offered",))
        self._mgp_check_answer_right()
        answer_date = self._mgp_check_action_date(
            answer_date,
            after=[(self.offer_received_date, self.env._("the receipt of the offer"))],
            label=self.env._("The employer's answer"),
        )
        self._mgp_engine_write(
            {"state": "analysis", "response": "accepted", "response_date": answer_date}
        )
        self._mgp_deadline_close("s2_offer_response", answer_date)
        self._mgp_deadline_open("s2_analysis", answer_date)
        self._mgp_post_note(self.env._("The employer asked for a plan."))
        return True

    def action_decline_offer(self, answer_date=None):
        """The employer does not need a plan: the offer is closed."""
        self.ensure_one()
        self._mgp_check_transition(("offered",))
        self._mgp_check_answer_right()
        answer_date = self._mgp_check_action_date(
            answer_date,
            after=[(self.offer_received_date, self.env._("the receipt of the offer"))],
            label=self.env._("The employer's answer"),
        )
        self._mgp_engine_write(
            {
                "state": "cancelled",
                "response": "declined",
                "response_date": answer_date,
                "cancel_reason": "declined",
                "cancel_date": answer_date,
            }
        )
        self._mgp_deadline_close("s2_offer_response", answer_date)
        self._mgp_post_note(self.env._("The employer declined the offer."))
        return True

    def _mgp_check_answer_right(self):
        """Staff record an answer given on paper or by phone; a portal user
        answers for its own company only."""
        if self.env.su or self.env.user.has_group("mgp_base.group_specialist"):
            return
        if not self._mgp_is_employer_user():
            raise AccessError(self.env._("Only the employer may answer this offer."))

    def _mgp_is_employer_user(self, user=None):
        user = user or self.env.user
        return bool(
            user.share
            and self.employer_id
            and user.partner_id.commercial_partner_id == self.employer_id
        )

    @api.model
    def _cron_close_unanswered(self, today=None):
        """Close the offers whose answer window is over («нет отклика»).

        Set-based and idempotent: a second run finds nothing to close."""
        today = fields.Date.to_date(today) or fields.Date.context_today(self)
        # the daily job closes the offers of every centre
        Deadline = self.env["mgp.deadline"].sudo()
        deadlines = Deadline.search(
            [
                ("res_model", "=", self._name),
                ("code", "=", "s2_offer_response"),
                ("state", "=", "open"),
                ("date_due", "<", today),
            ]
        )
        plans = (
            self.sudo()
            .browse(deadlines.mapped("res_id"))
            .filtered_domain([("state", "=", "offered")])
        )
        if not plans:
            return plans
        plans._mgp_engine_write(
            {"state": "cancelled", "cancel_reason": "no_response", "cancel_date": today}
        )
        deadlines._cancel()
        plans._message_log_batch(
            bodies=dict.fromkeys(
                plans.ids,
                self.env._("No response of the employer to the offer: closed."),
            )
        )
        return plans.with_env(self.env)

    # ------------------------------------------------------------------
    # Trajectory 2: the employer's appeal
    # ------------------------------------------------------------------
    @api.model
    def _mgp_register_appeal(self, vals, attachments=(), channel="paper"):
        """Register an appeal (Приложение 5) and open the disability check.

        :param vals: employer_id, worker_name, worker_snils, worker_position,
            worker_hire_date, help_expected, contact_*; company_id
        :param attachments: pairs (file name, content)
        """
        vals = dict(vals)
        for required in ("employer_id", "worker_name", "worker_snils"):
            if not vals.get(required):
                raise ValidationError(
                    self.env._("Give the employer, the worker's full name and SNILS.")
                )
        snils = self.env["res.partner"]._mgp_normalize_snils(vals["worker_snils"])
        Upload = self.env["mgp.upload"]
        attachments = list(attachments)
        for name, content in attachments:
            Upload._check_upload(name, content)  # refused before anything is saved
        company = self.env["res.company"].browse(
            vals.get("company_id") or self.env.company.id
        )
        today = self._mgp_today()
        appeal_date = fields.Date.to_date(vals.pop("appeal_date", None)) or today
        if appeal_date > today:
            raise ValidationError(
                self.env._("The appeal date cannot be in the future.")
            )
        worker = self._mgp_find_worker(snils, vals["worker_name"], company)
        vals.update(
            {
                "trajectory": "appeal",
                "state": "appealed",
                "worker_snils": snils,
                "partner_id": worker.id,
                "company_id": company.id,
                "appeal_date": appeal_date,
                "appeal_channel": channel,
            }
        )
        plan = self._mgp_engine_create(vals)
        Upload._mgp_attach(plan, attachments)
        plan._mgp_deadline_open("s2_disability_check", appeal_date)
        request = self.env["mgp.mse.request"]._mgp_engine_create(
            {
                "partner_id": worker.id,
                "company_id": company.id,
                "res_model": plan._name,
                "res_id": plan.id,
                "request_type": "disability",
                "channel": "smev",
                "subject": self.env._("Confirmation of the disability of the worker"),
                "date_info_received": appeal_date,
            }
        )
        plan._mgp_engine_write({"disability_request_id": request.id})
        return plan

    @api.model
    def _mgp_find_worker(self, snils, name, company):
        # the register of persons is the centre's: a portal employer may
        # neither read nor create persons, the appeal names the worker
        Partner = self.env["res.partner"].sudo()
        worker = Partner.search([("mgp_snils", "=", snils)], limit=1)
        if not worker:
            worker = Partner.create(
                {"name": name, "mgp_snils": snils, "company_id": company.id}
            )
        return worker.with_env(self.env)

    def action_set_disability(self, confirmed, check_date=None):
        """Disability confirmed → analysis; not confirmed → the service
        stops and the employer gets a notice with the reason."""
        self.ensure_one()
        self._mgp_check_transition(("appealed",), "mgp_base.group_specialist")
        check_date = self._mgp_check_action_date(
            check_date,
            after=[(self.appeal_date, self.env._("the appeal"))],
            label=self.env._("The disability check"),
        )
        self._mgp_deadline_close("s2_disability_check", check_date)
        if not confirmed:
            self._mgp_cancel("disability_not_confirmed", check_date)
            return True
        self._mgp_engine_write({"disability_confirmed": True, "state": "analysis"})
        self._mgp_deadline_open("s2_analysis_appeal", check_date)
        return True

    def action_request_mse(self):
        """Ask the МСЭ bureau for its recommendations (trajectory 2): the
        analysis then runs from the bureau's answer."""
        self.ensure_one()
        self._mgp_check_transition(("analysis",), "mgp_base.group_specialist")
        if self.trajectory != "appeal" or self.mse_request_id:
            raise UserError(
                self.env._("An MSE request is made once, on an employer's appeal.")
            )
        request = self.env["mgp.mse.request"]._mgp_engine_create(
            {
                "partner_id": self.partner_id.id,
                "company_id": self.company_id.id,
                "res_model": self._name,
                "res_id": self.id,
                "request_type": "mse",
                # the centre holds the disability data since the check
                "date_info_received": self.disability_request_id.date_answer
                or self.appeal_date,
            }
        )
        self._mgp_engine_write({"mse_request_id": request.id})
        # the analysis waits for the bureau: its deadline restarts
        self._mgp_deadline_cancel("s2_analysis_appeal")
        return request

    def _mgp_on_mse_answer(self, request):
        self.ensure_one()
        if request == self.disability_request_id and self.state == "appealed":
            self.action_set_disability(
                request.disability_confirmed, request.date_answer
            )
        elif request == self.mse_request_id and self.state == "analysis":
            self._mgp_deadline_open("s2_analysis_appeal", request.date_answer)
        return True

    def _mgp_on_request_impossible(self, request):
        self.ensure_one()
        if request == self.disability_request_id and self.state == "appealed":
            self.action_set_disability(False, request.date_answer)
        return True

    # ------------------------------------------------------------------
    # The plan: draft, discussion, versions, sending
    # ------------------------------------------------------------------
    def action_start_draft(self, analysis_date=None):
        """The analysis is done: the plan is drafted within s2_plan."""
        self.ensure_one()
        self._mgp_check_transition(("analysis",), "mgp_base.group_specialist")
        if self.mse_request_id and self.mse_request_id.state != "answered":
            raise UserError(
                self.env._("The analysis waits for the answer of the MSE bureau.")
            )
        analysis_date = self._mgp_check_action_date(
            analysis_date,
            after=[
                (self.response_date, self.env._("the employer's answer")),
                (self.mse_request_id.date_answer, self.env._("the MSE answer")),
            ],
            label=self.env._("The analysis"),
        )
        self._mgp_engine_write({"state": "draft", "analysis_date": analysis_date})
        self._mgp_deadline_close(["s2_analysis", "s2_analysis_appeal"], analysis_date)
        self._mgp_deadline_open("s2_plan", analysis_date)
        return True

    def action_to_discussion(self):
        """Show the draft to the employer in its portal."""
        self.ensure_one()
        self._mgp_check_transition(("draft",), "mgp_base.group_specialist")
        self._mgp_check_lines()
        self._mgp_engine_write(
            {"state": "discussion", "discussion_date": self._mgp_today()}
        )
        self._mgp_notify(
            self.env.ref("mgp_workplace_plan.mail_template_discussion"),
            self.employer_id,
        )
        return True

    def action_revise(self):
        """Correct the plan in a new version; this one stays as it is.

        :return: the new version
        """
        self.ensure_one()
        self._mgp_check_transition(("draft", "discussion"), "mgp_base.group_specialist")
        # replaced first: one open version of the plan at a time
        self._mgp_engine_write({"state": "revised"})
        new = self._mgp_engine_create(
            {
                "trajectory": self.trajectory,
                "state": "draft",
                "employer_id": self.employer_id.id,
                "partner_id": self.partner_id.id,
                "company_id": self.company_id.id,
                "user_id": self.user_id.id,
                "accompaniment_id": self.accompaniment_id.id,
                "name": self.name,
                "version": self.version + 1,
                "previous_version_id": self.id,
                "origin_id": (self.origin_id or self).id,
                "offer_date": self.offer_date,
                "offer_received_date": self.offer_received_date,
                "response": self.response,
                "response_date": self.response_date,
                "appeal_date": self.appeal_date,
                "appeal_channel": self.appeal_channel,
                "disability_confirmed": self.disability_confirmed,
                "disability_request_id": self.disability_request_id.id,
                "mse_request_id": self.mse_request_id.id,
                "analysis_date": self.analysis_date,
                "analysis_note": self.analysis_note,
                "worker_name": self.worker_name,
                "worker_snils": self.worker_snils,
                "worker_position": self.worker_position,
                "worker_hire_date": self.worker_hire_date,
                "help_expected": self.help_expected,
                "contact_name": self.contact_name,
                "contact_phone": self.contact_phone,
                "contact_email": self.contact_email,
                "line_ids": [
                    (0, 0, line._mgp_revision_vals()) for line in self.line_ids
                ],
            }
        )
        # the procedure goes on in the new version: its deadline follows
        # (deadlines are the engine's bookkeeping, no user writes them)
        self.deadline_ids.filtered(
            lambda d: d.state == "open"
        ).sudo()._mgp_engine_write({"res_id": new.id})
        (self | new).invalidate_recordset(["deadline_ids"])
        self._mgp_post_note(
            self.env._("Replaced by version %s.", new.version), record=self
        )
        return new

    def action_send(self, send_date=None):
        """Send the final plan to the employer and to the worker."""
        self.ensure_one()
        self._mgp_check_transition(("draft", "discussion"), "mgp_base.group_specialist")
        self._mgp_check_lines()
        send_date = self._mgp_check_action_date(
            send_date,
            after=[(self.analysis_date, self.env._("the analysis"))],
            label=self.env._("The sending of the plan"),
        )
        self._mgp_engine_write({"state": "sent", "send_date": send_date})
        self._mgp_deadline_close("s2_plan", send_date)
        attachment = self._mgp_plan_attachment()
        template = self.env.ref("mgp_workplace_plan.mail_template_plan_sent")
        for partner in self.employer_id | self.partner_id:
            self.message_post_with_source(
                template,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                partner_ids=partner.ids if partner.email else [],
                attachment_ids=attachment.ids,
            )
        return True

    def _mgp_plan_attachment(self):
        self.ensure_one()
        report = self.env.ref("mgp_workplace_plan.action_report_workplace_plan")
        # the form reads the worker's data the sender may not read field by
        # field; access to the plan was checked by the action
        content, _type = report.sudo()._render_qweb_pdf(report, self.ids)
        return self.env["ir.attachment"].create(
            {
                "name": f"plan_{self.name.replace('/', '-')}_v{self.version}.pdf",
                "raw": content,
                "mimetype": "application/pdf",
                "res_model": self._name,
                "res_id": self.id,
            }
        )

    def action_cancel(self, reason, note=None):
        """Stop the service with ``reason``; the employer is notified."""
        self.ensure_one()
        if reason not in dict(CANCEL_REASONS):
            raise UserError(self.env._("Unknown cancellation reason."))
        self._mgp_check_transition(
            ("offered", "appealed", "analysis", "draft", "discussion"),
            "mgp_base.group_specialist",
        )
        self._mgp_cancel(reason, self._mgp_today(), note)
        return True

    def _mgp_cancel(self, reason, cancel_date, note=None):
        self.ensure_one()
        self._mgp_engine_write(
            {"state": "cancelled", "cancel_reason": reason, "cancel_date": cancel_date}
        )
        if note:
            self.cancel_note = note
        self._mgp_deadline_cancel()
        self._mgp_notify(
            self.env.ref("mgp_workplace_plan.mail_template_cancelled"),
            self.employer_id,
        )

    # ------------------------------------------------------------------
    # Buttons of the form
    # ------------------------------------------------------------------
    def action_confirm_disability(self):
        return self.action_set_disability(True)

    def action_open_offer_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Record the employer's answer"),
            "res_model": "mgp.workplace.offer.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_plan_id": self.id},
        }

    def action_open_cancel_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Stop the service"),
            "res_model": "mgp.workplace.cancel.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_plan_id": self.id},
        }

    def action_open_request(self):
        self.ensure_one()
        request = (
            self.mse_request_id
            if self.env.context.get("mgp_request") == "mse"
            else self.disability_request_id
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": request._name,
            "res_id": request.id,
            "view_mode": "form",
        }

    def action_request_mse_open(self):
        request = self.action_request_mse()
        return {
            "type": "ir.actions.act_window",
            "res_model": request._name,
            "res_id": request.id,
            "view_mode": "form",
        }

    def action_revise_open(self):
        new = self.action_revise()
        return {
            "type": "ir.actions.act_window",
            "res_model": new._name,
            "res_id": new.id,
            "view_mode": "form",
        }

    def _mgp_check_lines_editable(self):
        """The activities change while the plan is drafted; the draft shown
        to the employer and the sent plan change only in a new version."""
        closed = self.filtered(lambda p: p.state in FROZEN_LINE_STATES)
        if closed and not self.env.su:
            raise UserError(
                self.env._(
                    "The activities of plan %s cannot be changed any more: "
                    "correct the plan through a new version.",
                    closed[0].display_name,
                )
            )
        if self.env.user.share and not self.env.su:
            raise AccessError(self.env._("Only the centre edits the plan."))

    def _mgp_check_lines(self):
        if not self.line_ids:
            raise UserError(self.env._("Add at least one activity to the plan."))
        mentor = self.env.ref(MENTOR_ACTIVITY, raise_if_not_found=False)
        missing = self.line_ids.filtered(
            lambda line: line.activity_id == mentor and not line.mentor
        )
        if missing:
            raise UserError(
                self.env._("Name the mentor of the activity «%s».", mentor.name)
            )

    def _mgp_post_note(self, body, record=None):
        (record or self).message_post(body=body, subtype_xmlid="mail.mt_note")

    # ------------------------------------------------------------------
    # Portal: what the employer does from its cabinet
    # ------------------------------------------------------------------
    def _mgp_portal_check_employer(self, states=None):
        """The current portal user represents the plan's employer."""
        self.ensure_one()
        self.check_access("read")
        if not self._mgp_is_employer_user():
            raise AccessError(self.env._("This plan belongs to another employer."))
        if states and self.state not in states:
            raise UserError(self.env._("This action is no longer possible."))

    def _mgp_portal_answer(self, accept):
        self._mgp_portal_check_employer(("offered",))
        # a portal user has no write right on plans: the answer is written
        # by the engine once the employer's representative is checked
        plan = self.sudo()
        if accept:
            plan.action_accept_offer()
        else:
            plan.action_decline_offer()
        plan._mgp_post_note(
            self.env._("Answer given in the portal by %s.", self.env.user.name)
        )
        return True

    @api.model
    def _mgp_portal_file_appeal(self, vals, attachments=()):
        employer = self.env.user.partner_id.commercial_partner_id
        if not (self.env.user.share and employer.is_company):
            raise AccessError(
                self.env._("Only an employer's representative may file an appeal.")
            )
        vals = dict(vals, employer_id=employer.id)
        company_id = vals.get("company_id")
        if company_id and company_id not in self._mgp_portal_companies().ids:
            raise ValidationError(
                self.env._("Choose an employment centre from the list.")
            )
        # a portal user may not create plans: the appeal is registered by
        # the engine for the user's own company only
        plan = self.sudo()._mgp_register_appeal(vals, attachments, channel="portal")
        plan.message_subscribe(partner_ids=self.env.user.partner_id.ids)
        return plan.with_env(self.env)

    @api.model
    def _mgp_portal_appeal_errors(self, vals, attachments=()):
        """What is wrong in an appeal typed in the portal, field by field
        (shown next to each field); an empty dict when it may be filed."""
        errors = {}
        company_id = vals.get("company_id")
        if company_id and company_id not in self._mgp_portal_companies().ids:
            errors["company_id"] = self.env._(
                "Choose an employment centre from the list."
            )
        if not vals.get("worker_name"):
            errors["worker_name"] = self.env._("Give the worker's full name.")
        if not vals.get("worker_snils"):
            errors["worker_snils"] = self.env._("Give the worker's SNILS.")
        else:
            try:
                self.env["res.partner"]._mgp_normalize_snils(vals["worker_snils"])
            except ValidationError as error:
                errors["worker_snils"] = error.args[0]
        Upload = self.env["mgp.upload"]
        for name, content in attachments:
            try:
                Upload._check_upload(name, content)
            except ValidationError as error:
                errors["attachments"] = error.args[0]
        return errors

    @api.model
    def _mgp_portal_companies(self):
        # the list of centres is public information for the appeal form
        return self.env["res.company"].sudo().search([], order="name", limit=200)

    def _mgp_portal_domain(self):
        user = self.env.user
        return Domain("employer_id", "=", user.partner_id.commercial_partner_id.id) | (
            Domain("partner_id", "=", user.partner_id.id) & Domain("state", "=", "sent")
        )

    def _mgp_portal_notices(self):
        """The notices sent on the plan (its public comments), newest first,
        for the employer's or the worker's portal page."""
        self.ensure_one()
        self.check_access("read")
        # the caller may read the plan; only its public comments are shown,
        # not the centre's internal notes
        return (
            self.env["mail.message"]
            .sudo()
            .search(
                [
                    ("model", "=", self._name),
                    ("res_id", "=", self.id),
                    ("message_type", "=", "comment"),
                    ("subtype_id", "=", self.env.ref("mail.mt_comment").id),
                ],
                order="date desc, id desc",
                limit=50,
            )
        )

    def _mgp_offer_due_text(self):
        """Last day of the employer's answer window, as text."""
        self.ensure_one()
        # deadlines are the engine's bookkeeping, not readable by the portal
        deadline = self.sudo()._mgp_deadline_get("s2_offer_response")
        if deadline.state != "open":
            return ""
        return format_date(self.env, deadline.date_due)
