# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""I2 counts the procedures of service 2's plans only for those who may read
the plan (the indicator addon does not depend on service 2)."""

from datetime import date

from odoo.tests import tagged

from odoo.addons.mgp_workplace_plan.tests.common import WorkplaceCommon

YEAR_2026 = (date(2026, 1, 1), date(2026, 12, 31))


@tagged("post_install", "-at_install")
class TestIndicatorPlans(WorkplaceCommon):
    def _i2(self, user):
        figures = (
            self.env["mgp.indicator"]
            .with_user(user)
            ._mgp_figures("i2", [YEAR_2026], self.company, today=date(2026, 12, 31))
        )
        return figures[0]["numerator"], figures[0]["denominator"]

    def test_plan_procedures_count_for_plan_readers_only(self):
        plan = self._appeal(date(2026, 1, 12))
        plan.with_user(self.manager).user_id = self.specialist
        check = self._deadline(plan, "s2_disability_check")
        self.assertTrue(check)
        # the disability check was never done: late, counted for its readers
        self.assertEqual(self._i2(self.specialist), (1, 1))
        self.assertEqual(self._i2(self.manager), (1, 1))
        # the other specialist reads neither the plan nor its procedures
        self.assertFalse(
            self.Plan.with_user(self.specialist_2).search([("id", "=", plan.id)])
        )
        self.assertEqual(self._i2(self.specialist_2), (0, 0))
