# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io
import re
from datetime import date

from odoo.tests import tagged
from odoo.tools.pdf import PdfFileReader

from .common import MgpReportsCommon


@tagged("post_install", "-at_install")
class TestReportBatch(MgpReportsCommon):
    """A selection of forms prints as one PDF, with Debian's wkhtmltopdf."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        people = cls.env["res.partner"].create(
            [
                {
                    "name": f"Петров Пётр {index}",
                    "company_id": cls.company.id,
                    "mgp_disability_group": "3",
                }
                for index in range(3)
            ]
        )
        cls.cases = cls.env["mgp.accompaniment"]
        for person in people:
            case = cls._create_case(cls.activity_talks, partner_id=person.id)
            case.with_user(cls.specialist).action_decide_need(True, date(2026, 3, 13))
            case.with_user(cls.specialist).action_assign_employee(
                cls.specialist_2, date(2026, 3, 13)
            )
            case.with_user(cls.manager).action_approve_order(date(2026, 3, 13))
            case.with_user(cls.specialist).action_issue_certificate(date(2026, 3, 16))
            cls.cases |= case

    def _render(self, report_ref, records):
        report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        with self.allow_pdf_render():
            pdf, report_format = report._render_qweb_pdf(report_ref, records.ids)
        self.assertEqual(report_format, "pdf")
        reader = PdfFileReader(io.BytesIO(pdf))
        return [page.extract_text() for page in reader.pages]

    def _check_batch(self, report_ref):
        one = self._render(report_ref, self.cases[:1])
        batch = self._render(report_ref, self.cases)
        self.assertEqual(len(batch), len(one) * len(self.cases))
        text = re.sub(r"\s+", " ", " ".join(batch))
        for case in self.cases:
            self.assertIn(case.partner_id.name, text)

    def test_batch_certificates_one_pdf(self):
        self._check_batch("mgp_reports.action_report_certificate")

    def test_batch_orders_one_pdf(self):
        self._check_batch("mgp_reports.action_report_order")

    def test_batch_is_one_html_document(self):
        report = self.env.ref("mgp_reports.action_report_certificate")
        html = report._render_qweb_html(report.report_name, self.cases.ids)[0]
        bodies = report._prepare_html(html, report_model=report.model)[0]
        self.assertEqual(len(bodies), 1)
        self.assertEqual(bodies[0].count("mgp-page-break"), len(self.cases) - 1)
