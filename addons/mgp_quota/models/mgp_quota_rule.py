# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The quota of an employer: a band of headcount, its percent, its rounding.

Seed 004 (a 2016 regional act, repealed — 004:254) keeps the model; every
figure is a dated rule per region that regional administrators edit, with its
legal source, so that a region enters today's law (ст. 38 Закона № 565-ФЗ,
ПП РФ от 30.05.2024 № 709).
"""

import math
from datetime import date
from fractions import Fraction

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain

from odoo.addons.mgp_base.models.mgp_today import centre_today

PERIODS = [("month", "Month"), ("quarter", "Quarter"), ("year", "Year")]
PERIOD_MONTHS = {"month": 1, "quarter": 3, "year": 12}


class MgpQuotaRule(models.Model):
    """One band of headcount of a region's (or the country's) quota rules.

    The rules in force on a date are those of the latest ``date_from`` not
    after it: the region's own, when it has any in force then (they replace
    the country's), else those without region.
    """

    _name = "mgp.quota.rule"
    _description = "Quota Rule"
    _inherit = ["mail.thread"]
    _order = "state_id, date_from desc, headcount_from"

    name = fields.Char(compute="_compute_name", store=True)
    state_id = fields.Many2one(
        "res.country.state",
        string="Region",
        index=True,
        tracking=True,
        help="Empty: the rule of every region that has no rule of its own.",
    )
    date_from = fields.Date(
        string="In force from",
        required=True,
        index=True,
        tracking=True,
        help="The rules of the latest date not after the period replace the "
        "earlier ones of the same region.",
    )
    headcount_from = fields.Integer(
        string="Headcount from",
        required=True,
        tracking=True,
        help="The smallest average headcount of the band (included). "
        "Today's law: more than 35 employees, so 36.",
    )
    headcount_to = fields.Integer(
        string="Headcount to",
        tracking=True,
        help="The largest average headcount of the band (included); 0: no upper bound.",
    )
    percent = fields.Float(
        digits=(5, 2),
        required=True,
        tracking=True,
        help="Percent of the base (average headcount without the staff "
        "excluded) the employer must employ disabled people on.",
    )
    # seed 004:41 «Округление ... производится в сторону уменьшения до
    # целого значения»; some regions round up for 35–100
    rounding = fields.Selection(
        [("down", "Down"), ("up", "Up")],
        required=True,
        default="down",
        tracking=True,
    )
    # seed 004:42 «если после округления ... рассчитанный размер квоты равен
    # нулю, квота устанавливается равной одному рабочему месту»
    min_one = fields.Boolean(
        string="At least one place",
        default=True,
        tracking=True,
        help="A quota that rounds to zero is one place.",
    )
    # seed 004:39 «ежемесячно ... за месяц, предшествующий отчетному»; today
    # quarterly (by the 10th of the month after the quarter)
    period = fields.Selection(
        PERIODS,
        required=True,
        default="quarter",
        tracking=True,
        help="How often the employer computes its quota and reports it.",
    )
    # seed 004:51, 53: special workplaces within the quota; their minimum is
    # the region's setting
    special_min = fields.Integer(
        string="Special workplaces at least",
        tracking=True,
        help="Of the quota places of this band, how many at least are special "
        "workplaces equipped for the impaired functions of the workers (never "
        "more than the quota).",
    )
    legal_source = fields.Char(
        string="Legal source",
        required=True,
        tracking=True,
        help="The act that sets these figures (law, article, date, number).",
    )
    active = fields.Boolean(default=True, tracking=True)
    note = fields.Text()

    _percent_range = models.Constraint(
        "CHECK(percent >= 0 AND percent <= 100)",
        "The percent of a quota rule is between 0 and 100.",
    )
    _special_min_positive = models.Constraint(
        "CHECK(special_min >= 0)",
        "The minimum of special workplaces cannot be negative.",
    )
    _band_range = models.Constraint(
        "CHECK(headcount_from >= 0 AND (headcount_to = 0 OR headcount_to >= "
        "headcount_from))",
        "The band of a quota rule ends at or above its start (0: no end).",
    )

    @api.depends("state_id", "date_from", "headcount_from", "headcount_to", "percent")
    def _compute_name(self):
        for rule in self:
            band = (
                f"{rule.headcount_from}–{rule.headcount_to}"
                if rule.headcount_to
                else f"{rule.headcount_from}+"
            )
            region = rule.state_id.name or self.env._("Every region")
            rule.name = f"{region}: {band}, {rule.percent:g} %"

    @api.constrains("state_id", "date_from", "headcount_from", "headcount_to", "active")
    def _check_overlap(self):
        for rule in self.filtered("active"):
            others = self.search(
                [
                    ("id", "!=", rule.id),
                    ("state_id", "=", rule.state_id.id),
                    ("date_from", "=", rule.date_from),
                ]
            )
            top = rule.headcount_to or math.inf
            for other in others:
                other_top = other.headcount_to or math.inf
                if rule.headcount_from <= other_top and other.headcount_from <= top:
                    raise ValidationError(
                        self.env._(
                            "The bands %(band)s and %(other)s of the same region "
                            "and date overlap.",
                            band=rule.name,
                            other=other.name,
                        )
                    )

    # ------------------------------------------------------------------
    # Rules in force
    # ------------------------------------------------------------------
    @api.model
    def _mgp_rules_in_force(self, state_id=False, on_date=None):
        """The bands in force on ``on_date`` for the region ``state_id``:
        the region's own rules of their latest date, else the country's."""
        on_date = fields.Date.to_date(on_date) or centre_today(self)
        state_id = state_id.id if isinstance(state_id, models.BaseModel) else state_id
        regions = [state_id, False] if state_id else [False]
        for region in regions:
            domain = Domain("state_id", "=", region) & Domain(
                "date_from", "<=", on_date
            )
            latest = self.search(domain, order="date_from desc", limit=1)
            if latest:
                return self.search(
                    domain & Domain("date_from", "=", latest.date_from),
                    order="headcount_from",
                )
        return self.browse()

    def _mgp_band(self, headcount_avg):
        """The band of ``self`` (rules in force) covering ``headcount_avg``."""
        for rule in self:
            if headcount_avg >= rule.headcount_from and (
                not rule.headcount_to or headcount_avg <= rule.headcount_to
            ):
                return rule
        return self.browse()

    def _mgp_places(self, headcount_avg, headcount_excluded):
        """The quota of this band: its percent of the base, rounded."""
        self.ensure_one()
        # seed 004:40 «в среднесписочную численность работников не включаются
        # работники, условия труда которых отнесены к вредным и (или)
        # опасным»
        base = max(Fraction(headcount_avg) - Fraction(headcount_excluded or 0), 0)
        exact = base * Fraction(str(self.percent)) / 100
        places = math.ceil(exact) if self.rounding == "up" else math.floor(exact)
        if not places and self.min_one:
            places = 1
        return places

    @api.model
    def _mgp_quota(
        self, headcount_avg, headcount_excluded, state_id=False, on_date=None
    ):
        """The number of quota places, 0 when the employer is not subject.

        The band is chosen by the average headcount (seed 004:38, today
        «более 35»); its percent applies to the base, the average headcount
        minus ``headcount_excluded``; a headcount no band covers is not
        subject.
        """
        band = self._mgp_rules_in_force(state_id, on_date)._mgp_band(headcount_avg)
        if not band:
            return 0
        return band._mgp_places(headcount_avg, headcount_excluded)

    @api.model
    def _mgp_period(self, state_id=False, on_date=None):
        """The reporting period of the rules in force (default: quarter)."""
        rules = self._mgp_rules_in_force(state_id, on_date)
        return rules[:1].period or "quarter"

    @api.model
    def _mgp_period_bounds(self, period, day):
        """First and last day of the ``period`` containing ``day``."""
        day = fields.Date.to_date(day)
        months = PERIOD_MONTHS[period]
        first_month = (day.month - 1) // months * months + 1
        start = date(day.year, first_month, 1)
        return start, start + relativedelta(months=months, days=-1)
