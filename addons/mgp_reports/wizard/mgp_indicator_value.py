# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

INDICATORS = [
    ("i1", "I1: not employed within 6 months"),
    ("i2", "I2: procedures past their deadline"),
]


class MgpIndicatorValue(models.TransientModel):
    """One figure of an indicator for a period and a centre, a region or
    all the centres chosen: the rows of the pivot, graph and list views of
    the indicators, each with a drill-down to the records behind it."""

    _name = "mgp.indicator.value"
    _description = "Indicator Figure"
    _order = "indicator, date_from, company_id, state_id"

    wizard_id = fields.Many2one(
        "mgp.indicator.report.wizard",
        string="Indicators",
        required=True,
        ondelete="cascade",
    )
    indicator = fields.Selection(INDICATORS, required=True)
    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(string="To", required=True)
    period = fields.Char(required=True)
    company_id = fields.Many2one("res.company", string="Centre")
    state_id = fields.Many2one("res.country.state", string="Region")
    numerator = fields.Integer(aggregator="sum")
    denominator = fields.Integer(aggregator="sum")
    share = fields.Float(
        string="Share, %",
        digits=(5, 2),
        aggregator="max",
        help="Share of this row; totals over several rows are their "
        "numerators over their denominators.",
    )
    applicable = fields.Boolean(
        help="False when the period starts before the indicator applies "
        "(I1 from 1 January 2025, I2 from 1 January 2026)."
    )

    def _mgp_companies(self):
        self.ensure_one()
        companies = self.wizard_id._mgp_companies()
        if self.company_id:
            return companies & self.company_id
        if self.state_id:
            return companies.filtered(lambda c: c.state_id == self.state_id)
        return companies

    def action_open_numerator(self):
        return self._mgp_drill(True)

    def action_open_denominator(self):
        return self._mgp_drill(False)

    def _mgp_drill(self, counted_only):
        self.ensure_one()
        return (
            self.wizard_id._mgp_env_companies()
            .env["mgp.indicator"]
            ._mgp_drill_action(
                self.indicator,
                self.date_from,
                self.date_to,
                self._mgp_companies(),
                counted_only,
            )
        )

    @api.model
    def _mgp_period_label(self, date_from, date_to, step):
        if step == "month":
            return date_from.strftime("%Y-%m")
        if step == "quarter":
            return "%s Q%s" % (date_from.year, (date_from.month - 1) // 3 + 1)
        if step == "year":
            return str(date_from.year)
        return "%s – %s" % (date_from, date_to)
