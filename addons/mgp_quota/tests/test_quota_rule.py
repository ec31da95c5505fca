# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import QuotaCommon


@tagged("post_install", "-at_install")
class TestQuotaRule(QuotaCommon):
    def quota(self, avg, excluded=0, state=False, on_date=date(2026, 1, 1)):
        return self.Rule._mgp_quota(
            avg, excluded, state.id if state else False, on_date
        )

    def test_threshold_35_36(self):
        # today «более 35»: 35 employees are not subject, 36 are
        self.assertEqual(self.quota(35), 0)
        self.assertEqual(self.quota(36), 1)  # 0.72 rounds to 0, then one place
        self.assertEqual(self.quota(0), 0)

    def test_band_edges_100_101(self):
        self.assertEqual(self.quota(100), 2)  # 2 % of 100
        self.assertEqual(self.quota(101), 3)  # 3 % of 101 = 3.03
        self.assertEqual(self.quota(1000), 30)
        self.assertEqual(self.quota(133), 3)  # 3.99 rounds down (seed 004:41)

    def test_rounding_up(self):
        self._rule(36, 100, 2.0, self.state_bry, rounding="up")
        self._rule(101, 0, 3.0, self.state_bry)
        self.assertEqual(self.quota(60, state=self.state_bry), 2)  # 1.2 up
        self.assertEqual(self.quota(60), 1)  # 1.2 down in the country's rule
        self.assertEqual(self.quota(100, state=self.state_bry), 2)  # exact stays
        self.assertEqual(self.quota(134, state=self.state_bry), 4)  # 4.02 down

    def test_zero_becomes_one(self):
        # seed 004:42 «квота устанавливается равной одному рабочему месту»
        self.assertEqual(self.quota(40), 1)
        self.rule_36.min_one = False
        self.assertEqual(self.quota(40), 0)
        self.assertEqual(self.quota(50), 1)

    def test_excluded_staff_reduce_the_base_not_the_band(self):
        # seed 004:40: staff in harmful or dangerous conditions are not in the base
        self.assertEqual(self.quota(150, 50), 3)  # 3 % of 100, band of 150
        self.assertEqual(self.quota(120, 120), 1)  # base 0: rounds to 0, one place
        self.assertEqual(self.quota(120, 200), 1)  # the base is never negative

    def test_percent_exact_decimal(self):
        self._rule(101, 0, 3.3, self.state_bry)
        self.assertEqual(self.quota(1000, state=self.state_bry), 33)
        self.assertEqual(self.quota(1001, state=self.state_bry), 33)

    def test_rule_replaced_from_a_date(self):
        self._rule(36, 0, 2.0, self.state_bry, date_from=date(2025, 1, 1))
        self._rule(36, 100, 2.0, self.state_bry, date_from=date(2026, 1, 1))
        self._rule(101, 0, 4.0, self.state_bry, date_from=date(2026, 1, 1))
        state = self.state_bry
        # before the region's first rule: the country's
        self.assertEqual(self.quota(200, state=state, on_date=date(2024, 12, 31)), 6)
        self.assertEqual(self.quota(200, state=state, on_date=date(2025, 6, 1)), 4)
        self.assertEqual(self.quota(200, state=state, on_date=date(2025, 12, 31)), 4)
        self.assertEqual(self.quota(200, state=state, on_date=date(2026, 1, 1)), 8)
        # before every rule: nobody is subject
        self.assertEqual(self.quota(200, on_date=date(2024, 8, 31)), 0)

    def test_region_without_its_own_rule(self):
        self._rule(101, 0, 4.0, self.state_bry)
        self.assertEqual(self.quota(200, state=self.state_other), 6)
        self.assertEqual(self.quota(200, state=self.state_bry), 8)

    def test_region_rules_replace_the_country(self):
        # the region's rules replace every band of the country's, also those
        # the region has none for: 50 employees there are not subject
        self._rule(101, 0, 4.0, self.state_bry)
        self.assertEqual(self.quota(50, state=self.state_bry), 0)
        self.assertEqual(self.quota(50), 1)

    def test_archived_rule_not_in_force(self):
        self._rule(101, 0, 4.0, self.state_bry).action_archive()
        self.assertEqual(self.quota(200, state=self.state_bry), 6)

    def test_overlapping_bands_refused(self):
        with self.assertRaises(ValidationError):
            self._rule(90, 200, 3.0)
        with self.assertRaises(ValidationError):
            self._rule(101, 0, 2.0)
        # the same band from another date is a replacement, not an overlap
        self._rule(101, 0, 2.0, date_from=date(2027, 1, 1))

    def test_period_of_the_rules(self):
        self.assertEqual(self.Rule._mgp_period(False, date(2026, 2, 1)), "quarter")
        self._rule(36, 0, 2.0, self.state_bry, period="month")
        self.assertEqual(
            self.Rule._mgp_period(self.state_bry.id, date(2026, 2, 1)), "month"
        )
        self.assertEqual(
            self.Rule._mgp_period_bounds("quarter", date(2026, 5, 17)),
            (date(2026, 4, 1), date(2026, 6, 30)),
        )
        self.assertEqual(
            self.Rule._mgp_period_bounds("month", date(2026, 2, 17)),
            (date(2026, 2, 1), date(2026, 2, 28)),
        )
        self.assertEqual(
            self.Rule._mgp_period_bounds("year", date(2026, 2, 17)),
            (date(2026, 1, 1), date(2026, 12, 31)),
        )

    def test_rules_edited_by_regional_administrators_only(self):
        with self.assertRaises(AccessError):
            self.Rule.with_user(self.manager).create(
                {
                    "date_from": date(2026, 1, 1),
                    "headcount_from": 36,
                    "percent": 2,
                    "legal_source": "x",
                    "state_id": self.state_bry.id,
                }
            )
        rule = self.Rule.with_user(self.admin).create(
            {
                "date_from": date(2026, 1, 1),
                "headcount_from": 36,
                "percent": 2,
                "legal_source": "Закон Брянской области (тест)",
                "state_id": self.state_bry.id,
            }
        )
        self.assertEqual(rule.headcount_to, 0)
