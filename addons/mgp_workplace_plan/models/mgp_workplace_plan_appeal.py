# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .mgp_workplace_plan import APPEAL_CHANNELS


class MgpWorkplacePlan(models.Model):
    """Trajectory 2: the employer's appeal (Приложение 5), the check of the
    worker's disability, the МСЭ bureau's recommendations, and what the
    analysis reuses of service 1."""

    # the model is split by concern (issue 17 §6)
    # pylint: disable-next=consider-merging-classes-inherited
    _inherit = "mgp.workplace.plan"
    _mgp_protected_fields = (
        "appeal_date",
        "disability_confirmed",
        "disability_request_id",
        "mse_request_id",
        "analysis_date",
        "need",
        "need_decision_date",
    )

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
    # the need decision that follows the bureau's answer (trajectory 2)
    need = fields.Selection(
        [("needed", "Needs accompaniment"), ("not_needed", "Does not need it")],
        string="Need decision",
        tracking=True,
        readonly=True,
    )
    need_decision_date = fields.Date(tracking=True, readonly=True)
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

    @api.depends("accompaniment_id")
    def _compute_s1_activity_ids(self):
        for plan in self:
            plan.s1_activity_ids = plan.accompaniment_id.line_ids.activity_id

    @api.constrains("worker_snils")
    def _check_worker_snils(self):
        Partner = self.env["res.partner"]
        for plan in self.filtered("worker_snils"):
            if Partner._mgp_normalize_snils(plan.worker_snils) != plan.worker_snils:
                raise ValidationError(
                    self.env._("SNILS must be written as XXX-XXX-XXX YY.")
                )

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
        check_date = self._mgp_check_action_date(
            check_date,
            after=[(self.appeal_date, self.env._("the appeal"))],
            label=self.env._("The disability check"),
        )
        if confirmed:
            self._mgp_transition(
                "action_set_disability",
                {"disability_confirmed": True},
                date=check_date,
            )
        else:
            self._mgp_transition(
                "disability_not_confirmed",
                {
                    "cancel_reason_id": self._mgp_cancel_reason(
                        "disability_not_confirmed"
                    ).id,
                    "cancel_date": check_date,
                },
                date=check_date,
            )
        return True

    def action_confirm_disability(self):
        return self.action_set_disability(True)

    def action_request_mse(self):
        """Ask the МСЭ bureau for its recommendations (trajectory 2): the
        analysis then runs from the bureau's answer."""
        self.ensure_one()
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
        # the analysis waits for the bureau: its deadline restarts
        self._mgp_transition("action_request_mse", {"mse_request_id": request.id})
        return request

    def action_request_mse_open(self):
        return self._mgp_form_action(self.action_request_mse())

    def action_open_request(self):
        self.ensure_one()
        request = (
            self.mse_request_id
            if self.env.context.get("mgp_request") == "mse"
            else self.disability_request_id
        )
        return self._mgp_form_action(request)

    # ------------------------------------------------------------------
    # Answers of the interagency requests (mgp.mse.request callbacks)
    # ------------------------------------------------------------------
    def _mgp_on_mse_answer(self, request):
        self.ensure_one()
        if request == self.disability_request_id and self.state == "appealed":
            self.action_set_disability(
                request.disability_confirmed, request.date_answer
            )
        elif request == self.mse_request_id and self.state == "analysis":
            self._mgp_on_mse_recommendation(request)
        return True

    def _mgp_on_mse_recommendation(self, request):
        """The need decision follows the bureau's answer, on the day the
        centre received it («со дня их получения»): «нуждается» → the
        analysis runs from then; «не нуждается» → the service stops and the
        employer gets the reasoned notice."""
        received = request.date_answer_received or request.date_answer
        vals = {"need": request.recommendation, "need_decision_date": received}
        if request.recommendation == "not_needed":
            vals.update(
                cancel_reason_id=self._mgp_cancel_reason("mse_not_needed").id,
                cancel_date=received,
            )
            self._mgp_transition("mse_not_needed", vals, date=received)
            return
        self._mgp_transition("mse_answered", vals, date=received, notify=False)

    def _mgp_on_request_impossible(self, request):
        self.ensure_one()
        if request == self.disability_request_id and self.state == "appealed":
            self.action_set_disability(False, request.date_answer)
        return True
