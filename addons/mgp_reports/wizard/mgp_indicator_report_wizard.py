# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.mgp_base.models.mgp_today import centre_today

from ..models.mgp_indicator import START_DATES
from ..report.mgp_report_form import format_ru_date

# Printed texts of Приложение 6: official Russian, whatever the user's language.
REPORT_TITLE_RU = (
    "Показатели меры государственной поддержки «Организация сопровождения при "
    "содействии занятости инвалидов» (приложение 6 к Стандарту)"
)
INDICATOR_TITLES_RU = {
    "i1": "Доля граждан, получающих (получавших) меру поддержки, не "
    "трудоустроенных в течение 6 месяцев со дня принятия решения о "
    "нуждаемости инвалида в сопровождении при содействии занятости, от общего "
    "количества граждан, получающих (получавших) меру поддержки в отчетном "
    "периоде",
    "i2": "Доля процедур (действий), выполненных центром занятости населения при "
    "предоставлении меры поддержки, с нарушением установленных сроков",
}
# The counting rules of mgp.indicator (see its docstring), printed with the figures.
COUNTING_RULES_RU = {
    "i1": "Показатель 1. Знаменатель — граждане, в отношении которых решение о "
    "нуждаемости в сопровождении принято не позднее последнего дня периода и "
    "предоставление меры не завершено до начала периода (гражданин учитывается "
    "один раз, по последнему решению). Числитель — те из них, кто не "
    "трудоустроен в течение 6 месяцев со дня решения о нуждаемости, если эти "
    "6 месяцев истекли до конца периода. Трудоустройство учитывается в любом "
    "состоянии дела (до выдачи сертификата, после прекращения сервиса).",
    "i2": "Показатель 2. Учитываются только собственные процедуры центра "
    "занятости со сроками, установленными Стандартом (без срока ответа МСЭ, "
    "сроков работодателя и НГО и без региональных сроков). Числитель — "
    "процедуры, выполненные в периоде позже срока; процедуры, не выполненные "
    "на конец периода при истекшем сроке; процедуры, отмененные в периоде "
    "после истечения срока. Знаменатель — эти процедуры и процедуры, "
    "выполненные в периоде в срок.",
}
# How a rule's term reads on the printout, by its unit (mgp.deadline.rule).
TERM_UNITS_RU = {
    "working_days": "%s раб. дн.",
    "calendar_days": "%s календ. дн.",
    "months": "%s мес.",
    "day_of_next_month": "до %s-го числа следующего месяца",
}


def term_text_ru(rule):
    """The term of ``rule`` in Russian, e.g. «15 раб. дн.»."""
    return TERM_UNITS_RU.get(rule.unit, "%s") % rule.days


I2_KIND_LABELS_RU = {
    "done_on_time": "выполнена в срок",
    "done_late": "выполнена с нарушением срока",
    "open_late": "не выполнена, срок истек",
    "cancelled_late": "отменена после истечения срока",
}


class MgpIndicatorReportWizard(models.TransientModel):
    """Indicators I1 and I2 of the measure for a period and centres (or a
    whole region): shown with their counting rules, drilled into, analysed
    by month, quarter or year (pivot and graph), printed (PDF) and
    exported (XLSX)."""

    _name = "mgp.indicator.report.wizard"
    _description = "Indicators of the Accompaniment Measure"

    def _default_date_from(self):
        return centre_today(self).replace(month=1, day=1)

    date_from = fields.Date(
        string="From", required=True, default=lambda self: self._default_date_from()
    )
    date_to = fields.Date(string="To", required=True, default=centre_today)
    state_id = fields.Many2one(
        "res.country.state",
        string="Region",
        help="Consolidate every centre of this region you have access to.",
    )
    company_ids = fields.Many2many(
        "res.company",
        string="Centres",
        required=True,
        default=lambda self: self.env.company,
        domain=lambda self: [("id", "in", self.env.user.company_ids.ids)],
    )
    step = fields.Selection(
        [("month", "Month"), ("quarter", "Quarter"), ("year", "Year")],
        string="Analyse by",
        required=True,
        default="month",
    )
    groupby = fields.Selection(
        [
            ("total", "All the centres chosen"),
            ("company", "Centre"),
            ("region", "Region"),
        ],
        string="Group by",
        required=True,
        default="total",
    )
    i1_numerator = fields.Integer(
        string="I1: not employed within 6 months", compute="_compute_indicators"
    )
    i1_denominator = fields.Integer(
        string="I1: citizens receiving the measure", compute="_compute_indicators"
    )
    i1_share = fields.Float(
        string="I1, %", digits=(5, 2), compute="_compute_indicators"
    )
    i1_applicable = fields.Boolean(compute="_compute_indicators")
    i2_numerator = fields.Integer(
        string="I2: procedures past their deadline", compute="_compute_indicators"
    )
    i2_denominator = fields.Integer(
        string="I2: procedures of the period", compute="_compute_indicators"
    )
    i2_share = fields.Float(
        string="I2, %", digits=(5, 2), compute="_compute_indicators"
    )
    i2_applicable = fields.Boolean(compute="_compute_indicators")
    i2_regional_numerator = fields.Integer(
        string="Regional terms: procedures past their deadline",
        compute="_compute_indicators",
        help="The centre's own procedures whose term the standard does not set "
        "(regional practice): tracked, not part of I2.",
    )
    i2_regional_denominator = fields.Integer(
        string="Regional terms: procedures of the period",
        compute="_compute_indicators",
    )
    value_ids = fields.One2many("mgp.indicator.value", "wizard_id", string="Figures")
    xlsx_file = fields.Binary(string="Workbook", readonly=True, attachment=False)
    xlsx_filename = fields.Char(readonly=True)

    @api.depends("date_from", "date_to", "company_ids")
    def _compute_indicators(self):
        for wizard in self:
            values = {}
            for indicator in ("i1", "i2", "i2_regional"):
                figure = (
                    wizard._mgp_figure(indicator) if wizard._mgp_period_ok() else {}
                )
                if indicator == "i2_regional":
                    values.update(
                        i2_regional_numerator=figure.get("numerator", 0),
                        i2_regional_denominator=figure.get("denominator", 0),
                    )
                    continue
                values.update(
                    {
                        f"{indicator}_numerator": figure.get("numerator", 0),
                        f"{indicator}_denominator": figure.get("denominator", 0),
                        f"{indicator}_share": figure.get("share") or 0.0,
                        f"{indicator}_applicable": figure.get("applicable", False),
                    }
                )
            wizard.update(values)

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for wizard in self:
            if (
                wizard.date_from
                and wizard.date_to
                and wizard.date_from > wizard.date_to
            ):
                raise ValidationError(
                    self.env._("The period cannot end before it starts.")
                )

    @api.onchange("state_id")
    def _onchange_state_id(self):
        if self.state_id:
            self.company_ids = self.env.user.company_ids.filtered(
                lambda company: company.state_id == self.state_id
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_analyse(self):
        """Figures by period (and centre or region), in pivot, graph and list."""
        self.ensure_one()
        self._mgp_check_period()
        self._mgp_fill_values()
        return self._mgp_analysis_action()

    def _mgp_analysis_action(self):
        """The window of the figures by period already filled."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Indicators by period"),
            "res_model": "mgp.indicator.value",
            "view_mode": "list,pivot,graph",
            "views": [(False, "list"), (False, "pivot"), (False, "graph")],
            "domain": [("wizard_id", "=", self.id)],
            "context": {"create": False, "search_default_groupby_indicator": 1},
            "target": "current",
        }

    def action_open_i1_numerator(self):
        return self._mgp_drill("i1", True)

    def action_open_i1_denominator(self):
        return self._mgp_drill("i1", False)

    def action_open_i2_numerator(self):
        return self._mgp_drill("i2", True)

    def action_open_i2_denominator(self):
        return self._mgp_drill("i2", False)

    def action_print_pdf(self):
        self.ensure_one()
        self._mgp_check_period()
        return self.env.ref("mgp_reports.action_report_indicators").report_action(self)

    def action_export_xlsx(self):
        self.ensure_one()
        self._mgp_check_period()
        content = self._mgp_build_xlsx()
        filename = "indicators_%s_%s.xlsx" % (self.date_from, self.date_to)
        self.write({"xlsx_file": base64.b64encode(content), "xlsx_filename": filename})
        return {
            "type": "ir.actions.act_url",
            "url": "/web/content/%s/%s/xlsx_file/%s?download=true"
            % (self._name, self.id, filename),
            "target": "self",
        }

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _mgp_period_ok(self):
        self.ensure_one()
        return bool(
            self.date_from
            and self.date_to
            and self.company_ids
            and self.date_from <= self.date_to
        )

    def _mgp_check_period(self):
        if not self._mgp_period_ok():
            raise UserError(self.env._("Choose a period and at least one centre."))
        if not any(
            self.env["mgp.indicator"]._mgp_applicable(indicator, self.date_to)
            for indicator in ("i1", "i2")
        ):
            raise UserError(
                self.env._(
                    "The indicators apply from 1 January 2025 (I1) and "
                    "1 January 2026 (I2); choose a later period."
                )
            )

    def _mgp_companies(self):
        """The centres counted: those chosen that the user may work in."""
        self.ensure_one()
        # in the dialog (a new record) the centres are new records too: their
        # origin is the centre itself
        return self.company_ids._origin & self.env.user.company_ids

    def _mgp_env_companies(self):
        """``self`` in an environment where the chosen centres are active,
        so that the record rules let their records through."""
        self.ensure_one()
        companies = self._mgp_companies()
        if not companies:
            return self
        return self.with_context(allowed_company_ids=companies.ids)

    def _mgp_figure(self, indicator):
        wizard = self._mgp_env_companies()
        return wizard.env["mgp.indicator"]._mgp_compute(
            indicator, self.date_from, self.date_to, self._mgp_companies()
        )

    def _mgp_drill(self, indicator, counted_only):
        self.ensure_one()
        self._mgp_check_period()
        wizard = self._mgp_env_companies()
        return wizard.env["mgp.indicator"]._mgp_drill_action(
            indicator, self.date_from, self.date_to, self._mgp_companies(), counted_only
        )

    def _mgp_fill_values(self, figures=None):
        """(Re)create the figures by period and group, one query per
        indicator — or from ``figures`` (``{indicator: [figure, ...]}``)
        that the caller computed already for the same periods."""
        self.ensure_one()
        Indicator = self._mgp_env_companies().env["mgp.indicator"]
        Value = self.env["mgp.indicator.value"]
        groupby = None if self.groupby == "total" else self.groupby
        if figures is None:
            periods = Indicator._mgp_split_period(
                self.date_from, self.date_to, self.step
            )
            figures = {
                indicator: Indicator._mgp_figures(
                    indicator, periods, self._mgp_companies(), groupby=groupby
                )
                for indicator in ("i1", "i2")
            }
        self.value_ids.unlink()
        vals_list = []
        for indicator in ("i1", "i2"):
            for figure in figures[indicator]:
                vals_list.append(
                    {
                        "wizard_id": self.id,
                        "indicator": indicator,
                        "date_from": figure["date_from"],
                        "date_to": figure["date_to"],
                        "period": Value._mgp_period_label(
                            figure["date_from"], figure["date_to"], self.step
                        ),
                        "company_id": figure["group"]
                        if groupby == "company"
                        else False,
                        "state_id": figure["group"] if groupby == "region" else False,
                        "numerator": figure["numerator"],
                        "denominator": figure["denominator"],
                        "share": figure["share"] or 0.0,
                        "applicable": figure["applicable"],
                    }
                )
        return Value.create(vals_list)

    # ------------------------------------------------------------------
    # Printed figures (PDF and XLSX, in Russian)
    # ------------------------------------------------------------------
    def _mgp_report_data(self, with_rows=True):
        """Figures, counting rules and drill-down rows of the printed report
        and of the workbook: the same numbers as the screen's. The PDF
        prints no drill-down row (``with_rows=False``); the workbook reads
        them in batches (:meth:`_mgp_iter_rows`)."""
        self.ensure_one()
        wizard = self._mgp_env_companies()
        Indicator = wizard.env["mgp.indicator"]
        companies = self._mgp_companies()
        args = (self.date_from, self.date_to, companies)
        data = {
            "period": self._mgp_period_label(),
            "scope": self._mgp_scope_label(),
            "companies": companies,
            "today": format_ru_date(centre_today(self)),
        }
        for indicator in ("i1", "i2"):
            figure = Indicator._mgp_compute(indicator, *args)
            rows = (
                Indicator._mgp_rows(indicator, *args)
                if figure["applicable"] and with_rows
                else []
            )
            model = "mgp.accompaniment" if indicator == "i1" else "mgp.deadline"
            records = wizard.env[model].browse([row["id"] for row in rows])
            for row, record in zip(rows, records, strict=True):
                row["record"] = record
            by_company = [
                dict(value, company=companies.browse(value["group"]))
                for value in Indicator._mgp_figures(
                    indicator, [(self.date_from, self.date_to)], companies, "company"
                )
                if value["group"]
            ]
            for value in by_company:
                value["share_text"] = self._mgp_share_text(value)
            data[indicator] = dict(
                figure,
                by_company=by_company,
                rows=rows,
                title=INDICATOR_TITLES_RU[indicator],
                rule=COUNTING_RULES_RU[indicator],
                start=format_ru_date(START_DATES[indicator]),
                share_text=self._mgp_share_text(figure),
            )
        # which terms I2 used, and the centre's other terms (not in I2)
        for key, standard in (("i2_rules", True), ("i2_regional_rules", False)):
            data[key] = [
                {
                    "code": rule.code,
                    "name": rule.name,
                    "term": term_text_ru(rule),
                    "region": rule.state_id.name or "",
                    "date_from": format_ru_date(rule.date_from)
                    if rule.date_from
                    else "",
                    "legal_source": rule.legal_source or "",
                }
                for rule in Indicator._mgp_i2_rules(standard)
            ]
        regional = Indicator._mgp_compute("i2_regional", *args)
        data["i2_regional"] = dict(regional, share_text=self._mgp_share_text(regional))
        return data

    @api.model
    def _mgp_share_text(self, figure):
        if not figure["applicable"]:
            return "не применяется"
        if figure["share"] is None:
            return "—"
        return ("%.2f" % figure["share"]).replace(".", ",")

    def _mgp_scope_label(self):
        companies = self._mgp_companies()
        if self.state_id:
            return "%s (%s)" % (
                self.state_id.with_context(lang="ru_RU").name,
                ", ".join(companies.mapped("name")),
            )
        return ", ".join(companies.mapped("name"))

    def _mgp_period_label(self):
        return "с %s по %s" % (
            format_ru_date(self.date_from),
            format_ru_date(self.date_to),
        )
