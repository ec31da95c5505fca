# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import AccessError, UserError

from .common import MgpEnquiryCommon


class TestEnquirySecurity(MgpEnquiryCommon):
    def test_protected_fields_refused_to_a_client(self):
        enquiry = self._enquiry()
        for vals in (
            {"state": "answered"},
            {"date_registered": "2025-12-01"},
            {"answer_text": "Подменённый ответ"},
            {"answer_user_id": self.manager.id},
            {"cancel_reason": "…"},
            {"name": "ЗП-0000"},
        ):
            for user in (self.specialist, self.manager):
                with self.assertRaises(UserError, msg=vals):
                    enquiry.with_user(user).write(vals)
        with self.assertRaises(UserError):
            enquiry.with_user(self.specialist).write({"channel": "phone"})
        with self.assertRaises(UserError):
            self._enquiry(state="answered")
        self.assertEqual(enquiry.state, "draft")

    def test_hostile_context_does_not_reach_the_record(self):
        Enquiry = self.env["mgp.enquiry"].with_context(
            default_state="answered",
            default_answer_text="Подменённый ответ",
            default_date_registered="2020-01-01",
        )
        enquiry = Enquiry.with_user(self.specialist).create(
            {
                "partner_id": self.applicant.id,
                "subject": "Вопрос",
                "date_received": date(2026, 2, 2),
            }
        )
        self.assertEqual(enquiry.state, "draft")
        self.assertFalse(enquiry.answer_text)
        self.assertFalse(enquiry.date_registered)
        enquiry.with_user(self.specialist).with_context(
            default_state="cancelled"
        ).action_register(date(2026, 2, 2))
        self.assertEqual(enquiry.state, "registered")

    def test_other_centre_sees_nothing(self):
        enquiry = self._enquiry()
        Enquiry = self.env["mgp.enquiry"].with_user(self.specialist_other)
        self.assertFalse(Enquiry.search([("id", "=", enquiry.id)]))
        with self.assertRaises(AccessError):
            enquiry.with_user(self.specialist_other).read(["subject"])
        with self.assertRaises(AccessError):
            enquiry.with_user(self.specialist_other).action_register()

    def test_specialist_cannot_delete(self):
        enquiry = self._enquiry()
        with self.assertRaises(AccessError):
            enquiry.with_user(self.specialist).unlink()
