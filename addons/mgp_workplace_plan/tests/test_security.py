# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import WorkplaceCommon


@tagged("post_install", "-at_install")
class TestSecurity(WorkplaceCommon):
    def test_other_centre_invisible(self):
        plan = self._appeal()
        Plan = self.Plan.with_user(self.specialist_other)
        self.assertFalse(Plan.search([("id", "=", plan.id)]))
        with self.assertRaises(AccessError):
            plan.with_user(self.manager_other).read(["name"])

    def test_manager_sees_all_plans_of_the_centre(self):
        plan = self._appeal()
        plan.user_id = self.specialist
        self.assertFalse(
            self.Plan.with_user(self.specialist_2).search([("id", "=", plan.id)])
        )
        self.assertEqual(
            self.Plan.with_user(self.manager).search([("id", "=", plan.id)]), plan
        )

    def test_portal_user_cannot_edit_lines_or_act(self):
        plan = self._appeal()
        with self.assertRaises(AccessError):
            plan.with_user(self.rep).write({"analysis_note": "x"})
        with self.assertRaises(UserError):
            plan.with_user(self.rep).action_set_disability(True)
        with self.assertRaises(AccessError):
            self.env["mgp.workplace.plan.line"].with_user(self.rep).create(
                {"plan_id": plan.id, "activity_id": self.act_route.id}
            )

    def test_client_cannot_create_a_plan_with_a_state(self):
        with self.assertRaises(UserError):
            self.Plan.with_user(self.specialist).create(
                {"employer_id": self.employer.id, "state": "sent"}
            )
