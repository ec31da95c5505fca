# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import io

import xlsxwriter

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..report.mgp_report_form import format_ru_date


class MgpIndicatorReportWizard(models.TransientModel):
    """Indicators I1 and I2 of the measure for a period, shown and exported
    to an XLSX workbook (summary, citizens of I1, procedures of I2)."""

    _name = "mgp.indicator.report.wizard"
    _description = "Indicators of the Accompaniment Measure (XLSX)"

    def _default_date_from(self):
        return fields.Date.context_today(self).replace(month=1, day=1)

    date_from = fields.Date(
        string="From", required=True, default=lambda self: self._default_date_from()
    )
    date_to = fields.Date(string="To", required=True, default=fields.Date.context_today)
    company_ids = fields.Many2many(
        "res.company",
        string="Centres",
        required=True,
        default=lambda self: self.env.company,
        domain=lambda self: [("id", "in", self.env.user.company_ids.ids)],
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
    i2_numerator = fields.Integer(
        string="I2: procedures past their deadline", compute="_compute_indicators"
    )
    i2_denominator = fields.Integer(
        string="I2: procedures performed", compute="_compute_indicators"
    )
    i2_share = fields.Float(
        string="I2, %", digits=(5, 2), compute="_compute_indicators"
    )
    xlsx_file = fields.Binary(string="Workbook", readonly=True, attachment=False)
    xlsx_filename = fields.Char(readonly=True)

    @api.depends("date_from", "date_to", "company_ids")
    def _compute_indicators(self):
        Indicator = self.env["mgp.indicator"]
        for wizard in self:
            if not wizard._mgp_period_ok():
                wizard.update(
                    {
                        "i1_numerator": 0,
                        "i1_denominator": 0,
                        "i1_share": 0.0,
                        "i2_numerator": 0,
                        "i2_denominator": 0,
                        "i2_share": 0.0,
                    }
                )
                continue
            args = (wizard.date_from, wizard.date_to, wizard.company_ids)
            i1 = Indicator._mgp_compute_i1(*args)
            i2 = Indicator._mgp_compute_i2(*args)
            wizard.update(
                {
                    "i1_numerator": i1["numerator"],
                    "i1_denominator": i1["denominator"],
                    "i1_share": i1["share"],
                    "i2_numerator": i2["numerator"],
                    "i2_denominator": i2["denominator"],
                    "i2_share": i2["share"],
                }
            )

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

    def action_export_xlsx(self):
        self.ensure_one()
        content = self._mgp_build_xlsx()
        filename = "indicators_%s_%s.xlsx" % (self.date_from, self.date_to)
        self.write({"xlsx_file": base64.b64encode(content), "xlsx_filename": filename})
        return {
            "type": "ir.actions.act_url",
            "url": "/web/content/%s/%s/xlsx_file/%s?download=true"
            % (self._name, self.id, filename),
            "target": "self",
        }

    def _mgp_period_ok(self):
        self.ensure_one()
        return bool(
            self.date_from
            and self.date_to
            and self.company_ids
            and self.date_from <= self.date_to
        )

    # ------------------------------------------------------------------
    # Workbook (Russian, as the regional reporting expects it)
    # ------------------------------------------------------------------
    def _mgp_build_xlsx(self):
        """Return the bytes of the workbook of the indicators."""
        self.ensure_one()
        Indicator = self.env["mgp.indicator"]
        args = (self.date_from, self.date_to, self.company_ids)
        i1 = Indicator._mgp_compute_i1(*args)
        i2 = Indicator._mgp_compute_i2(*args)
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        styles = self._mgp_xlsx_styles(workbook)
        self._mgp_xlsx_summary(workbook, styles, i1, i2)
        self._mgp_xlsx_i1(workbook, styles, i1)
        self._mgp_xlsx_i2(workbook, styles, i2)
        workbook.close()
        return output.getvalue()

    def _mgp_xlsx_styles(self, workbook):
        border = {"border": 1, "valign": "top", "text_wrap": True}
        return {
            "title": workbook.add_format({"bold": True, "font_size": 13}),
            "bold": workbook.add_format({"bold": True}),
            "head": workbook.add_format(
                dict(border, bold=True, align="center", bg_color="#D9E1F2")
            ),
            "cell": workbook.add_format(border),
            "int": workbook.add_format(dict(border, num_format="0")),
            "pct": workbook.add_format(dict(border, num_format="0.00")),
            "date": workbook.add_format(dict(border, num_format="dd.mm.yyyy")),
        }

    def _mgp_period_label(self):
        return "с %s по %s" % (
            format_ru_date(self.date_from),
            format_ru_date(self.date_to),
        )

    def _mgp_xlsx_table(self, sheet, styles, row, header, widths):
        for col, (title, width) in enumerate(zip(header, widths, strict=True)):
            sheet.set_column(col, col, width)
            sheet.write(row, col, title, styles["head"])

    def _mgp_xlsx_summary(self, workbook, styles, i1, i2):
        sheet = workbook.add_worksheet("Показатели")
        sheet.write(
            0,
            0,
            "Показатели меры государственной поддержки «Организация "
            "сопровождения при содействии занятости инвалидов» "
            "(приложение 6 к Стандарту)",
            styles["title"],
        )
        sheet.write(1, 0, "Отчетный период: %s" % self._mgp_period_label())
        sheet.write(
            2,
            0,
            "Центры занятости населения: %s"
            % ", ".join(self.company_ids.mapped("name")),
        )
        self._mgp_xlsx_table(
            sheet,
            styles,
            4,
            ["№", "Показатель", "Числитель", "Знаменатель", "Значение, %"],
            [5, 80, 14, 14, 14],
        )
        lines = [
            (
                "1",
                "Доля граждан, получающих (получавших) меру поддержки, не "
                "трудоустроенных в течение 6 месяцев со дня принятия решения о "
                "нуждаемости инвалида в сопровождении при содействии занятости, "
                "от общего количества граждан, получающих (получавших) меру "
                "поддержки в отчетном периоде",
                i1,
            ),
            (
                "2",
                "Доля процедур (действий), выполненных центром занятости "
                "населения при предоставлении меры поддержки, с нарушением "
                "установленных сроков",
                i2,
            ),
        ]
        for offset, (number, label, result) in enumerate(lines, start=5):
            sheet.set_row(offset, 60)
            sheet.write(offset, 0, number, styles["cell"])
            sheet.write(offset, 1, label, styles["cell"])
            sheet.write_number(offset, 2, result["numerator"], styles["int"])
            sheet.write_number(offset, 3, result["denominator"], styles["int"])
            sheet.write_number(offset, 4, result["share"], styles["pct"])
        sheet.write(
            8,
            0,
            "Сформировано %s" % format_ru_date(fields.Date.context_today(self)),
        )

    def _mgp_xlsx_i1(self, workbook, styles, i1):
        sheet = workbook.add_worksheet("Показатель 1")
        sheet.write(
            0, 0, "Граждане, получающие (получавшие) меру поддержки", styles["title"]
        )
        sheet.write(1, 0, "Отчетный период: %s" % self._mgp_period_label())
        self._mgp_xlsx_table(
            sheet,
            styles,
            3,
            [
                "Дело",
                "Гражданин",
                "Центр",
                "Решение о нуждаемости",
                "Окончание 6 месяцев",
                "Дата трудоустройства",
                "Трудоустроен в течение 6 месяцев",
                "Учтен в числителе",
            ],
            [16, 36, 24, 14, 14, 14, 14, 12],
        )
        for row, line in enumerate(i1["rows"], start=4):
            case = line["case"]
            sheet.write(row, 0, case.name, styles["cell"])
            sheet.write(row, 1, case.partner_id.name, styles["cell"])
            sheet.write(row, 2, case.company_id.name, styles["cell"])
            sheet.write_datetime(row, 3, case.need_decision_date, styles["date"])
            sheet.write_datetime(row, 4, line["window_end"], styles["date"])
            if case.employment_date:
                sheet.write_datetime(row, 5, case.employment_date, styles["date"])
            else:
                sheet.write_blank(row, 5, None, styles["cell"])
            sheet.write(
                row, 6, "да" if line["employed_in_time"] else "нет", styles["cell"]
            )
            sheet.write(row, 7, "да" if line["counted"] else "нет", styles["cell"])

    def _mgp_xlsx_i2(self, workbook, styles, i2):
        sheet = workbook.add_worksheet("Показатель 2")
        sheet.write(
            0, 0, "Процедуры, выполненные центром занятости населения", styles["title"]
        )
        sheet.write(1, 0, "Отчетный период: %s" % self._mgp_period_label())
        self._mgp_xlsx_table(
            sheet,
            styles,
            3,
            [
                "Код",
                "Процедура",
                "Дело",
                "Центр",
                "Ответственный",
                "Начало отсчета",
                "Срок",
                "Выполнена",
                "С нарушением срока",
            ],
            [22, 48, 18, 24, 24, 14, 14, 14, 12],
        )
        for row, line in enumerate(i2["rows"], start=4):
            deadline = line["deadline"]
            sheet.write(row, 0, deadline.code, styles["cell"])
            sheet.write(row, 1, deadline.name, styles["cell"])
            sheet.write(row, 2, deadline.res_name or "", styles["cell"])
            sheet.write(row, 3, deadline.company_id.name, styles["cell"])
            sheet.write(row, 4, deadline.user_id.name or "", styles["cell"])
            sheet.write_datetime(row, 5, deadline.date_start, styles["date"])
            sheet.write_datetime(row, 6, deadline.date_due, styles["date"])
            sheet.write_datetime(row, 7, deadline.date_done, styles["date"])
            sheet.write(row, 8, "да" if line["counted"] else "нет", styles["cell"])
