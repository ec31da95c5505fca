# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval, time

from .common import MgpReportsCommon

REPORT = "mgp_reports.action_report_certificate"


@tagged("post_install", "-at_install")
class TestReportCertificate(MgpReportsCommon):
    def _assign_employee(self, case, employee, order_date=date(2026, 3, 13)):
        case.with_user(self.specialist).action_assign_employee(employee, order_date)

    def _approve_and_issue(self, case, issue_date=date(2026, 3, 16)):
        if case.order_state == "draft":
            case.with_user(self.manager).action_approve_order(date(2026, 3, 13))
        case.with_user(self.specialist).action_issue_certificate(issue_date)

    def _contract(self, ngo, activities):
        contract = self.env["mgp.ngo.contract"].create(
            {
                "partner_id": ngo.id,
                "number": "Д-17",
                "date": date(2026, 3, 13),
                "date_start": date(2026, 1, 1),
                "mgp_activity_ids": [(6, 0, activities.ids)],
                "company_id": self.company.id,
            }
        )
        contract.action_activate()
        return contract

    def test_certificate_centre_employee(self):
        activities = self.activity_talks | self.activity_route
        case = self._create_case(activities)
        case.with_user(self.specialist).action_decide_need(True, date(2026, 3, 13))
        self._assign_employee(case, self.specialist_2)
        self._approve_and_issue(case)
        self.assertEqual(case.date_end, date(2026, 9, 16))

        text = self._render_pdf_text(REPORT, case)
        for expected in (
            "Сертификат",
            "о предоставлении сервиса «Сопровождение инвалида при трудоустройстве»",
            "(фамилия, имя, отчество (при наличии) гражданина)",
            "Иванова Мария Петровна",
            "СНИЛС: 112-233-445 95",
            "Личное дело гражданина от 10 марта 2026 г. № ЛД-2026-0042.",
            case.certificate_number,
            # the accompanying employee with the position, and the contacts
            "Mgp Specialist 2, Инспектор",
            # e-mail first, then the phone, as the form's caption says
            "(электронный адрес, телефон): mgp_specialist_2@example.ru, "
            "+7 4842 12-34-56",
            self.activity_talks.name,
            self.activity_route.name,
            "дата начала: 16 марта 2026 г.",
            "дата окончания: 16 сентября 2026 г.",
            "Примечания:",
            # signature block: the case's specialist
            "Ведущий инспектор",
            "Mgp Specialist",
            "(подпись)",
        ):
            self.assertIn(expected, text)
        self.assertNotIn(self.activity_interpreter.name, text)
        # the contacts line gives the contacts, not the name again
        label = "Контакты сопровождающего (электронный адрес, телефон):"
        contacts = text.split(label)[1].split("Перечень")[0]
        self.assertIn("mgp_specialist_2@example.ru", contacts)
        self.assertNotIn("Mgp Specialist 2", contacts)

    def test_certificate_ngo_partial(self):
        """An NGO performing part of the activities is named in the notes."""
        activities = self.activity_talks | self.activity_interpreter
        case = self._create_case(activities)
        case.with_user(self.specialist).action_decide_need(True, date(2026, 3, 13))
        ngo = self._create_ngo(self.activity_interpreter)
        self._assign_employee(case, self.specialist_2)
        case.with_user(self.specialist).action_record_ngo_consent(
            ngo, date(2026, 3, 13)
        )
        case.with_user(self.specialist).action_assign_ngo(
            ngo,
            self._contract(ngo, self.activity_interpreter),
            contact="Сидоров Пётр, +7 900 000-00-00",
        )
        self._approve_and_issue(case)
        self.assertIn("АНО «Опора»", case.certificate_notes)

        text = self._render_pdf_text(REPORT, case)
        notes = text.split("Примечания:", 1)[1]
        self.assertIn("АНО «Опора»", notes)
        self.assertIn(self.activity_interpreter.name, notes)
        self.assertIn("Сидоров Пётр", notes)
        self.assertIn("Mgp Specialist 2, Инспектор", text)
        self.assertIn("дата окончания: 16 сентября 2026 г.", text)

    def test_certificate_ngo_only(self):
        """An NGO performing every activity is the companion, with its
        contract."""
        activities = self.activity_talks | self.activity_route
        case = self._create_case(activities)
        case.with_user(self.specialist).action_decide_need(True, date(2026, 3, 13))
        ngo = self._create_ngo(activities)
        case.with_user(self.specialist).action_record_ngo_consent(
            ngo, date(2026, 3, 13)
        )
        case.with_user(self.specialist).action_assign_ngo(
            ngo, self._contract(ngo, activities)
        )
        self._approve_and_issue(case)
        self.assertFalse(case.responsible_user_id)

        text = self._render_pdf_text(REPORT, case)
        self.assertIn("АНО «Опора», договор № Д-17 от 13 марта 2026 г.", text)
        self.assertIn("opora@example.ru", text)
        self.assertIn(self.activity_route.name, text)

    def test_print_without_certificate(self):
        case = self._create_case(self.activity_talks)
        report = self.env["ir.actions.report"].with_user(self.specialist)
        with self.assertRaises(UserError) as error:
            report._render_qweb_pdf(REPORT, case.ids)
        self.assertIn(case.name, str(error.exception))

    def test_report_action(self):
        report = self.env.ref(REPORT)
        self.assertEqual(report.binding_model_id.model, "mgp.accompaniment")
        self.assertEqual(report.paperformat_id.format, "A4")
        case = self._create_case(self.activity_talks)
        case.with_user(self.specialist).action_decide_need(True, date(2026, 3, 13))
        self._assign_employee(case, self.specialist)
        self._approve_and_issue(case)
        filename = safe_eval(report.print_report_name, {"object": case, "time": time})
        self.assertIn(case.certificate_number.replace("/", "-"), filename)
