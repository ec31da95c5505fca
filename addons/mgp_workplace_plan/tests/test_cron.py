# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.tests import tagged

from .common import WorkplaceCommon


@tagged("post_install", "-at_install")
class TestCloseUnanswered(WorkplaceCommon):
    def test_unanswered_offer_closed_once(self):
        plan = self._offer(date(2025, 12, 26))
        # another worker: one open plan per worker and employer
        answered = self._offer(date(2025, 12, 26), partner_id=self.person_2.id)
        answered.with_user(self.specialist).action_accept_offer(date(2026, 1, 12))
        # the last day of the window: still open
        self.assertFalse(self.Plan._cron_close_unanswered(today=date(2026, 1, 16)))
        self.assertEqual(plan.state, "offered")

        closed = self.Plan._cron_close_unanswered(today=date(2026, 1, 19))
        self.assertEqual(closed, plan)
        self.assertEqual(plan.state, "cancelled")
        self.assertEqual(plan.cancel_reason_id.code, "no_response")
        self.assertEqual(plan.cancel_date, date(2026, 1, 19))
        self.assertEqual(self._deadline(plan, "s2_offer_response").state, "cancelled")
        self.assertEqual(answered.state, "analysis")
        messages = len(plan.message_ids)

        again = self.Plan._cron_close_unanswered(today=date(2026, 1, 19))
        self.assertFalse(again)
        self.assertEqual(len(plan.message_ids), messages)
        self.assertEqual(
            len(plan.deadline_ids.filtered(lambda d: d.code == "s2_offer_response")), 1
        )

    def test_cron_job_runs(self):
        cron = self.env.ref(
            "mgp_workplace_plan.ir_cron_mgp_workplace_plan_close_unanswered"
        )
        self.assertEqual(cron.code, "model._cron_close_unanswered()")
        cron.method_direct_trigger()
