# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError

from .common import WorkplaceCommon


@freeze_time("2026-01-14")
class TestOneOpenPlan(WorkplaceCommon):
    """One open plan per worker and employer (issue 17, part 5)."""

    def test_second_open_appeal_refused_naming_the_open_one(self):
        first = self._appeal()
        with self.assertRaises(UserError) as refused:
            self._appeal(date(2026, 1, 13))
        self.assertIn(first.name, str(refused.exception))
        self.assertEqual(
            self.Plan.search_count(
                [
                    ("partner_id", "=", first.partner_id.id),
                    ("employer_id", "=", self.employer.id),
                ]
            ),
            1,
        )

    def test_new_appeal_after_cancellation(self):
        first = self._appeal()
        first.with_user(self.specialist).action_cancel("withdrawn")
        second = self._appeal(date(2026, 1, 13))
        self.assertEqual(second.state, "appealed")
        self.assertNotEqual(first, second)
