# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import UserError

from .common import AccompanimentCommon


class TestNeedDecision(AccompanimentCommon):
    def test_create_opens_need_decision(self):
        # Friday 2025-10-31 -> Saturday 2025-11-01 was a working day
        case = self._case(date(2025, 10, 31))
        self.assertEqual(case.state, "new")
        self.assertEqual(case.need, "pending")
        self.assertTrue(case.name.startswith("СП-"))
        self.assertEqual(case.disability_info_date, date(2025, 10, 31))
        deadline = self._deadline(case, "s1_need_decision")
        self.assertEqual(deadline.state, "open")
        self.assertEqual(deadline.date_due, date(2025, 11, 1))

    def test_numbers_per_centre(self):
        case_1 = self._case()
        case_2 = self._case()
        # a person of the other centre (one of this centre is taken into its
        # cases only through this centre's sharing of his data)
        person_other = self.env["res.partner"].create(
            {
                "name": "Сидоров Сидор Сидорович",
                "company_id": self.company_other.id,
                "mgp_disability_group": "3",
            }
        )
        other = self.Case.with_user(self.specialist_other).create(
            {
                "partner_id": person_other.id,
                "company_id": self.company_other.id,
                "plan_agreed_date": date(2025, 10, 31),
            }
        )
        self.assertNotEqual(case_1.name, case_2.name)
        self.assertTrue(case_1.name.endswith("00001"))
        self.assertTrue(other.name.endswith("00001"))

    def test_needed_own_opinion(self):
        case = self._case(date(2025, 10, 31))
        case.action_decide_need(True, date(2025, 11, 1))
        self.assertEqual(case.state, "assignment")
        self.assertEqual(case.need, "needed")
        self.assertEqual(case.need_decision_date, date(2025, 11, 1))
        decision = self._deadline(case, "s1_need_decision")
        self.assertEqual(decision.state, "done")
        self.assertFalse(decision.is_late)
        # 2025-11-03 (transferred) and 2025-11-04 (holiday) are days off
        assignment = self._deadline(case, "s1_assignment")
        self.assertEqual(assignment.date_due, date(2025, 11, 5))

    def test_new_year_holidays(self):
        case = self._case(date(2025, 12, 29))
        self.assertEqual(
            self._deadline(case, "s1_need_decision").date_due, date(2025, 12, 30)
        )
        case.action_decide_need(True, date(2025, 12, 30))
        # 2025-12-31 and 2026-01-01..11 are days off
        self.assertEqual(
            self._deadline(case, "s1_assignment").date_due, date(2026, 1, 12)
        )

    def test_late_decision_is_late(self):
        case = self._case(date(2025, 10, 31))
        case.action_decide_need(True, date(2025, 11, 5))
        self.assertTrue(self._deadline(case, "s1_need_decision").is_late)

    def test_not_needed_sends_notice(self):
        case = self._case(date(2025, 10, 31))
        case.action_decide_need(False, date(2025, 11, 1))
        self.assertEqual(case.state, "terminated")
        self.assertEqual(case.need, "not_needed")
        self.assertEqual(case.termination_reason_id.code, "no_need")
        self.assertEqual(case.date_closed, date(2025, 11, 1))
        # the notice goes with the decision (seed 000:141, within the next
        # working day): no deadline is left to track it
        self.assertFalse(self._deadline(case, "s1_no_need_notice"))
        self.assertEqual(self._deadline(case, "s1_need_decision").state, "done")
        message = case.message_ids.filtered(
            lambda m: m.subject and "прекращении" in m.subject
        )
        self.assertTrue(message)
        self.assertIn(self.person, message.partner_ids)
        self.assertFalse(case.deadline_ids.filtered(lambda d: d.state == "open"))

    def test_decision_before_plan_refused(self):
        case = self._case(date(2025, 10, 31))
        with self.assertRaises(UserError):
            case.action_decide_need(True, date(2025, 10, 30))
        self.assertEqual(case.state, "new")

    def test_decide_twice_refused(self):
        case = self._case(date(2025, 10, 31))
        case.action_decide_need(True, date(2025, 11, 1))
        with self.assertRaises(UserError):
            case.action_decide_need(False, date(2025, 11, 1))
        with self.assertRaises(UserError):
            case.action_request_mse()

    def test_portal_user_cannot_decide(self):
        case = self._case(date(2025, 10, 31))
        portal = self.env["res.users"].create(
            {
                "name": "Портальный",
                "login": "portal_need",
                "group_ids": [(6, 0, [self.env.ref("base.group_portal").id])],
            }
        )
        with self.assertRaises(UserError):
            case.with_user(portal).action_decide_need(True, date(2025, 11, 1))

    def test_wizard(self):
        case = self._case(date(2025, 10, 31))
        action = case.action_open_need_wizard()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.specialist)
            .with_context(**action["context"])
            .create({"decision": "needed", "decision_date": date(2025, 11, 1)})
        )
        wizard.action_confirm()
        self.assertEqual(case.state, "assignment")
