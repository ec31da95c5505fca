# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re

from odoo.tests import tagged

from .indicator_common import Q1_2026, MgpIndicatorCommon

REPORT = "mgp_reports.action_report_indicators"


@tagged("post_install", "-at_install")
class TestReportIndicators(MgpIndicatorCommon):
    """Приложение 6 printed as a PDF: the screen's figures, read back."""

    def test_pdf_equals_screen(self):
        wizard = self._wizard(self.region_admin, Q1_2026, companies=self.both)
        self.assertEqual(
            wizard.action_print_pdf()["report_name"], "mgp_reports.report_indicators"
        )
        text = self._render_pdf_text(REPORT, wizard)
        self.assertIn("Приложение 6", text)
        self.assertIn("с 1 января 2026 г. по 31 марта 2026 г.", text)
        figures = re.findall(r"\(применяется с [^)]*\) ?(\d+) (\d+) ([\d,]+)", text)
        screen = [
            (
                str(wizard.i1_numerator),
                str(wizard.i1_denominator),
                ("%.2f" % wizard.i1_share).replace(".", ","),
            ),
            ("5", "8", "62,50"),
        ]
        self.assertEqual(figures, screen)
        self.assertEqual(wizard.i2_numerator, 5)
        self.assertIn("Порядок расчета", text)
        # the printout says which terms I2 used, and that the others are apart
        self.assertIn("Сроки, учтенные в показателе 2", text)
        self.assertIn(self.rule_assignment.name[:20], " ".join(text.split()))
        self.assertIn("не установленные Стандартом", " ".join(text.split()))
        self.assertIn(self.company_region.name, text)
