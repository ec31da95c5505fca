# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The employer's quota report of one period.

Seed 004:44–47: «Работодатели представляют в органы службы занятости
следующую информацию: о вакантных рабочих местах (должностях) для
трудоустройства граждан в соответствии с установленной квотой; о выполнении
квоты по приему на работу инвалидов; о локальных нормативных актах...».
"""

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain

from odoo.addons.mgp_base.models.mgp_today import centre_today
from odoo.addons.mgp_base.models.mgp_transition import Transition

from .mgp_quota_rule import PERIODS

FILING_CODE = "quota_report"
SPECIALIST = "mgp_base.group_specialist"
# a report is filed as a draft, or again once returned for correction
FILABLE = ("draft", "returned")
# what the employer fills in; frozen once the report is submitted
REPORT_DATA_FIELDS = frozenset(
    {
        "date_from",
        "date_to",
        "period",
        "headcount_avg",
        "headcount_excluded",
        "exempt",
        "exemption_ground_id",
        "exemption_attachment_ids",
        "exemption_note",
        "vacancy_count",
        "local_act_attachment_ids",
        "line_ids",
        "channel",
    }
)


class MgpQuotaReport(models.Model):
    _name = "mgp.quota.report"
    _description = "Employer's Quota Report"
    _inherit = [
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "mgp.case.mixin",
        "mgp.quota.filing.mixin",
    ]
    _mgp_filing_code = FILING_CODE
    _order = "date_from desc, id desc"
    _mgp_number_code = "mgp.quota.report"
    _mgp_partner_field = "employer_id"
    _mgp_protected_fields = (
        "name",
        "state",
        "quota",
        "quota_rule_id",
        "fulfilled",
        "is_fulfilled",
        "date_submitted",
        "date_accepted",
        "date_returned",
        "return_reason",
    )
    _mgp_create_only_fields = ("company_id", "employer_id")
    _mgp_transitions = {
        # the filing closes the filing deadline on its date
        "action_submit": Transition(
            FILABLE, "submitted", SPECIALIST, close=(FILING_CODE,)
        ),
        # the employer's representative files its own report in the portal
        "portal_submit": Transition(FILABLE, "submitted", close=(FILING_CODE,)),
        "action_accept": Transition(("submitted",), "accepted", SPECIALIST),
        "action_return": Transition(
            ("submitted",),
            "returned",
            SPECIALIST,
            notice="mgp_quota.mail_template_quota_report_returned",
            launchers=("mgp_quota.mgp_quota_return_wizard_action",),
        ),
    }

    employer_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        tracking=True,
        domain="[('is_company', '=', True)]",
    )
    region_id = fields.Many2one(
        "res.country.state",
        compute="_compute_region_id",
        store=True,
        help="The employer's region (its address), else the centre's: its "
        "quota rules apply.",
    )
    period = fields.Selection(
        PERIODS,
        required=True,
        default="quarter",
        tracking=True,
    )
    date_from = fields.Date(string="Period from", required=True, tracking=True)
    date_to = fields.Date(string="Period to", required=True, tracking=True)
    # seed 004:39 «среднесписочной численности работников (без внешних
    # совместителей)»; 004:43 without the branches outside the region
    headcount_avg = fields.Integer(
        string="Average headcount",
        tracking=True,
        help="Average headcount of the period without external part-time "
        "workers and without branches outside the region.",
    )
    # seed 004:40 the staff in harmful or dangerous conditions
    headcount_excluded = fields.Integer(
        string="Staff in harmful or dangerous conditions",
        tracking=True,
        help="Employees whose working conditions are harmful or dangerous by "
        "the special assessment of working conditions: not in the base.",
    )
    exempt = fields.Boolean(
        tracking=True,
        help="The employer has no quota for the period (bankruptcy, a ground "
        "the region lists).",
    )
    exemption_ground_id = fields.Many2one(
        "mgp.quota.exemption.ground", string="Exemption ground", tracking=True
    )
    exemption_attachment_ids = fields.Many2many(
        "ir.attachment",
        "mgp_quota_report_exemption_rel",
        "report_id",
        "attachment_id",
        string="Exemption documents",
    )
    exemption_note = fields.Text(string="Exemption details")
    quota_rule_id = fields.Many2one(
        "mgp.quota.rule",
        string="Band applied",
        compute="_compute_quota",
        store=True,
    )
    quota = fields.Integer(
        compute="_compute_quota",
        store=True,
        tracking=True,
        help="Quota places of the period by the rules in force at its start.",
    )
    special_required = fields.Integer(
        string="Special workplaces required",
        compute="_compute_quota",
        store=True,
        help="The minimum of special workplaces within the quota the region sets.",
    )
    special_count = fields.Integer(
        string="Special workplaces",
        compute="_compute_special_count",
        help="The employer's special quota workplaces kept by the centre, "
        "vacant or occupied.",
    )
    special_short = fields.Boolean(
        string="Special workplaces missing", compute="_compute_special_count"
    )
    line_ids = fields.One2many("mgp.quota.report.line", "report_id", string="Workers")
    fulfilled = fields.Float(
        digits=(6, 2),
        compute="_compute_fulfilled",
        store=True,
        tracking=True,
        help="Quota places filled: the workers' weights summed.",
    )
    is_fulfilled = fields.Boolean(
        string="Quota fulfilled", compute="_compute_fulfilled", store=True
    )
    shortfall = fields.Float(digits=(6, 2), compute="_compute_fulfilled", store=True)
    # seed 004:45 «о вакантных рабочих местах (должностях) ... в соответствии
    # с установленной квотой»
    vacancy_count = fields.Integer(string="Vacant quota workplaces")
    # seed 004:47 «о локальных нормативных актах, содержащих сведения о
    # созданных или выделенных рабочих местах»
    local_act_attachment_ids = fields.Many2many(
        "ir.attachment",
        "mgp_quota_report_local_act_rel",
        "report_id",
        "attachment_id",
        string="Local acts",
    )
    channel = fields.Selection(
        [("portal", "Portal"), ("paper", "Paper"), ("import", "Import")],
        required=True,
        default="paper",
    )
    filing_late = fields.Boolean(
        help="Not submitted by the filing deadline, or submitted after it.",
    )
    to_notify = fields.Boolean(
        string="To report to the authority",
        compute="_compute_to_notify",
        search="_search_to_notify",
        help="Filed late or not at all, or the quota not fulfilled: the "
        "regional authority is informed (seed 004:57).",
    )

    _period_uniq = models.Constraint(
        "UNIQUE(employer_id, company_id, date_from)",
        "The employer already has a quota report for this period.",
    )
    _headcount_positive = models.Constraint(
        "CHECK(headcount_avg >= 0 AND headcount_excluded >= 0)",
        "Headcounts cannot be negative.",
    )

    @api.depends("employer_id.state_id", "company_id.state_id")
    def _compute_region_id(self):
        for report in self:
            report.region_id = report.employer_id.state_id or report.company_id.state_id

    @api.depends(
        "headcount_avg", "headcount_excluded", "region_id", "date_from", "exempt"
    )
    def _compute_quota(self):
        Rule = self.env["mgp.quota.rule"].sudo()  # configuration every user applies
        for report in self:
            band = Rule.browse()
            if not report.exempt and report.date_from:
                band = Rule._mgp_rules_in_force(
                    report.region_id.id, report.date_from
                )._mgp_band(report.headcount_avg)
            report.quota_rule_id = band
            report.quota = (
                band._mgp_places(report.headcount_avg, report.headcount_excluded)
                if band
                else 0
            )
            report.special_required = min(band.special_min, report.quota)

    @api.depends("employer_id", "company_id", "special_required")
    def _compute_special_count(self):
        groups = self.env["mgp.quota.workplace"]._read_group(
            [
                ("employer_id", "in", self.employer_id.ids),
                ("special", "=", True),
                ("state", "in", ("vacant", "occupied")),
            ],
            ["employer_id", "company_id"],
            ["__count"],
        )
        counts = {(e.id, c.id): n for e, c, n in groups}
        for report in self:
            report.special_count = counts.get(
                (report.employer_id.id, report.company_id.id), 0
            )
            report.special_short = report.special_count < report.special_required

    @api.depends("line_ids.weight", "quota", "exempt")
    def _compute_fulfilled(self):
        for report in self:
            report.fulfilled = sum(report.line_ids.mapped("weight"))
            report.is_fulfilled = report.exempt or report.fulfilled >= report.quota
            report.shortfall = max(report.quota - report.fulfilled, 0.0)

    def _compute_to_notify(self):
        for report in self:
            report.to_notify = report.filing_late or (
                report.state in ("submitted", "accepted") and not report.is_fulfilled
            )

    def _search_to_notify(self, operator, value):
        if operator not in ("=", "!=") or not ((operator == "=") == bool(value)):
            return NotImplemented
        unfulfilled = Domain("state", "in", ("submitted", "accepted")) & Domain(
            "is_fulfilled", "=", False
        )
        return Domain("filing_late", "=", True) | unfulfilled

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for report in self:
            report.access_url = f"/my/quota/{report.id}"
        return res

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for report in self:
            if report.date_to < report.date_from:
                raise ValidationError(
                    self.env._("The period of a quota report ends after it starts.")
                )

    @api.onchange("date_from", "region_id")
    def _onchange_period(self):
        if self.date_from:
            Rule = self.env["mgp.quota.rule"]
            self.period = Rule._mgp_period(self.region_id.id, self.date_from)
            self.date_from, self.date_to = Rule._mgp_period_bounds(
                self.period, self.date_from
            )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        reports = super().create(vals_list)
        reports._mgp_open_filing_deadline()
        return reports

    def write(self, vals):
        if set(vals) & REPORT_DATA_FIELDS and not self._mgp_is_granted():
            frozen = self.filtered(lambda r: r.state in ("submitted", "accepted"))
            if frozen:
                raise UserError(
                    self.env._(
                        "Report %s is submitted: only a returned report is corrected.",
                        frozen[0].display_name,
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_unsent_drafts(self):
        if any(r.state != "draft" or r.date_submitted for r in self):
            raise UserError(
                self.env._("A submitted quota report is kept: it cannot be deleted.")
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_submit(self, submit_date=None):
        """The report is filed: the filing deadline closes on that date."""
        return self._mgp_submit("action_submit", submit_date)

    def action_accept(self, accept_date=None):
        """The centre accepts the report."""
        for report in self:
            day = report._mgp_check_action_date(
                accept_date,
                after=[(report.date_submitted, self.env._("the submission"))],
                label=self.env._("The acceptance"),
            )
            report._mgp_transition("action_accept", {"date_accepted": day}, date=day)
            report._mgp_post_note(self.env._("The report is accepted."))
        return True

    def action_return(self, reason):
        """The centre returns the report to the employer for correction (the
        notice with the reason goes to the employer)."""
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Give the reason the report is returned."))
        for report in self:
            day = report._mgp_today()
            report._mgp_transition(
                "action_return",
                {"date_returned": day, "return_reason": reason},
                date=day,
            )
        return True

    # ------------------------------------------------------------------
    # Business helpers
    # ------------------------------------------------------------------
    def _mgp_submit(self, transition, submit_date=None, channel=None):
        """File the reports by ``transition`` (the centre's or the
        portal's)."""
        for report in self:
            report._mgp_check_complete()
            day = report._mgp_check_action_date(
                submit_date, label=self.env._("The submission")
            )
            vals = {"date_submitted": day}
            if channel:
                vals["channel"] = channel
            report._mgp_transition(transition, vals, date=day)
            report._mgp_post_note(self.env._("The report is submitted."))
        return True

    def _mgp_check_complete(self):
        """What a report must hold to be filed."""
        self.ensure_one()
        if self.exempt:
            if not self.exemption_ground_id:
                raise UserError(self.env._("Give the ground of the exemption."))
            if (
                self.exemption_ground_id.document_required
                and not self.exemption_attachment_ids
            ):
                raise UserError(
                    self.env._("Attach the document proving the exemption.")
                )
            return True
        if self.headcount_avg <= 0:
            raise UserError(self.env._("Give the average headcount of the period."))
        if self.headcount_excluded > self.headcount_avg:
            raise UserError(
                self.env._(
                    "The staff in harmful or dangerous conditions cannot exceed "
                    "the average headcount."
                )
            )
        return True

    def _mgp_open_filing_deadline(self):
        """Seed 004:162 «не позднее 10 числа месяца, следующего за
        отчетным»: the term counts from the last day of the period."""
        return self.env["mgp.deadline"]._open_many(
            self, FILING_CODE, date_start={r.id: r.date_to for r in self}
        )

    @api.model
    def _cron_open_periods(self, today=None):
        """Open the draft report of the period just ended for every employer
        a centre keeps the quota of, with its filing deadline — once: an
        employer that has the report of the period (any state) is skipped."""
        today = fields.Date.to_date(today) or centre_today(self)
        Rule = self.env["mgp.quota.rule"]
        employers = (
            self.env["res.partner"]
            .sudo()  # the cron acts for every centre
            .search([("mgp_quota_company_id", "!=", False), ("is_company", "=", True)])
        )
        wanted = {}
        for employer in employers:
            company = employer.mgp_quota_company_id
            region = (employer.state_id or company.state_id).id
            period = Rule._mgp_period(region, today)
            current_start = Rule._mgp_period_bounds(period, today)[0]
            previous = Rule._mgp_period_bounds(
                period, current_start - relativedelta(days=1)
            )
            wanted[(employer.id, company.id, previous[0])] = (period, previous[1])
        if not wanted:
            return self.browse()
        existing = {
            (r.employer_id.id, r.company_id.id, r.date_from)
            for r in self.sudo().search(
                [
                    ("employer_id", "in", employers.ids),
                    ("date_from", "in", list({key[2] for key in wanted})),
                ]
            )
        }
        vals_list = [
            {
                "employer_id": employer_id,
                "company_id": company_id,
                "date_from": date_from,
                "date_to": date_to,
                "period": period,
            }
            for (employer_id, company_id, date_from), (
                period,
                date_to,
            ) in wanted.items()
            if (employer_id, company_id, date_from) not in existing
        ]
        return self.sudo()._mgp_engine_create(vals_list) if vals_list else self.browse()

    def _mgp_state_id(self):
        """The employer's region: its calendar counts the filing term."""
        self.ensure_one()
        return self.region_id.id or super()._mgp_state_id()

    def _mgp_check_lines_editable(self):
        """The workers of a submitted report are frozen, but for the engine."""
        frozen = self.filtered(lambda r: r.state in ("submitted", "accepted"))
        if frozen and not frozen._mgp_is_granted():
            raise UserError(
                self.env._(
                    "Report %s is submitted: only a returned report is corrected.",
                    frozen[0].display_name,
                )
            )
