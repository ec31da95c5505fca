# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""I2 counts the procedures of service 2's plans only for those who may read
the plan (the indicator addon does not depend on service 2)."""

from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.mgp_workplace_plan.tests.common import WorkplaceCommon

YEAR_2026 = (date(2026, 1, 1), date(2026, 12, 31))


@tagged("post_install", "-at_install")
class TestIndicatorPlans(WorkplaceCommon):
    def _i2(self, user, indicator="i2_regional"):
        figures = (
            self.env["mgp.indicator"]
            .with_user(user)
            ._mgp_figures(
                indicator, [YEAR_2026], self.company, today=date(2026, 12, 31)
            )
        )
        return figures[0]["numerator"], figures[0]["denominator"]

    def test_plan_procedures_count_for_plan_readers_only(self):
        plan = self._appeal(date(2026, 1, 12))
        plan.with_user(self.manager).user_id = self.specialist
        # the ЕЦП's disability check is a third party's term: in no figure
        self.assertTrue(self._deadline(plan, "s2_disability_check").external)
        self.assertEqual(self._i2(self.manager), (0, 0))
        request = plan.disability_request_id.with_user(self.specialist)
        with freeze_time("2026-02-02"):
            request.action_send(date(2026, 1, 12))
            request.action_register_reply(date(2026, 1, 14), disability_confirmed=True)
        analysis = self._deadline(plan, "s2_analysis_appeal")
        self.assertTrue(analysis)
        # the analysis of the appeal (a regional term) was never done: late,
        # counted for its readers in the regional figure, never in I2
        self.assertEqual(self._i2(self.specialist), (1, 1))
        self.assertEqual(self._i2(self.manager), (1, 1))
        self.assertEqual(self._i2(self.manager, "i2"), (0, 0))
        # the other specialist reads neither the plan nor its procedures
        self.assertFalse(
            self.Plan.with_user(self.specialist_2).search([("id", "=", plan.id)])
        )
        self.assertEqual(self._i2(self.specialist_2), (0, 0))
