# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import io
from datetime import date

import openpyxl

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form

from .common import MgpReportsCommon


class TestIndicators(MgpReportsCommon):
    """I1 and I2 over cases built through the public API of the case."""

    @classmethod
    def _person(cls, name):
        return cls.env["res.partner"].create(
            {"name": name, "company_id": cls.company.id}
        )

    def _case_for(self, person, plan_date, **vals):
        return self._create_case(
            self.activity_talks,
            partner_id=person.id,
            plan_agreed_date=plan_date,
            personal_file_date=plan_date,
            **vals,
        )

    def _active(self, person, plan_date, decision_date, certificate_date):
        case = self._case_for(person, plan_date)
        case.with_user(self.specialist).action_decide_need(True, decision_date)
        case.with_user(self.specialist).action_assign_employee(
            self.specialist_2, decision_date
        )
        case.with_user(self.manager).action_approve_order(decision_date)
        case.with_user(self.specialist).action_issue_certificate(certificate_date)
        return case

    def _wizard(self, date_from=date(2026, 1, 1), date_to=date(2026, 12, 31)):
        return (
            self.env["mgp.indicator.report.wizard"]
            .with_user(self.manager)
            .create(
                {
                    "date_from": date_from,
                    "date_to": date_to,
                    "company_ids": [(6, 0, self.company.ids)],
                }
            )
        )

    def test_indicators(self):
        # employed 2 months after the decision: not counted by I1
        employed = self._active(
            self._person("Работающий Андрей"),
            date(2026, 1, 12),
            date(2026, 1, 13),
            date(2026, 1, 14),
        )
        employed.with_user(self.specialist).action_mark_employed(
            date(2026, 3, 2), self.env["res.partner"].create({"name": "ООО «Труд»"})
        )
        # never employed; six months ran out on 2026-07-13: counted by I1
        idle = self._active(
            self._person("Ищущий Борис"),
            date(2026, 1, 12),
            date(2026, 1, 13),
            date(2026, 1, 14),
        )
        # decided in October: six months not over by the end of the period
        recent = self._active(
            self._person("Новый Виктор"),
            date(2026, 10, 1),
            date(2026, 10, 2),
            date(2026, 10, 5),
        )
        # no need: not a recipient of the measure; decided late (I2)
        no_need = self._case_for(self._person("Отказной Глеб"), date(2026, 2, 2))
        no_need.with_user(self.specialist).action_decide_need(False, date(2026, 2, 10))
        # another centre: ignored
        other = (
            self.env["mgp.accompaniment"]
            .with_user(self.specialist_other)
            .create(
                {
                    "partner_id": self._person("Чужой Дмитрий").id,
                    "company_id": self.company_other.id,
                    "plan_agreed_date": date(2026, 1, 12),
                    "line_ids": [(0, 0, {"activity_id": self.activity_talks.id})],
                }
            )
        )
        other.with_user(self.specialist_other).action_decide_need(
            True, date(2026, 1, 13)
        )

        wizard = self._wizard()
        self.assertEqual(wizard.i1_denominator, 3)
        self.assertEqual(wizard.i1_numerator, 1)
        self.assertAlmostEqual(wizard.i1_share, 33.33)
        i1 = self.env["mgp.indicator"]._mgp_compute_i1(
            date(2026, 1, 1), date(2026, 12, 31), self.company
        )
        counted = {row["case"] for row in i1["rows"] if row["counted"]}
        self.assertEqual(counted, {idle})
        self.assertEqual({row["case"] for row in i1["rows"]}, {employed, idle, recent})

        # I2: every procedure of these cases done in 2026 is in the
        # denominator; the late need decision is in the numerator
        late = no_need.deadline_ids.filtered(lambda d: d.code == "s1_need_decision")
        on_time = idle.deadline_ids.filtered(lambda d: d.code == "s1_need_decision")
        i2 = self.env["mgp.indicator"]._mgp_compute_i2(
            date(2026, 1, 1), date(2026, 12, 31), self.company
        )
        rows = {row["deadline"]: row["counted"] for row in i2["rows"]}
        self.assertIs(rows[late], True)
        self.assertIs(rows[on_time], False)
        self.assertTrue(all(d.state == "done" and not d.external for d in rows))
        self.assertEqual(i2["numerator"], sum(rows.values()))
        self.assertEqual(wizard.i2_numerator, i2["numerator"])
        self.assertEqual(wizard.i2_denominator, len(rows))
        self.assertGreaterEqual(wizard.i2_denominator, 9)

        # the period of the first quarter: the October case is not there
        self.assertEqual(self._wizard(date_to=date(2026, 3, 31)).i1_denominator, 2)

        # the workbook
        action = wizard.action_export_xlsx()
        self.assertIn("/xlsx_file/", action["url"])
        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(wizard.xlsx_file)))
        self.assertEqual(
            book.sheetnames, ["Показатели", "Показатель 1", "Показатель 2"]
        )
        summary = book["Показатели"]
        self.assertIn("с 1 января 2026 г. по 31 декабря 2026 г.", summary["A2"].value)
        self.assertEqual(
            [summary.cell(6, col).value for col in (3, 4, 5)], [1, 3, 33.33]
        )
        self.assertEqual(
            [summary.cell(7, col).value for col in (3, 4)],
            [i2["numerator"], i2["denominator"]],
        )
        citizens = book["Показатель 1"]
        names = {citizens.cell(row, 2).value for row in range(5, 8)}
        self.assertEqual(names, {"Работающий Андрей", "Ищущий Борис", "Новый Виктор"})
        procedures = book["Показатель 2"]
        self.assertEqual(procedures.max_row, 4 + len(rows))

    def test_bad_period(self):
        with self.assertRaises(ValidationError):
            self._wizard(date_from=date(2026, 5, 1), date_to=date(2026, 4, 1))

    def test_form_defaults(self):
        form = Form(self.env["mgp.indicator.report.wizard"].with_user(self.manager))
        self.assertEqual(form.date_from.month, 1)
        self.assertEqual(form.date_from.day, 1)
        wizard = form.save()
        self.assertEqual(wizard.company_ids, self.manager.company_id)

    def test_access(self):
        """Indicators are the managers' report."""
        with self.assertRaises(AccessError):
            self.env["mgp.indicator.report.wizard"].with_user(self.specialist).create(
                {"date_from": date(2026, 1, 1), "date_to": date(2026, 12, 31)}
            )
        self.assertTrue(self._wizard().exists())
