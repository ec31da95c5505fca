# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .mgp_programme_dialog import without_defaults

REFUND_GROUNDS = [
    # seed 004:116
    ("violation", "Misuse or a broken condition"),
    # seed 004:117
    ("removed", "Workplace removed before 12 months"),
    # seed 004:118
    (
        "employer_initiative",
        "Dismissed on the employer's initiative, not the worker's fault",
    ),
    # seed 004:119 (the report of 004:112)
    ("report_missed", "Dismissal reported late"),
]
RETENTION_RULE = "subsidy_retention"


class MgpSubsidyWorkplace(models.Model):
    """A workplace equipped with the subsidy and its 12-month monitoring.

    Seed 004:91: the employer keeps the labour relations with a disabled
    person on the workplace for at least a year; «в указанный годичный срок
    не включаются периоды, начиная со дня увольнения инвалида до дня приема
    на работу другого инвалида, направленного центром занятости». The
    refund is proportional to the period of employment (004:115–121).
    """

    _name = "mgp.subsidy.workplace"
    _description = "Subsidised Workplace"
    _inherit = [
        "mail.thread",
        "mgp.protected.mixin",
        "mgp.programme.dialog.mixin",
        "mgp.register.mixin",
    ]
    _order = "agreement_id desc, id"
    _mgp_protected_fields = ("removed_date", "violation_date")

    agreement_id = fields.Many2one(
        "mgp.subsidy.agreement", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="agreement_id.company_id", store=True, index=True
    )
    employer_id = fields.Many2one(
        related="agreement_id.employer_id", store=True, index=True
    )
    agreement_state = fields.Selection(related="agreement_id.state")
    name = fields.Char(string="Workplace", required=True, default="/")
    cost_kind_id = fields.Many2one("mgp.subsidy.cost.kind", string="Kind of costs")
    currency_id = fields.Many2one(related="agreement_id.currency_id")
    amount = fields.Monetary(
        string="Actual costs",
        tracking=True,
        help="The subsidy for this workplace: the actual costs, at most the "
        "regional ceiling (seed 004:106).",
    )
    employment_ids = fields.One2many(
        "mgp.subsidy.employment", "workplace_id", string="Employments"
    )
    date_first_hire = fields.Date(compute="_compute_retention", store=True)
    term_days = fields.Integer(
        string="Days of the term", compute="_compute_retention", store=True
    )
    gap_days = fields.Integer(
        string="Days not counted",
        compute="_compute_retention",
        store=True,
        help="Days from a dismissal to the hire of another disabled person "
        "referred by the centre (seed 004:91).",
    )
    retention_end = fields.Date(
        string="Kept until",
        compute="_compute_retention",
        store=True,
        help="12 months from the first hire plus the days not counted.",
    )
    removed_date = fields.Date(string="Removed on", tracking=True)
    violation_date = fields.Date(string="Violation found on", tracking=True)
    violation_note = fields.Text()
    breach_date = fields.Date(compute="_compute_retention", store=True)
    refund_ground = fields.Selection(
        REFUND_GROUNDS, compute="_compute_retention", store=True
    )
    kept_days = fields.Integer(
        string="Days kept", compute="_compute_retention", store=True
    )
    refund_amount = fields.Monetary(
        string="Refund", compute="_compute_retention", store=True
    )

    @api.depends(
        "amount",
        "removed_date",
        "violation_date",
        "agreement_id.company_id",
        "employment_ids.date_hired",
        "employment_ids.date_dismissed",
        "employment_ids.dismissal_ground",
        "employment_ids.referred",
        "employment_ids.dismissal_report_missed",
    )
    def _compute_retention(self):
        for workplace in self:
            workplace.update(workplace._mgp_retention_figures())

    def _mgp_register_kept(self):
        # a workplace of a signed agreement is counted for its refund
        return self.filtered(lambda workplace: workplace.agreement_id.state != "draft")

    @api.constrains("amount")
    def _check_amount(self):
        if any(workplace.amount < 0 for workplace in self):
            raise ValidationError(self.env._("The costs cannot be negative."))

    def write(self, vals):
        if "amount" in vals and not self._mgp_is_granted():
            signed = self.filtered(lambda w: w.agreement_id.state != "draft")
            if signed:
                raise UserError(
                    self.env._("The subsidy of a signed agreement cannot be changed.")
                )
        return super().write(vals)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_record_removal(self, removed_date):
        """The workplace was removed (seed 004:117)."""
        self.ensure_one()
        self._mgp_check_monitoring()
        self._mgp_engine_write({"removed_date": fields.Date.to_date(removed_date)})
        return True

    def action_record_violation(self, violation_date, note=None):
        """Misuse or a broken condition found (seed 004:116)."""
        self.ensure_one()
        self._mgp_check_monitoring()
        self._mgp_engine_write({"violation_date": fields.Date.to_date(violation_date)})
        self.violation_note = note or False
        return True

    def action_hire(self, partner, date_hired, accompaniment=None, referred=True):
        """Hire a disabled person referred by the centre (seed 004:107)."""
        self.ensure_one()
        self._mgp_check_monitoring(("signed", "paid"))
        open_ones = self.employment_ids.filtered(lambda e: not e.date_dismissed)
        if open_ones:
            raise UserError(
                self.env._(
                    "%s is still employed on this workplace.",
                    open_ones[0].partner_id.name,
                )
            )
        return without_defaults(self.env["mgp.subsidy.employment"]).create(
            {
                "workplace_id": self.id,
                "partner_id": partner.id,
                "date_hired": fields.Date.to_date(date_hired),
                "accompaniment_id": accompaniment.id if accompaniment else False,
                "referred": referred,
            }
        )

    def _mgp_check_monitoring(self, states=("paid",)):
        if not (self.env.su or self.env.user.has_group("mgp_base.group_specialist")):
            raise UserError(self.env._("Only the centre records the monitoring."))
        if self.agreement_id.state not in states:
            raise UserError(
                self.env._(
                    "The agreement %s is not under monitoring.",
                    self.agreement_id.display_name,
                )
            )

    def _mgp_check_ceiling(self, on_date):
        """Refuse a workplace above the regional ceiling in force."""
        Setting = self.env["mgp.programme.setting"]
        for workplace in self:
            if workplace.amount <= 0:
                raise UserError(
                    self.env._("Give the actual costs of %s.", workplace.name)
                )
            ceiling = Setting._mgp_get(
                "subsidy_ceiling", on_date, workplace.company_id.state_id.id
            )
            if (
                ceiling
                and workplace.currency_id.compare_amounts(
                    workplace.amount, ceiling.amount
                )
                > 0
            ):
                raise UserError(
                    self.env._(
                        "%(workplace)s: %(amount).2f exceeds the ceiling of "
                        "%(ceiling).2f per workplace (%(act)s).",
                        workplace=workplace.name,
                        amount=workplace.amount,
                        ceiling=ceiling.amount,
                        act=ceiling.legal_source or ceiling.name,
                    )
                )

    # ------------------------------------------------------------------
    # The refund rule
    # ------------------------------------------------------------------
    def _mgp_retention_figures(self):
        """Retention end, breach and refund of the workplace (one record)."""
        self.ensure_one()
        empty = {
            "date_first_hire": False,
            "term_days": 0,
            "gap_days": 0,
            "retention_end": False,
            "breach_date": False,
            "refund_ground": False,
            "kept_days": 0,
            "refund_amount": 0.0,
        }
        hires = self.employment_ids.filtered(
            lambda e: e.date_hired and e.referred
        ).sorted(lambda e: (e.date_hired, e.id))
        if not hires:
            return empty
        state_id = self.company_id.state_id.id
        first = hires[0].date_hired
        # 12 months from the hire (seed 004:91), a months term of the engine
        base_end = self.env["mgp.deadline.rule"]._mgp_due_date(
            RETENTION_RULE, first, state_id
        )
        term_days = base_end.toordinal() - first.toordinal()
        candidates = []
        if self.violation_date:
            candidates.append((self.violation_date, "violation"))
        if self.removed_date:
            candidates.append((self.removed_date, "removed"))
        gap_days = 0
        for index, hire in enumerate(hires):
            dismissed = hire.date_dismissed
            if not dismissed:
                continue
            if hire.dismissal_ground == "employer_no_fault":
                candidates.append((dismissed, "employer_initiative"))
            if hire.dismissal_report_missed:
                candidates.append((dismissed, "report_missed"))
            following = hires[index + 1 : index + 2]
            if following and following.date_hired >= dismissed:
                gap_days += following.date_hired.toordinal() - dismissed.toordinal()
        retention_end = datetime.date.fromordinal(base_end.toordinal() + gap_days)
        figures = dict(
            empty,
            date_first_hire=first,
            term_days=term_days,
            gap_days=gap_days,
            retention_end=retention_end,
        )
        breaches = sorted(c for c in candidates if c[0] < retention_end)
        if not breaches:
            return figures
        breach_date, ground = breaches[0]
        kept = sum(
            min(hire.date_dismissed or breach_date, breach_date).toordinal()
            - hire.date_hired.toordinal()
            for hire in hires
            if hire.date_hired < breach_date
        )
        kept = min(max(kept, 0), term_days)
        figures.update(
            breach_date=breach_date,
            refund_ground=ground,
            kept_days=kept,
            refund_amount=self._mgp_refund(term_days, kept, first, breach_date),
        )
        return figures

    def _mgp_refund(self, term_days, kept_days, first_hire, breach_date):
        """The refund proportional to the period of employment, by the
        regional rule in force on the breach (seed 004:115, 004:121);
        default: amount × days of the term not kept / days of the term."""
        self.ensure_one()
        if not term_days or not self.amount:
            return 0.0
        rule = self.env["mgp.programme.setting"]._mgp_get(
            "subsidy_refund", breach_date, self.company_id.state_id.id
        )
        if rule.refund_method == "months":
            kept_end = datetime.date.fromordinal(first_hire.toordinal() + kept_days)
            months = relativedelta(kept_end, first_hire)
            full_months = min(months.years * 12 + months.months, 12)
            share = (12 - full_months) / 12
        else:
            share = (term_days - kept_days) / term_days
        currency = self.currency_id or self.env.ref("base.RUB")
        return currency.round(self.amount * share)
