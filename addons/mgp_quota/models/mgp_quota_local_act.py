# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The employer's monthly report of its local acts on the quota workplaces.

Seed 004:162 «Работодатели ежемесячно, не позднее 10 числа месяца,
следующего за отчетным, представляют в центр занятости населения заверенные
копии локальных нормативных актов»; 004:164–171 what those acts contain.
"""

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Domain

from odoo.addons.mgp_base.models.mgp_today import centre_today
from odoo.addons.mgp_base.models.mgp_transition import Transition

LOCAL_ACTS_CODE = "quota_local_acts"
SPECIALIST = "mgp_base.group_specialist"
FILABLE = ("draft", "returned")
# seed 004:164–171, one column each
POSITION_FIELDS = (
    "name",
    "staff_units",
    "pay_conditions",
    "regime",
    "home_work",
    "output_norms",
    "work_nature",
    "extra_breaks",
)


class MgpQuotaLocalActReport(models.Model):
    _name = "mgp.quota.local.act.report"
    _description = "Employer's Monthly Report of Local Acts"
    _inherit = [
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "mgp.case.mixin",
        "mgp.quota.filing.mixin",
        "mgp.register.mixin",
    ]
    _mgp_filing_code = LOCAL_ACTS_CODE
    _order = "date_from desc, id desc"
    _mgp_number_code = "mgp.quota.local.act.report"
    _mgp_partner_field = "employer_id"
    _mgp_protected_fields = (
        "name",
        "state",
        "date_submitted",
        "date_accepted",
        "date_returned",
        "return_reason",
    )
    _mgp_create_only_fields = ("company_id", "employer_id", "date_from", "date_to")
    _mgp_transitions = {
        "action_submit": Transition(
            FILABLE, "submitted", SPECIALIST, close=(LOCAL_ACTS_CODE,)
        ),
        # the employer's representative files its own report in the portal
        "portal_submit": Transition(FILABLE, "submitted", close=(LOCAL_ACTS_CODE,)),
        "action_accept": Transition(("submitted",), "accepted", SPECIALIST),
        "action_return": Transition(
            ("submitted",),
            "returned",
            SPECIALIST,
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
    date_from = fields.Date(string="Month", required=True, tracking=True)
    date_to = fields.Date(string="Month ends", required=True)
    position_ids = fields.One2many(
        "mgp.quota.local.act", "report_id", string="Workplaces of the acts"
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "mgp_quota_local_act_report_attachment_rel",
        "report_id",
        "attachment_id",
        string="Certified copies",
        help="The certified copies of the local acts (seed 004:162).",
    )
    no_acts = fields.Boolean(
        string="No acts this month",
        help="The employer adopted no local act on the quota workplaces in the month.",
    )
    filing_late = fields.Boolean(
        help="Not filed by the 10th of the next month, or filed after it: the "
        "regional authority is informed (seed 004:57).",
    )

    _month_uniq = models.Constraint(
        "UNIQUE(employer_id, company_id, date_from)",
        "The employer already has a report of local acts for this month.",
    )

    def _mgp_register_kept(self):
        # a filed report is kept, as the quota report is (issue 18 §3)
        return self.filtered(lambda r: r.state != "draft" or r.date_submitted)

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for report in self:
            report.access_url = f"/my/quota/local-acts/{report.id}"
        return res

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("date_from"):
                start = fields.Date.to_date(vals["date_from"]).replace(day=1)
                vals["date_from"] = start
                vals["date_to"] = start + relativedelta(months=1, days=-1)
        reports = super().create(vals_list)
        # seed 004:162: by the 10th of the month after the reported one
        self.env["mgp.deadline"]._open_many(
            reports, LOCAL_ACTS_CODE, date_start={r.id: r.date_to for r in reports}
        )
        return reports

    def write(self, vals):
        if {"position_ids", "attachment_ids", "no_acts"} & set(vals):
            self._mgp_check_editable()
        return super().write(vals)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_submit(self, submit_date=None):
        return self._mgp_submit("action_submit", submit_date)

    def action_accept(self, accept_date=None):
        for report in self:
            day = report._mgp_check_action_date(
                accept_date,
                after=[(report.date_submitted, self.env._("the submission"))],
                label=self.env._("The acceptance"),
            )
            report._mgp_transition("action_accept", {"date_accepted": day}, date=day)
        return True

    def action_return(self, reason):
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
            report._mgp_post_note(self.env._("The report is returned: %s", reason))
        return True

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _mgp_submit(self, transition, submit_date=None):
        for report in self:
            report._mgp_check_complete()
            day = report._mgp_check_action_date(
                submit_date, label=self.env._("The submission")
            )
            report._mgp_transition(transition, {"date_submitted": day}, date=day)
            report._mgp_post_note(self.env._("The report is submitted."))
        return True

    def _mgp_check_complete(self):
        """Seed 004:162–171: the certified copies and, for each workplace
        of the acts, what they set; or no act this month."""
        self.ensure_one()
        if self.no_acts:
            return True
        if not self.attachment_ids:
            raise UserError(
                self.env._(
                    "Attach the certified copies of the local acts, or state that "
                    "no act was adopted this month."
                )
            )
        if not self.position_ids:
            raise UserError(
                self.env._("List the workplaces (positions) the local acts set.")
            )
        return True

    def _mgp_check_editable(self):
        frozen = self.filtered(lambda r: r.state in ("submitted", "accepted"))
        if frozen and not frozen._mgp_is_granted():
            raise UserError(
                self.env._(
                    "Report %s is submitted: only a returned report is corrected.",
                    frozen[0].display_name,
                )
            )

    def _mgp_state_id(self):
        """The employer's region: its calendar counts the filing term."""
        self.ensure_one()
        return (
            self.employer_id.state_id.id
            or self.company_id.state_id.id
            or super()._mgp_state_id()
        )

    @api.model
    def _cron_open_months(self, today=None):
        """Open the report of the month just ended for every employer a
        centre keeps the quota of, with its deadline — once."""
        today = fields.Date.to_date(today) or centre_today(self)
        month = today.replace(day=1) - relativedelta(months=1)
        employers = (
            self.env["res.partner"]
            .sudo()  # the cron acts for every centre
            .search([("mgp_quota_company_id", "!=", False), ("is_company", "=", True)])
        )
        existing = {
            (r.employer_id.id, r.company_id.id)
            for r in self.sudo().search(
                [("employer_id", "in", employers.ids), ("date_from", "=", month)]
            )
        }
        vals_list = [
            {
                "employer_id": employer.id,
                "company_id": employer.mgp_quota_company_id.id,
                "date_from": month,
            }
            for employer in employers
            if (employer.id, employer.mgp_quota_company_id.id) not in existing
        ]
        return self.sudo()._mgp_engine_create(vals_list) if vals_list else self.browse()

    # ------------------------------------------------------------------
    # Portal: the employer files its own report
    # ------------------------------------------------------------------
    def _mgp_is_employer_user(self, user=None):
        user = user or self.env.user
        return bool(
            user.share
            and self.employer_id
            and user.partner_id.commercial_partner_id == self.employer_id
        )

    @api.model
    def _mgp_portal_domain(self):
        organisation = self.env.user.partner_id.commercial_partner_id
        return Domain("employer_id", "=", organisation.id)

    def _mgp_portal_file(self, positions, files, no_acts, submit):
        """The employer's representative saves its report (the positions
        replace the previous ones; the files go through the suite's upload
        checks) and files it when ``submit``."""
        self.ensure_one()
        self.check_access("read")
        if not self._mgp_is_employer_user():
            raise AccessError(self.env._("This report belongs to another employer."))
        if self.state not in FILABLE:
            raise UserError(
                self.env._("Report %s is submitted: it is no longer edited.", self.name)
            )
        # the employer's representative (checked above) edits its own report
        report = self.sudo()
        commands = [fields.Command.clear()] + [
            fields.Command.create(
                {k: v for k, v in position.items() if k in POSITION_FIELDS}
            )
            for position in positions
        ]
        report.write({"position_ids": commands, "no_acts": bool(no_acts)})
        if files:
            self.env["mgp.upload"]._mgp_attach(report, files, field="attachment_ids")
        if submit:
            report._mgp_submit("portal_submit")
        return True


class MgpQuotaLocalAct(models.Model):
    """One workplace a local act creates or allocates, with what the act
    sets for it (seed 004:164–171)."""

    _name = "mgp.quota.local.act"
    _description = "Workplace Set by a Local Act"
    _order = "report_id, id"

    report_id = fields.Many2one(
        "mgp.quota.local.act.report", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="report_id.company_id", store=True, index=True)
    name = fields.Char(string="Position", required=True)
    staff_units = fields.Float(string="Staff units", digits=(6, 2), default=1.0)
    pay_conditions = fields.Char(string="Pay conditions")
    regime = fields.Char(
        string="Working time and rest",
        help="Special conditions of working time and rest.",
    )
    home_work = fields.Boolean(
        string="Work at home",
        help="The position may be worked fully or partly at home.",
    )
    output_norms = fields.Char(string="Reduced output norms")
    work_nature = fields.Char(string="Nature of the work")
    extra_breaks = fields.Char(string="Additional breaks and other")

    @api.model_create_multi
    def create(self, vals_list):
        self.env["mgp.quota.local.act.report"].browse(
            {vals["report_id"] for vals in vals_list if vals.get("report_id")}
        )._mgp_check_editable()
        return super().create(vals_list)

    def write(self, vals):
        self.report_id._mgp_check_editable()
        return super().write(vals)

    def unlink(self):
        self.report_id._mgp_check_editable()
        return super().unlink()
