# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import MgpReportsCommon

APPLICATION = "mgp_reports.action_report_518n_application"
CONCLUSION = "mgp_reports.action_report_518n_conclusion"


@tagged("post_install", "-at_install")
class TestReport518n(MgpReportsCommon):
    """Seed 002 (standard 518н): its заявление (Приложение 2) and заключение
    (Приложение 1) for the cases started before the standard of Order 692n
    came into force (1 March 2025), and the personal-file entries of 002
    §3.7."""

    def _old_case(self):
        return self._create_case(
            self.activity_talks,
            plan_agreed_date=date(2025, 2, 10),
            personal_file_date=date(2025, 2, 10),
        )

    def test_forms_of_an_old_case(self):
        case = self._old_case()
        self.assertTrue(case.mgp_518n)
        self.assertIn(case, case.search([("mgp_518n", "=", True)]))
        text = self._render_pdf_text(APPLICATION, case)
        for expected in (
            "Приложение № 2",
            "Заявление",
            "о предоставлении государственной услуги по организации сопровождения",
            "Я, Иванова Мария Петровна,",
            "прошу предоставить государственную услугу по организации "
            "сопровождения при содействии занятости инвалидов.",
            "Дата: 10 февраля 2025 г.",
        ):
            self.assertIn(expected, text)

        specialist = case.with_user(self.specialist)
        specialist.action_decide_need(True, date(2025, 2, 11))
        specialist.action_assign_employee(self.specialist_2)
        # the personal-file entries of 002 §3.7, on the form
        specialist.write(
            {
                "conclusion_issued_date": date(2025, 2, 14),
                "conclusion_handed_over": "Один экземпляр заключения",
                "conclusion_acknowledged_date": date(2025, 2, 14),
                "conclusion_copy_kept": True,
            }
        )
        text = self._render_pdf_text(CONCLUSION, case)
        for expected in (
            "Приложение № 1",
            "Заключение",
            "ЦЗН Тестовый предоставлена государственная услуга",
            "Иванова Мария Петровна",
            "1. Назначен ответственный работник учреждения службы занятости, "
            "непосредственно занимающийся сопровождением: Mgp Specialist 2, "
            "Инспектор.",
            "14 февраля 2025 г.",
            "С заключением ознакомлен(а):",
            "(фамилия, имя, отчество (при наличии) инвалида)",
        ):
            self.assertIn(expected, text)

    def test_refused_for_a_case_under_692n(self):
        case = self._create_case(self.activity_talks)
        self.assertFalse(case.mgp_518n)
        report = self.env["ir.actions.report"].with_user(self.specialist)
        for ref in (APPLICATION, CONCLUSION):
            with self.assertRaises(UserError) as error:
                report._render_qweb_pdf(ref, case.ids)
            self.assertIn(case.name, str(error.exception))
        # nor has it the entries of the older personal file
        with self.assertRaises(ValidationError):
            case.with_user(self.specialist).conclusion_issued_date = date(2026, 3, 20)

    def test_personal_file_entries_in_order(self):
        case = self._old_case().with_user(self.specialist)
        with self.assertRaises(ValidationError):
            case.write({"conclusion_copy_kept": True})
        with self.assertRaises(ValidationError):
            case.write(
                {
                    "conclusion_issued_date": date(2025, 2, 14),
                    "conclusion_acknowledged_date": date(2025, 2, 13),
                }
            )
        self.assertFalse(case.conclusion_issued_date)

    def test_conclusion_needs_an_assignment(self):
        case = self._old_case()
        report = self.env["ir.actions.report"].with_user(self.specialist)
        with self.assertRaises(UserError):
            report._render_qweb_pdf(CONCLUSION, case.ids)
