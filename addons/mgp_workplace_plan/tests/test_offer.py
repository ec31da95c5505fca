# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import WorkplaceCommon


@tagged("post_install", "-at_install")
class TestOffer(WorkplaceCommon):
    def test_trajectory_1_to_sent_plan_across_holidays(self):
        plan = self._offer(date(2025, 12, 26))
        self.assertEqual(len(plan), 1)
        self.assertEqual(plan.state, "offered")
        self.assertEqual(plan.trajectory, "offer")
        self.assertEqual(plan.employer_id, self.employer)
        self.assertEqual(plan.partner_id, self.person)
        self.assertEqual(plan.offer_received_date, date(2025, 12, 26))
        # the notice is posted in the employer's portal and e-mailed
        self.assertIn(
            self.employer, plan.message_ids.filtered("partner_ids").partner_ids
        )
        notice = plan.message_ids.filtered(lambda m: self.employer in m.partner_ids)
        self.assertIn("в течение 7 рабочих дней", notice.body)
        offer = self._deadline(plan, "s2_offer")
        self.assertEqual((offer.state, offer.date_done), ("done", date(2025, 12, 26)))
        response = self._deadline(plan, "s2_offer_response")
        self.assertTrue(response.external)
        # 29, 30 December; 31 December and 1-11 January are days off
        self.assertEqual(response.date_due, date(2026, 1, 16))

        plan = plan.with_user(self.specialist)
        with freeze_time("2026-02-02"):
            plan.action_accept_offer(date(2026, 1, 12))
            self.assertEqual(plan.state, "analysis")
            self.assertEqual(response.state, "done")
            analysis = self._deadline(plan, "s2_analysis")
            self.assertEqual(analysis.date_due, date(2026, 1, 13))
            # what service 1 knows is shown for the analysis
            self.assertEqual(plan.s1_need, "needed")
            self.assertEqual(plan.s1_activity_ids, self.activities[:3])
            plan.action_start_draft(date(2026, 1, 13))
            self.assertEqual(analysis.state, "done")
            self.assertFalse(analysis.is_late)
            s2_plan = self._deadline(plan, "s2_plan")
            self.assertEqual(s2_plan.date_due, date(2026, 1, 22))
            with self.assertRaises(UserError):
                plan.action_to_discussion()  # no activity yet
            self._add_lines(plan)
            plan.action_to_discussion()
            self.assertEqual(plan.state, "discussion")
            plan.action_send(date(2026, 1, 23))
        self.assertEqual(plan.state, "sent")
        self.assertEqual(s2_plan.state, "done")
        self.assertTrue(s2_plan.is_late)
        sent = plan.message_ids.filtered(lambda m: m.attachment_ids)
        self.assertEqual(sent.partner_ids, self.employer | self.person)
        self.assertTrue(sent.attachment_ids[0].name.endswith(".pdf"))

    def test_indicator_i2_counts_the_centre_procedures_only(self):
        plan = self._offer().with_user(self.specialist)
        with freeze_time("2026-02-02"):
            plan.action_accept_offer(date(2026, 1, 12))
            plan.action_start_draft(date(2026, 1, 14))  # one day late
            self._add_lines(plan)
            plan.action_send(date(2026, 1, 22))
        rows = self.env["mgp.indicator"]._mgp_rows(
            "i2", date(2026, 1, 1), date(2026, 1, 31), self.company, date(2026, 2, 2)
        )
        codes = {d.id: d.code for d in plan.deadline_ids}
        rows = {codes[row["id"]]: row["counted"] for row in rows if row["id"] in codes}
        # the employer's window is a third party's: not counted
        self.assertEqual(rows, {"s2_analysis": True, "s2_plan": False})

    def test_plan_sent_in_time_is_not_late(self):
        plan = self._offer().with_user(self.specialist)
        with freeze_time("2026-02-02"):
            plan.action_accept_offer(date(2026, 1, 12))
            plan.action_start_draft(date(2026, 1, 13))
            self._add_lines(plan)
            plan.action_send(date(2026, 1, 22))
        self.assertFalse(self._deadline(plan, "s2_plan").is_late)
        self.assertFalse(self._deadline(plan, "s2_analysis").is_late)

    def test_declined_offer_closes(self):
        plan = self._offer().with_user(self.specialist)
        with freeze_time("2026-01-05"):
            plan.action_decline_offer(date(2025, 12, 29))
        self.assertEqual(plan.state, "cancelled")
        self.assertEqual(plan.cancel_reason_id.code, "declined")
        self.assertEqual(self._deadline(plan, "s2_offer_response").state, "done")
        with self.assertRaises(UserError):
            plan.action_accept_offer()

    def test_receipt_recorded_by_staff_moves_the_window(self):
        plan = self._offer().with_user(self.specialist)
        with freeze_time("2026-01-20"):
            with self.assertRaises(ValidationError):
                plan.action_set_offer_received(date(2025, 12, 20))
            plan.action_set_offer_received(date(2026, 1, 12))
        self.assertEqual(plan.offer_received_date, date(2026, 1, 12))
        self.assertEqual(
            self._deadline(plan, "s2_offer_response").date_due, date(2026, 1, 21)
        )

    def test_staff_record_a_paper_answer_with_its_date(self):
        plan = self._offer()
        Wizard = self.env["mgp.workplace.offer.wizard"].with_user(self.specialist)
        with freeze_time("2026-01-20"):
            Wizard.create(
                {"plan_id": plan.id, "kind": "receipt", "date": date(2025, 12, 29)}
            ).action_confirm()
            Wizard.create(
                {"plan_id": plan.id, "kind": "accept", "date": date(2026, 1, 14)}
            ).action_confirm()
        self.assertEqual(plan.offer_received_date, date(2025, 12, 29))
        self.assertEqual(
            (plan.state, plan.response_date), ("analysis", date(2026, 1, 14))
        )

    def test_no_offer_without_certificate_or_when_already_ended(self):
        case = self._case(date(2025, 11, 5))
        case.action_decide_need(True, date(2025, 11, 5))
        case.action_terminate("withdrawn", termination_date=date(2025, 11, 6))
        case.action_mark_employed(date(2025, 11, 20), self.employer.id)
        self.assertFalse(case.workplace_plan_ids)

    def test_employment_after_expiry_or_termination_opens_the_offer(self):
        """An employment recorded after the certificate opens trajectory 1
        whatever ended the accompaniment since (issue 22 §4)."""
        expired = self._active_case(date(2025, 11, 5), date(2025, 11, 10))
        self.env["mgp.accompaniment"]._cron_expire(today=date(2026, 6, 1))
        self.assertEqual(expired.state, "expired")
        terminated = self._active_case(
            date(2025, 11, 5), date(2025, 11, 10), partner_id=self.person_2.id
        )
        with freeze_time("2025-12-01"):
            terminated.action_terminate("withdrawn", termination_date=date(2025, 12, 1))
        for case in expired | terminated:
            with freeze_time("2026-06-02"):
                case.with_user(self.specialist).action_mark_employed(
                    date(2026, 6, 2), self.employer.id
                )
            plan = case.workplace_plan_ids
            self.assertEqual(len(plan), 1, case.state)
            self.assertEqual((plan.trajectory, plan.state), ("offer", "offered"))
            self.assertIn(case.state, ("expired", "terminated"))

    def test_action_repeated_acts_once(self):
        plan = self._offer().with_user(self.specialist)
        with freeze_time("2026-01-20"):
            plan.action_accept_offer(date(2026, 1, 12))
            with self.assertRaises(UserError):
                plan.action_accept_offer(date(2026, 1, 12))
        self.assertEqual(
            len(plan.deadline_ids.filtered(lambda d: d.code == "s2_analysis")), 1
        )
