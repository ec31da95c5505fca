# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.mgp_base.tests.common import pdf_text

from .common import ComplaintCommon

REPORT = "mgp_complaint.action_report_complaint_answer"


@tagged("post_install", "-at_install")
class TestComplaintReport(ComplaintCommon):
    def _render(self, complaint):
        with self.allow_pdf_render():
            content, _type = (
                self.env["ir.actions.report"]
                .with_context(force_report_rendering=True)
                ._render_qweb_pdf(REPORT, complaint.ids)
            )
        return pdf_text(content)

    def test_answer_form_in_russian(self):
        complaint = self._registered(date(2025, 11, 3), subject="documents_refused")
        complaint.with_user(self.manager).action_decide(
            "upheld",
            "Документы подлежали приему.",
            remedy="documents_accepted",
            remedy_note="Документы приняты 06.11.2025.",
            decision_date=date(2025, 11, 5),
        )
        text = self._render(complaint)
        self.assertIn("ОТВЕТ", text)
        self.assertIn(complaint.name, text)
        self.assertIn("жалоба удовлетворена", text)
        self.assertIn("отказ в приеме документов", text)
        self.assertIn("Документы подлежали приему", text)
        self.assertIn("5 ноября 2025 г.", text)

    def test_no_answer_before_decision(self):
        complaint = self._registered(date(2025, 11, 3))
        with self.assertRaises(UserError):
            self.env["ir.actions.report"]._render_qweb_html(REPORT, complaint.ids)
