# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
# pylint: disable=consider-merging-classes-inherited
"""The workbook of the indicators (the export of the wizard): the drill-down
rows streamed from a server-side cursor, one sheet per indicator."""

import io

import xlsxwriter

from odoo import models
from odoo.tools import SQL

from odoo.addons.mgp_base.models.mgp_today import centre_today

from ..report.mgp_report_form import format_ru_date
from .mgp_indicator_report_wizard import I2_KIND_LABELS_RU, REPORT_TITLE_RU


class MgpIndicatorReportWizardXlsx(models.TransientModel):
    _inherit = "mgp.indicator.report.wizard"

    def _mgp_build_xlsx(self):
        """Return the bytes of the workbook of the indicators.

        Its memory stays flat whatever the number of drill-down rows: the
        rows come in batches from a server-side cursor and xlsxwriter writes
        each row out as it goes (``constant_memory``)."""
        self.ensure_one()
        data = self._mgp_report_data(with_rows=False)
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"constant_memory": True})
        styles = self._mgp_xlsx_styles(workbook)
        self._mgp_xlsx_summary(workbook, styles, data)
        for indicator, write in (("i1", self._mgp_xlsx_i1), ("i2", self._mgp_xlsx_i2)):
            figure = data[indicator]
            rows = self._mgp_iter_rows(indicator) if figure["applicable"] else []
            write(workbook, styles, dict(figure, rows=rows))
        workbook.close()
        return output.getvalue()

    def _mgp_iter_rows(self, indicator, batch_size=2000):
        """The drill-down rows of ``indicator`` (as ``mgp.indicator._mgp_rows``)
        with their ``record``, fetched ``batch_size`` at a time from a
        server-side cursor (read-only: it runs on a replica too); each
        batch's records leave the cache before the next batch."""
        self.ensure_one()
        wizard = self._mgp_env_companies()
        query = wizard.env["mgp.indicator"]._mgp_rows_sql(
            indicator, self.date_from, self.date_to, self._mgp_companies()
        )
        Model = wizard.env["mgp.accompaniment" if indicator == "i1" else "mgp.deadline"]
        cr = self.env.cr
        cursor = SQL.identifier(f"mgp_indicator_rows_{indicator}")
        cr.execute(SQL("DECLARE %s NO SCROLL CURSOR FOR %s", cursor, query))
        try:
            while True:
                cr.execute(SQL("FETCH FORWARD %s FROM %s", batch_size, cursor))
                rows = cr.dictfetchall()
                if not rows:
                    break
                records = Model.browse([row["id"] for row in rows])
                for row, record in zip(rows, records, strict=True):
                    row["record"] = record
                    yield row
                self.env.invalidate_all()
        finally:
            cr.execute(SQL("CLOSE %s", cursor))

    def _mgp_xlsx_styles(self, workbook):
        border = {"border": 1, "valign": "top", "text_wrap": True}
        return {
            "title": workbook.add_format({"bold": True, "font_size": 13}),
            "bold": workbook.add_format({"bold": True}),
            "wrap": workbook.add_format({"text_wrap": True, "valign": "top"}),
            "head": workbook.add_format(
                dict(border, bold=True, align="center", bg_color="#D9E1F2")
            ),
            "cell": workbook.add_format(border),
            "int": workbook.add_format(dict(border, num_format="0")),
            "pct": workbook.add_format(dict(border, num_format="0.00")),
            "date": workbook.add_format(dict(border, num_format="dd.mm.yyyy")),
        }

    def _mgp_xlsx_table(self, sheet, styles, row, header, widths):
        for col, (title, width) in enumerate(zip(header, widths, strict=True)):
            sheet.set_column(col, col, width)
            sheet.write(row, col, title, styles["head"])

    def _mgp_xlsx_summary(self, workbook, styles, data):
        sheet = workbook.add_worksheet("Показатели")
        sheet.write(0, 0, REPORT_TITLE_RU, styles["title"])
        sheet.write(1, 0, "Отчетный период: %s" % data["period"])
        sheet.write(2, 0, "Центры занятости населения: %s" % data["scope"])
        self._mgp_xlsx_table(
            sheet,
            styles,
            4,
            ["№", "Показатель", "Числитель", "Знаменатель", "Значение, %"],
            [5, 80, 14, 14, 14],
        )
        for offset, (number, key) in enumerate((("1", "i1"), ("2", "i2")), start=5):
            figure = data[key]
            sheet.set_row(offset, 60)
            sheet.write(offset, 0, number, styles["cell"])
            sheet.write(
                offset,
                1,
                "%s (применяется с %s)" % (figure["title"], figure["start"]),
                styles["cell"],
            )
            if figure["applicable"]:
                sheet.write_number(offset, 2, figure["numerator"], styles["int"])
                sheet.write_number(offset, 3, figure["denominator"], styles["int"])
                if figure["share"] is None:
                    sheet.write(offset, 4, "—", styles["cell"])
                else:
                    sheet.write_number(offset, 4, figure["share"], styles["pct"])
            else:
                for col in (2, 3, 4):
                    sheet.write(offset, col, "не применяется", styles["cell"])
        sheet.write(8, 0, "Порядок расчета", styles["bold"])
        for offset, key in enumerate(("i1", "i2"), start=9):
            sheet.set_row(offset, 90)
            sheet.merge_range(offset, 0, offset, 4, data[key]["rule"], styles["wrap"])
        sheet.write(
            12,
            0,
            "Сформировано %s" % format_ru_date(centre_today(self)),
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
            case = line["record"]
            sheet.write(row, 0, case.name, styles["cell"])
            sheet.write(row, 1, case.partner_id.name, styles["cell"])
            sheet.write(row, 2, case.company_id.name, styles["cell"])
            sheet.write_datetime(row, 3, case.need_decision_date, styles["date"])
            sheet.write_datetime(row, 4, line["window_end"], styles["date"])
            if case.employment_date:
                sheet.write_datetime(row, 5, case.employment_date, styles["date"])
            else:
                sheet.write_blank(row, 5, None, styles["cell"])
            sheet.write(row, 6, "да" if line["employed"] else "нет", styles["cell"])
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
                "Состояние на конец периода",
                "С нарушением срока",
            ],
            [22, 48, 18, 24, 24, 14, 14, 24, 12],
        )
        for row, line in enumerate(i2["rows"], start=4):
            deadline = line["record"]
            sheet.write(row, 0, deadline.code, styles["cell"])
            sheet.write(row, 1, deadline.name, styles["cell"])
            sheet.write(row, 2, deadline.res_name or "", styles["cell"])
            sheet.write(row, 3, deadline.company_id.name, styles["cell"])
            sheet.write(row, 4, deadline.user_id.name or "", styles["cell"])
            sheet.write_datetime(row, 5, deadline.date_start, styles["date"])
            sheet.write_datetime(row, 6, deadline.date_due, styles["date"])
            sheet.write(row, 7, I2_KIND_LABELS_RU[line["kind"]], styles["cell"])
            sheet.write(row, 8, "да" if line["counted"] else "нет", styles["cell"])
