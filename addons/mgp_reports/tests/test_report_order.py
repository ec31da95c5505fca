# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import MgpReportsCommon

REPORT = "mgp_reports.action_report_order"


@tagged("post_install", "-at_install")
class TestReportOrder(MgpReportsCommon):
    def test_order(self):
        self.company.write(
            {"mgp_head_position": "Директор", "mgp_head_name": "И. И. Петров"}
        )
        case = self._create_case(self.activity_talks | self.activity_route)
        case.with_user(self.specialist).action_decide_need(True, date(2026, 3, 13))
        case.with_user(self.specialist).action_assign_employee(self.specialist_2)
        # the requisites (number) are given when the manager signs it
        self.assertFalse(case.order_number)

        draft = self._render_pdf_text(REPORT, case)
        self.assertIn("ПРОЕКТ", draft)
        self.assertNotIn("False", draft)

        case.with_user(self.manager).action_approve_order(date(2026, 3, 13))
        self.assertTrue(case.order_number)
        text = self._render_pdf_text(REPORT, case)
        self.assertNotIn("ПРОЕКТ", text)
        for expected in (
            "ЦЗН Тестовый",
            "ПРИКАЗ",
            "13 марта 2026 г.",
            "№ %s" % case.order_number,
            "О назначении ответственного работника за сопровождение",
            "от 12 декабря 2024 г. № 692н",
            "ПРИКАЗЫВАЮ:",
            "1. Назначить ответственным за сопровождение при содействии занятости "
            "инвалида работника ЦЗН Тестовый: Mgp Specialist 2, Инспектор.",
            "Гражданин, сопровождение которого осуществляется: Иванова Мария "
            "Петровна, личное дело от 10 марта 2026 г. № ЛД-2026-0042.",
            self.activity_talks.name,
            self.activity_route.name,
            # no certificate yet: the term is worded, with the number in words
            "6 (шесть) месяцев со дня формирования сертификата",
            "не позднее 5 рабочих дней",
            "Контроль за исполнением настоящего приказа оставляю за собой.",
            "С приказом ознакомлен(а):",
            # the head of the centre, or a blank line
            "Директор",
            "И. И. Петров",
        ):
            self.assertIn(expected, text)

        case.with_user(self.specialist).action_issue_certificate(date(2026, 3, 16))
        text = self._render_pdf_text(REPORT, case)
        self.assertIn(
            "Установить срок сопровождения с 16 марта 2026 г. по 16 сентября 2026 г.",
            text,
        )

    def test_order_without_employee(self):
        case = self._create_case(self.activity_talks)
        report = self.env["ir.actions.report"].with_user(self.specialist)
        with self.assertRaises(UserError) as error:
            report._render_qweb_pdf(REPORT, case.ids)
        self.assertIn(case.name, str(error.exception))
