# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import UserError

from .common import AccompanimentCommon


class TestStart(AccompanimentCommon):
    """What a case rests on (seed 000): the ИПСЗ, the registration as a job
    seeker, the basis of the need decision (issue 22)."""

    def test_plan_number_and_kind_on_the_case(self):
        case = self._case(mgp_plan_number="ИПСЗ-12", mgp_plan_kind="change")
        self.assertEqual(
            (case.mgp_plan_number, case.mgp_plan_kind), ("ИПСЗ-12", "change")
        )
        self.assertEqual(case.plan_agreed_date, date(2025, 10, 31))

    def test_job_seeker_data_shown_and_checked_at_the_start(self):
        self.person.write(
            {
                "mgp_jobseeker_status": "unemployed",
                "mgp_jobseeker_date": date(2025, 10, 1),
                "mgp_jobseeker_application": "ЗАЯВ-77",
                "mgp_jobseeker_application_date": date(2025, 9, 30),
            }
        )
        case = self._case()
        self.assertEqual(case.person_jobseeker_status, "unemployed")
        self.assertEqual(case.person_jobseeker_date, date(2025, 10, 1))
        self.assertEqual(case.person_jobseeker_application, "ЗАЯВ-77")
        # a specialist without the need to know sees nothing
        self.assertFalse(
            self.person.with_user(self.specialist_2)._mgp_person_data_allowed()
        )
        # registered after the plan's agreement: refused
        self.person_2.write({"mgp_jobseeker_date": date(2025, 10, 1)})
        with self.assertRaisesRegex(UserError, "registration"):
            self._case(plan_date=date(2025, 9, 15), partner_id=self.person_2.id)
        # removed from the register: refused
        self.person_2.write(
            {"mgp_jobseeker_status": "deregistered", "mgp_jobseeker_date": False}
        )
        with self.assertRaisesRegex(UserError, "removed from the register"):
            self._case(partner_id=self.person_2.id)

    def test_need_decided_by_analogy_with_an_earlier_case(self):
        earlier = self._case(date(2025, 3, 3))
        earlier.action_decide_need(True, date(2025, 3, 3))
        earlier.action_terminate("withdrawn", termination_date=date(2025, 3, 10))
        case = self._case(date(2025, 10, 31))
        self.assertIn(earlier, case.person_case_ids)
        self.assertNotIn(case, case.person_case_ids)
        with self.assertRaises(UserError):  # not the same person
            other = self._case(partner_id=self.person_2.id)
            other.action_decide_need_by_analogy(earlier)
        wizard = (
            self.env["mgp.accompaniment.need.wizard"]
            .with_user(self.specialist)
            .with_context(default_accompaniment_id=case.id)
            .create(
                {
                    "by_analogy": True,
                    "analogy_case_id": earlier.id,
                    "decision": "needed",
                    "decision_date": date(2025, 11, 5),
                }
            )
        )
        wizard.action_confirm()
        self.assertEqual((case.state, case.need), ("assignment", "needed"))
        self.assertEqual(case.need_basis, "analogy")
        self.assertEqual(case.need_analogy_case_id, earlier)
        self.assertIn(earlier.name, case.message_ids[0].body)

    def test_need_basis_of_the_ordinary_paths(self):
        case = self._case()
        case.action_decide_need(True, date(2025, 11, 5))
        self.assertEqual(case.need_basis, "ipra")
        self.assertFalse(case.need_analogy_case_id)
