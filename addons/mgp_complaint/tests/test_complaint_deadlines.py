# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import ValidationError

from odoo.addons.mgp_complaint.models.mgp_complaint import SHORT_SUBJECTS, SUBJECTS

from .common import ComplaintCommon

# Friday before the New Year holidays: 2025-12-31 and 2026-01-01..09 are
# days off (production calendar), so the terms jump over them.
REGISTERED = date(2025, 12, 26)
DUE_SHORT = date(2026, 1, 14)  # 29, 30 Dec; 12, 13, 14 Jan
DUE_STANDARD = date(2026, 1, 28)  # + 19..23, 26, 27, 28 Jan


class TestComplaintDeadlines(ComplaintCommon):
    def test_every_subject_has_its_term(self):
        for subject, _label in SUBJECTS:
            with self.subTest(subject=subject):
                complaint = self._registered(REGISTERED, subject=subject)
                short = subject in SHORT_SUBJECTS
                code = "complaint_review_short" if short else "complaint_review"
                deadline = self._deadline(complaint, code)
                self.assertEqual(len(deadline), 1)
                self.assertEqual(deadline.date_start, REGISTERED)
                self.assertEqual(
                    deadline.date_due, DUE_SHORT if short else DUE_STANDARD
                )
                self.assertEqual(
                    complaint.review_term, "short" if short else "standard"
                )
                self.assertEqual(complaint.state, "registered")
                self.assertEqual(complaint.date_registered, REGISTERED)
                self.assertTrue(complaint.name.startswith("Ж-"))

    def test_terms_are_rules(self):
        self.env.ref("mgp_complaint.deadline_rule_complaint_review").days = 30
        complaint = self._registered(date(2025, 11, 3))
        self.assertEqual(self._deadline(complaint, "complaint_review").working_days, 30)

    def test_answer_due_next_working_day(self):
        complaint = self._registered(date(2025, 12, 1))
        # decided on the last working day of the year: the answer is due
        # the first working day after the holidays
        complaint.with_user(self.manager).action_decide(
            "rejected", "Нарушений не установлено.", decision_date=date(2025, 12, 30)
        )
        review = self._deadline(complaint, "complaint_review")
        self.assertEqual(review.state, "done")
        self.assertEqual(review.date_done, date(2025, 12, 30))
        answer = self._deadline(complaint, "complaint_answer")
        self.assertEqual(answer.date_due, date(2026, 1, 12))
        complaint.action_send_answer(date(2026, 1, 12))
        self.assertEqual(answer.state, "done")
        self.assertFalse(answer.is_late)
        self.assertEqual(complaint.state, "answered")

    def test_late_review_in_head_view(self):
        complaint = self._registered(date(2025, 10, 1))
        late = self.Complaint.with_user(self.manager).search(
            [("mgp_sla_status", "=", "late")]
        )
        self.assertIn(complaint, late)
        deadlines = self.env["mgp.deadline"].search(
            [("res_model", "=", "mgp.complaint"), ("res_id", "=", complaint.id)]
        )
        self.assertEqual(deadlines.mapped("state"), ["open"])
        self.assertTrue(deadlines.is_late)

    def test_numbers_per_centre(self):
        first = self._registered(date(2025, 11, 3))
        second = self._registered(date(2025, 11, 3))
        self.assertNotEqual(first.name, second.name)
        self.assertEqual(int(second.name[-4:]), int(first.name[-4:]) + 1)

    def test_registration_date_checked(self):
        complaint = self._complaint()
        with self.assertRaises(ValidationError):
            complaint.action_register(date(2999, 1, 1))
        self.assertEqual(complaint.state, "draft")
        self.assertFalse(complaint.deadline_ids)
