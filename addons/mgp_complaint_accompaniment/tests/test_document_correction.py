# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.mgp_base.tests.common import pdf_text
from odoo.addons.mgp_complaint.tests.common import ComplaintCommon

REPORT = "mgp_reports.action_report_certificate"


class TestCorrectionDeadline(ComplaintCommon):
    def test_request_opens_five_working_days(self):
        case = self._active_case(date(2025, 10, 31), date(2025, 11, 5))
        correction = (
            self.env["mgp.document.correction"]
            .with_user(self.specialist)
            .create(
                {
                    "partner_id": self.person.id,
                    "res_id": case.id,
                    "description": "Опечатка в отчестве.",
                    "new_name": "Тестов Тест Тестовичъ",
                }
            )
        )
        deadline = self._deadline(correction, "document_correction")
        self.assertEqual(deadline.working_days, 5)
        self.assertEqual(deadline.date_start, correction.date_requested)
        with self.assertRaises(UserError):
            correction.with_user(self.specialist).action_apply()
        with self.assertRaises(UserError):
            correction.with_user(self.specialist).write({"state": "applied"})
        with self.assertRaises(UserError):
            case.with_user(self.manager).write(
                {"mgp_correction_date": date(2025, 11, 6)}
            )

    def test_only_issued_certificate(self):
        case = self._case(date(2025, 10, 31))
        with self.assertRaises(ValidationError):
            self.env["mgp.document.correction"].with_user(self.specialist).create(
                {"partner_id": self.person.id, "res_id": case.id, "description": "x"}
            )

    def test_refusal_needs_reason(self):
        case = self._active_case(date(2025, 10, 31), date(2025, 11, 5))
        correction = self.env["mgp.document.correction"].create(
            {"partner_id": self.person.id, "res_id": case.id, "description": "x"}
        )
        with self.assertRaises(UserError):
            correction.with_user(self.manager).action_refuse()
        correction.with_user(self.manager).action_refuse("Опечатки нет.")
        self.assertEqual(correction.state, "refused")
        self.assertEqual(
            self._deadline(correction, "document_correction").state, "done"
        )


@tagged("post_install", "-at_install")
class TestCorrectionApplied(ComplaintCommon):
    def test_upheld_complaint_with_certificate_correction(self):
        case = self._active_case(date(2025, 10, 31), date(2025, 11, 5))
        number = case.certificate_number
        complaint = self._registered(
            date(2025, 11, 10), subject="typo_refused", case=case
        )
        self.assertEqual(complaint.review_term, "short")
        correction = (
            self.env["mgp.document.correction"]
            .with_user(self.specialist)
            .create(
                {
                    "partner_id": self.person.id,
                    "res_id": case.id,
                    "description": "Неверный СНИЛС и отчество.",
                    "new_name": "Тестов Тест Тестович-Новый",
                    "new_snils": "112-233-445 95",
                }
            )
        )
        with self.allow_pdf_render():
            correction.with_user(self.manager).action_apply()
            new_pdf, _type = (
                self.env["ir.actions.report"]
                .with_context(force_report_rendering=True)
                ._render_qweb_pdf(REPORT, case.ids)
            )
        self.assertEqual(correction.state, "applied")
        self.assertEqual(correction.old_name, "Тестов Тест Тестович")
        self.assertEqual(case.certificate_number, number)  # the number is kept
        self.assertEqual(case.mgp_correction_id, correction)
        self.assertTrue(case.mgp_correction_date)
        self.assertEqual(
            self._deadline(correction, "document_correction").state, "done"
        )
        old = correction.superseded_attachment_id
        self.assertEqual(old.res_model, "mgp.accompaniment")
        self.assertEqual(old.res_id, case.id)
        old_text = pdf_text(old.raw)
        self.assertIn("Тестов Тест Тестович", old_text)
        self.assertNotIn("Тестович-Новый", old_text)
        self.assertNotIn("исправлено", old_text)
        new_text = pdf_text(new_pdf)
        self.assertIn("Тестович-Новый", new_text)
        self.assertIn(number, new_text)
        self.assertIn("исправлено", new_text)
        self.assertIn(self.person, correction.message_ids.partner_ids)
        # the manager approved the case's order: another head decides
        complaint.with_user(self.admin).action_decide(
            "upheld",
            "Опечатка подтверждена.",
            remedy="document_corrected",
            remedy_note=f"Исправление {correction.name}.",
            decision_date=date(2025, 11, 12),
        )
        complaint.correction_id = correction
        self.assertEqual(complaint.decision, "upheld")


@tagged("post_install", "-at_install")
class TestOrderCorrection(ComplaintCommon):
    def _pdf(self, xmlid, record):
        with self.allow_pdf_render():
            content, _type = (
                self.env["ir.actions.report"]
                .with_context(force_report_rendering=True)
                ._render_qweb_pdf(xmlid, record.ids)
            )
        return pdf_text(content)

    def test_order_corrected_keeps_number_and_history(self):
        case = self._active_case(date(2025, 10, 31), date(2025, 11, 5))
        number = case.order_number
        self.assertTrue(number)
        with freeze_time("2025-11-06"):
            correction = (
                self.env["mgp.document.correction"]
                .with_user(self.specialist)
                .create(
                    {
                        "partner_id": self.person.id,
                        "res_id": case.id,
                        "document_kind": "order",
                        "description": "Опечатка в фамилии в приказе.",
                        "new_name": "Тестов Тест Тестович-Верный",
                    }
                )
            )
        self.assertEqual(correction.document_name, number)
        self.assertEqual(
            self._deadline(correction, "document_correction").working_days, 5
        )
        with self.allow_pdf_render():
            correction.with_user(self.manager).action_apply(date(2025, 11, 7))
        self.assertEqual(case.order_number, number)
        self.assertEqual(case.mgp_order_correction_date, date(2025, 11, 7))
        self.assertEqual(case.mgp_order_correction_id, correction)
        self.assertFalse(case.mgp_correction_date)  # the certificate is untouched
        old_text = pdf_text(correction.superseded_attachment_id.raw)
        self.assertIn("ПРИКАЗ", old_text)
        self.assertIn("Тестов Тест Тестович", old_text)
        self.assertNotIn("исправлено", old_text)
        new_text = self._pdf("mgp_reports.action_report_order", case)
        self.assertIn("Тестович-Верный", new_text)
        self.assertIn(number, new_text)
        self.assertIn("ПРИКАЗ (исправлено 7 ноября 2025 г.)", new_text)
        # the mark is the engine's: nobody writes it
        with self.assertRaises(UserError):
            case.with_user(self.manager).write(
                {"mgp_order_correction_date": date(2025, 11, 8)}
            )

    def test_order_not_approved_cannot_be_corrected(self):
        case = self._case(date(2025, 10, 31))
        with self.assertRaises(ValidationError):
            self.env["mgp.document.correction"].with_user(self.specialist).create(
                {
                    "partner_id": self.person.id,
                    "res_id": case.id,
                    "document_kind": "order",
                    "description": "x",
                }
            )

    def test_field_not_printed_is_refused(self):
        case = self._active_case(date(2025, 10, 31), date(2025, 11, 5))
        correction = self.env["mgp.document.correction"].create(
            {
                "partner_id": self.person.id,
                "res_id": case.id,
                "document_kind": "certificate",
                "description": "x",
                "new_position": "Оператор",
            }
        )
        with self.assertRaises(UserError):
            correction.with_user(self.manager).action_apply()
        self.assertEqual(correction.state, "requested")
        self.assertFalse(correction.superseded_attachment_id)
