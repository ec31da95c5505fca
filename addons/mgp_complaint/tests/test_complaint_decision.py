# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import UserError, ValidationError

from .common import ComplaintCommon


class TestComplaintDecision(ComplaintCommon):
    def test_head_of_centre_decides(self):
        complaint = self._registered(date(2025, 11, 3))
        with self.assertRaises(UserError):
            complaint.with_user(self.specialist).action_decide(
                "rejected", "Нет оснований.", decision_date=date(2025, 11, 5)
            )
        self.assertEqual(complaint.state, "registered")
        complaint.with_user(self.manager).action_decide(
            "upheld",
            "Срок нарушен.",
            remedy="decision_reviewed",
            remedy_note="Решение принято.",
            decision_date=date(2025, 11, 5),
        )
        self.assertEqual(complaint.state, "decided")
        self.assertEqual(complaint.decision, "upheld")
        self.assertEqual(complaint.decided_by_id, self.manager)

    def test_ministry_complaint_decided_by_regional_admin(self):
        complaint = self._registered(
            date(2025, 11, 3), addressed_to="ministry", channel="ministry"
        )
        with self.assertRaises(UserError):
            complaint.with_user(self.manager).action_decide(
                "rejected", "Нет оснований.", decision_date=date(2025, 11, 5)
            )
        complaint.with_user(self.admin).action_decide(
            "rejected", "Нет оснований.", decision_date=date(2025, 11, 5)
        )
        self.assertEqual(complaint.decided_by_id, self.admin)

    def test_decision_needs_reasons_and_remedy(self):
        complaint = self._registered(date(2025, 11, 3))
        Manager = complaint.with_user(self.manager)
        with self.assertRaises(UserError):
            Manager.action_decide("rejected", "  ", decision_date=date(2025, 11, 5))
        with self.assertRaises(UserError):
            Manager.action_decide("upheld", "Да.", decision_date=date(2025, 11, 5))
        with self.assertRaises(ValidationError):
            Manager.action_decide("rejected", "Нет.", decision_date=date(2025, 11, 1))
        self.assertEqual(complaint.state, "registered")

    def test_decided_once(self):
        complaint = self._registered(date(2025, 11, 3))
        complaint.with_user(self.manager).action_decide(
            "rejected", "Нет.", decision_date=date(2025, 11, 5)
        )
        with self.assertRaises(UserError):
            complaint.with_user(self.manager).action_decide(
                "upheld", "Да.", remedy="other", decision_date=date(2025, 11, 6)
            )

    def test_answer_notifies_complainant(self):
        complaint = self._registered(date(2025, 11, 3))
        complaint.with_user(self.manager).action_decide(
            "rejected", "Срок не нарушен.", decision_date=date(2025, 11, 5)
        )
        # the case's history shows the complaint and its decision
        case = complaint._mgp_concerned_record()
        notes = case.message_ids.filtered(lambda m: complaint.name in (m.body or ""))
        self.assertEqual(len(notes), 2)
        self.assertTrue(all(note.subtype_id.internal for note in notes))
        with self.assertRaises(ValidationError):
            complaint.action_send_answer(date(2025, 11, 4))
        complaint.with_user(self.specialist).action_send_answer(date(2025, 11, 6))
        message = complaint.message_ids.filtered(
            lambda m: m.message_type == "comment" and "Срок не нарушен" in m.body
        )
        self.assertTrue(message)
        self.assertIn(self.person, message.partner_ids)
        # the printed answer goes with the e-mail
        self.assertEqual(len(message.attachment_ids), 1)
        self.assertIn(complaint.name.replace("/", "-"), message.attachment_ids.name)

    def test_decision_wizard(self):
        complaint = self._registered(date(2025, 11, 3))
        action = complaint.with_user(self.manager).action_open_decision_wizard()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.manager)
            .with_context(**action["context"])
            .create(
                {
                    "decision": "upheld",
                    "reasons": "Опечатка подтверждена.",
                    "remedy": "document_corrected",
                    "decision_date": date(2025, 11, 5),
                }
            )
        )
        wizard.action_confirm()
        self.assertEqual(complaint.remedy, "document_corrected")
