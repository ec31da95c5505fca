# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.addons.mgp_base.tests.common import MgpCommon, pdf_text
from odoo.addons.mgp_base.tests.common_consent import give_consent
from odoo.addons.mgp_base.tests.common_documents import provide_documents


class MgpReportsCommon(MgpCommon):
    """Cases built through the public API of ``mgp.accompaniment``, and a
    helper that renders a report to a real PDF and returns its text."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.specialist.write({"function": "Ведущий инспектор"})
        give_consent(cls.person)
        cls.specialist_2.write({"function": "Инспектор", "phone": "+7 4842 12-34-56"})
        cls.activity_talks = cls.env.ref("mgp_base.activity_employment_01")
        cls.activity_route = cls.env.ref("mgp_base.activity_employment_04")
        cls.activity_interpreter = cls.env.ref("mgp_base.activity_employment_06")
        cls.person.write({"name": "Иванова Мария Петровна"})

    @classmethod
    def _create_case(cls, activities, **vals):
        values = {
            "partner_id": cls.person.id,
            "company_id": cls.company.id,
            "user_id": cls.specialist.id,
            "plan_agreed_date": date(2026, 3, 12),
            "personal_file_number": "ЛД-2026-0042",
            "personal_file_date": date(2026, 3, 10),
            "line_ids": [
                (0, 0, {"activity_id": activity.id, "sequence": index})
                for index, activity in enumerate(activities, start=1)
            ],
        }
        values.update(vals)
        case = cls.env["mgp.accompaniment"].with_user(cls.specialist).create(values)
        provide_documents(case, user=cls.specialist, day=values["plan_agreed_date"])
        return case

    @classmethod
    def _create_ngo(cls, activities, **vals):
        values = {
            "name": "АНО «Опора»",
            "is_company": True,
            "email": "opora@example.ru",
            "phone": "+7 4842 55-66-77",
            "mgp_ngo_state": "included",
            "mgp_ngo_activity_ids": [(6, 0, activities.ids)],
        }
        values.update(vals)
        return cls.env["res.partner"].create(values)

    def _render_pdf_text(self, report_ref, records):
        """Render ``records`` with ``report_ref`` through wkhtmltopdf and
        return the text of the PDF (read with Odoo's PDF library), whitespace
        collapsed so that wrapped lines still match."""
        report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        with self.allow_pdf_render():
            pdf, report_format = report._render_qweb_pdf(report_ref, records.ids)
        self.assertEqual(report_format, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF-"), "wkhtmltopdf did not return a PDF")
        return pdf_text(pdf)
