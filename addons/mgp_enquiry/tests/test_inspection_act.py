# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.mgp_base.tests.common import pdf_text

from .test_inspection import InspectionCommon

REPORT = "mgp_enquiry.action_report_inspection_act"


@tagged("post_install", "-at_install")
class TestInspectionAct(InspectionCommon):
    def _render(self, inspection):
        report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        with self.allow_pdf_render():
            pdf, report_format = report.with_user(self.manager)._render_qweb_pdf(
                REPORT, inspection.ids
            )
        self.assertEqual(report_format, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF-"))
        return pdf_text(pdf)

    def test_act(self):
        self.person.name = "Иванова Мария Петровна"
        inspection = self._inspection(
            conclusion="Причина — отсутствие контроля сроков."
        )
        with self.assertRaises(UserError):
            self._render(inspection)
        inspection.with_user(self.manager).action_start(date(2026, 4, 2))
        self._finding(inspection)
        inspection.with_user(self.manager).action_close(date(2026, 4, 3))
        text = self._render(inspection)
        for expected in (
            "ЦЗН Тестовый",
            "АКТ",
            "проверки в порядке текущего контроля",
            "№ %s" % inspection.name,
            "Проверяемый период: с 1 января 2026 г. по 31 марта 2026 г.",
            "окончена 3 апреля 2026 г.",
            "Иванова Мария Петровна",
            "Решение о нуждаемости не внесено в личное дело",
            "Внести решение в личное дело",
            "20 апреля 2026 г.",
            "Причина — отсутствие контроля сроков.",
            "С актом ознакомлен(а):",
        ):
            self.assertIn(expected, text)
        self.assertNotIn("False", text)
