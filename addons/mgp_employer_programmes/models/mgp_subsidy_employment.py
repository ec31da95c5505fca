# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.mgp_base.models.mgp_today import centre_today

DISMISSAL_GROUNDS = [
    ("own_will", "At the worker's own will"),
    ("employer_no_fault", "On the employer's initiative, not the worker's fault"),
    ("employee_fault", "The worker's fault"),
    ("other", "Other"),
]
REPORT_RULE = "subsidy_dismissal_report"


class MgpSubsidyEmployment(models.Model):
    """A disabled person employed on a subsidised workplace by the centre's
    referral, under an indefinite contract per the IPRA (seed 004:107).

    A dismissal opens the employer's report term (3 working days, seed
    004:112: the dismissal order and the vacancy form 125н); a report
    missed makes the subsidy refundable (004:119)."""

    _name = "mgp.subsidy.employment"
    _description = "Employment on a Subsidised Workplace"
    _inherit = [
        "mail.thread",
        "mgp.protected.mixin",
        "mgp.deadline.mixin",
        "mgp.programme.dialog.mixin",
        "mgp.register.mixin",
    ]
    _order = "date_hired, id"
    _mgp_protected_fields = ("dismissal_report_missed",)

    workplace_id = fields.Many2one(
        "mgp.subsidy.workplace", required=True, index=True, ondelete="cascade"
    )
    agreement_id = fields.Many2one(
        related="workplace_id.agreement_id", store=True, index=True
    )
    company_id = fields.Many2one(
        related="workplace_id.company_id", store=True, index=True
    )
    employer_id = fields.Many2one(related="workplace_id.employer_id", store=True)
    partner_id = fields.Many2one(
        "res.partner", string="Disabled worker", required=True, index=True
    )
    user_id = fields.Many2one(related="agreement_id.user_id")
    referred = fields.Boolean(
        string="Referred by the centre",
        default=True,
        help="Only a hire by the centre's referral counts for the retention "
        "(seed 004:91, 004:107).",
    )
    accompaniment_id = fields.Many2one(
        "mgp.accompaniment", string="Referral (service 1 case)", index=True
    )
    indefinite_contract = fields.Boolean(string="Indefinite contract", default=True)
    date_hired = fields.Date(string="Hired on", required=True, tracking=True)
    date_dismissed = fields.Date(string="Dismissed on", tracking=True)
    dismissal_ground = fields.Selection(DISMISSAL_GROUNDS, tracking=True)
    dismissal_reported_date = fields.Date(
        string="Dismissal reported on",
        tracking=True,
        help="The employer's report with the dismissal order and the vacancy "
        "form (seed 004:112).",
    )
    dismissal_report_due = fields.Date(
        string="Report due", compute="_compute_dismissal_report_due"
    )
    dismissal_report_missed = fields.Boolean(
        string="Report missed", readonly=True, tracking=True
    )

    def _mgp_register_kept(self):
        # counted for the agreement's retention and refund (issue 18 §3)
        return self.filtered(
            lambda employment: employment.agreement_id.state != "draft"
        )

    @api.depends("deadline_ids.date_due")
    def _compute_dismissal_report_due(self):
        for employment in self:
            employment.dismissal_report_due = employment._mgp_deadline_get(
                REPORT_RULE
            ).date_due

    @api.depends("partner_id", "workplace_id")
    def _compute_display_name(self):
        for employment in self:
            employment.display_name = (
                f"{employment.workplace_id.name} — {employment.partner_id.name}"
            )

    @api.constrains("date_hired", "date_dismissed", "dismissal_ground")
    def _check_dates(self):
        for employment in self:
            if (
                employment.date_dismissed
                and employment.date_dismissed < employment.date_hired
            ):
                raise ValidationError(
                    self.env._("A dismissal cannot precede the hire.")
                )
            if employment.date_dismissed and not employment.dismissal_ground:
                raise ValidationError(self.env._("Give the ground of the dismissal."))

    @api.constrains("referred", "indefinite_contract")
    def _check_indefinite_contract(self):
        # seed 004:107 «Работодатель осуществляет трудоустройство ... по
        # направлению центра занятости населения незанятого инвалида ... путем
        # заключения с инвалидом трудового договора на неопределенный срок»
        fixed_term = self.filtered(
            lambda employment: (
                employment.referred and not employment.indefinite_contract
            )
        )
        if fixed_term:
            raise ValidationError(
                self.env._(
                    "%s: a disabled person referred by the centre is hired on an "
                    "equipped workplace under an indefinite labour contract "
                    "(seed 004:107). A fixed-term hire is recorded as not "
                    "referred and is not counted for the retention.",
                    fixed_term[0].partner_id.name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        employments = super().create(vals_list)
        employments.filtered("date_dismissed")._mgp_open_report()
        return employments

    def write(self, vals):
        closed = self.filtered(
            lambda e: e.agreement_id.state in ("closed", "cancelled")
        )
        if closed and not self._mgp_is_granted():
            raise UserError(self.env._("The agreement is closed."))
        before = {e.id: e.date_dismissed for e in self}
        res = super().write(vals)
        if "date_dismissed" in vals:
            changed = self.filtered(lambda e: e.date_dismissed != before[e.id])
            changed._mgp_deadline_cancel(REPORT_RULE)
            changed.filtered("date_dismissed")._mgp_open_report()
        return res

    def _mgp_open_report(self):
        for employment in self:
            employment._mgp_deadline_open(REPORT_RULE, employment.date_dismissed)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_dismiss(self, date_dismissed, ground):
        """Record the dismissal: the employer's report term starts."""
        self.ensure_one()
        if self.date_dismissed:
            raise UserError(self.env._("The dismissal is already recorded."))
        if ground not in dict(DISMISSAL_GROUNDS):
            raise UserError(self.env._("Give the ground of the dismissal."))
        self.write(
            {
                "date_dismissed": fields.Date.to_date(date_dismissed),
                "dismissal_ground": ground,
            }
        )
        return True

    def action_report_dismissal(self, report_date=None):
        """The employer's report of the dismissal reached the centre."""
        self.ensure_one()
        if not self.date_dismissed:
            raise UserError(self.env._("No dismissal is recorded."))
        if self.dismissal_reported_date:
            raise UserError(self.env._("The dismissal is already reported."))
        report_date = fields.Date.to_date(report_date) or centre_today(self)
        if report_date < self.date_dismissed:
            raise ValidationError(
                self.env._("The report cannot precede the dismissal.")
            )
        deadline = self._mgp_deadline_get(REPORT_RULE)
        self.dismissal_reported_date = report_date
        deadline._close(report_date)
        if deadline.date_due and report_date > deadline.date_due:
            self._mgp_engine_write({"dismissal_report_missed": True})
        return True

    @api.model
    def _cron_missed_reports(self, today=None):
        """Mark the dismissals whose report term is over without a report
        (set-based and idempotent)."""
        today = fields.Date.to_date(today) or centre_today(self)
        # the daily job checks every centre
        deadlines = (
            self.env["mgp.deadline"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("code", "=", REPORT_RULE),
                    ("state", "=", "open"),
                    ("date_due", "<", today),
                ]
            )
        )
        employments = (
            self.sudo()
            .browse(deadlines.mapped("res_id"))
            .filtered(lambda e: not e.dismissal_report_missed)
        )
        if employments:
            employments._mgp_engine_write({"dismissal_report_missed": True})
        return employments
