# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import UserError, ValidationError

from .common import PDF, MgpEnquiryCommon


class TestEnquiry(MgpEnquiryCommon):
    def test_term_is_15_calendar_days_to_a_working_day(self):
        """Seed 002, 1.3.6: 15 calendar days from the registration; a term
        ending on a day off ends on the next working day."""
        rule = self.env.ref("mgp_enquiry.deadline_rule_enq_answer")
        self.assertEqual(
            (rule.unit, rule.days, rule.standard), ("calendar_days", 15, False)
        )
        self.assertIn("15 календарных дней", rule.legal_source)
        enquiry = self._enquiry()
        self.assertEqual(enquiry.state, "draft")
        self.assertTrue(enquiry.name.startswith("ЗП-"))
        enquiry.with_user(self.specialist).action_register(date(2025, 12, 26))
        deadline = enquiry._mgp_deadline_get("enq_answer")
        # 26.12.2025 + 15 = Saturday 10.01.2026: after the January holidays
        # and the weekend, Monday 12.01.2026
        self.assertFalse(self.Calendar.is_working_day(date(2026, 1, 10)))
        self.assertEqual(
            self.Calendar.add_calendar_days(date(2025, 12, 26), 15), date(2026, 1, 12)
        )
        self.assertEqual(deadline.date_due, date(2026, 1, 12))
        self.assertEqual(enquiry.mgp_next_date_due, date(2026, 1, 12))
        # long past: late, and found by the «Late» filter
        self.assertEqual(enquiry.mgp_sla_status, "late")
        self.assertIn(
            enquiry,
            self.env["mgp.enquiry"].search([("mgp_sla_status", "=", "late")]),
        )

    def test_answer_with_document(self):
        enquiry = self._enquiry()
        enquiry.with_user(self.specialist).action_register(date(2025, 12, 26))
        enquiry.with_user(self.specialist_2).action_answer(
            "Порядок изложен в приложении.",
            date(2026, 1, 12),
            files=[("ответ.pdf", PDF)],
        )
        self.assertEqual(enquiry.state, "answered")
        self.assertEqual(enquiry.date_answer, date(2026, 1, 12))
        self.assertEqual(enquiry.answer_user_id, self.specialist_2)
        self.assertEqual(enquiry.answer_attachment_ids.mapped("name"), ["ответ.pdf"])
        deadline = enquiry._mgp_deadline_get("enq_answer")
        self.assertEqual((deadline.state, deadline.is_late), ("done", False))

    def test_answer_refuses_bad_input(self):
        enquiry = self._enquiry()
        enquiry.action_register(date(2025, 12, 26))
        with self.assertRaises(UserError):
            enquiry.with_user(self.specialist).action_answer("  ")
        with self.assertRaises(ValidationError):
            enquiry.with_user(self.specialist).action_answer(
                "Ответ", date(2025, 12, 20)
            )
        # a web page sent as a PDF is refused by the upload check
        with self.assertRaises(ValidationError):
            enquiry.with_user(self.specialist).action_answer(
                "Ответ", files=[("ответ.pdf", b"<html>hi</html>")]
            )
        self.assertEqual(enquiry.state, "registered")

    def test_phone_answered_at_once(self):
        call = self._enquiry(
            channel="phone",
            date_received=date(2026, 3, 2),
            text="Сообщены часы приёма и адрес центра.",
        )
        self.assertEqual(call.state, "answered")
        self.assertEqual(call.date_registered, date(2026, 3, 2))
        self.assertEqual(call.date_answer, date(2026, 3, 2))
        self.assertEqual(call.answer_user_id, self.specialist)
        self.assertFalse(call.deadline_ids)
        with self.assertRaises(UserError):
            self._enquiry(channel="phone", text=False)

    def test_cancel_with_reason(self):
        enquiry = self._enquiry()
        enquiry.action_register(date(2025, 12, 26))
        with self.assertRaises(UserError):
            enquiry.with_user(self.specialist).action_cancel("")
        enquiry.with_user(self.specialist).action_cancel("Зарегистрирован ошибочно")
        self.assertEqual(enquiry.state, "cancelled")
        self.assertEqual(enquiry.cancel_reason, "Зарегистрирован ошибочно")
        self.assertEqual(enquiry._mgp_deadline_get("enq_answer").state, "cancelled")

    def test_wizard(self):
        enquiry = self._enquiry()
        enquiry.action_register(date(2025, 12, 26))
        action = enquiry.with_user(self.specialist).action_open_answer_wizard()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.specialist)
            .with_context(**action["context"])
            .create({"answer_text": "Ответ дан.", "date_answer": date(2026, 1, 9)})
        )
        wizard.action_confirm()
        self.assertEqual(
            (enquiry.state, enquiry.answer_text), ("answered", "Ответ дан.")
        )


class TestEnquiryTransitions(MgpEnquiryCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._ru()

    def test_wrong_state_refused_in_russian(self):
        enquiry = self._enquiry().with_context(lang="ru_RU")
        with self.assertRaisesRegex(UserError, "Это действие невозможно"):
            enquiry.with_user(self.specialist).action_answer("Ответ")
        enquiry.action_register(date(2025, 12, 26))
        with self.assertRaisesRegex(UserError, "Это действие невозможно"):
            enquiry.with_user(self.specialist).action_register()
        enquiry.action_answer("Ответ", date(2026, 1, 5))
        with self.assertRaisesRegex(UserError, "Это действие невозможно"):
            enquiry.with_user(self.specialist).action_cancel("Поздно")
        # the state is checked first; the reason in a state that allows it
        draft = self._enquiry().with_context(lang="ru_RU")
        with self.assertRaisesRegex(UserError, "Укажите причину"):
            draft.with_user(self.specialist).action_cancel("")
        self.assertEqual(draft.state, "draft")
