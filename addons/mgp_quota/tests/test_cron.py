# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import QuotaCommon


@tagged("post_install", "-at_install")
class TestQuotaCron(QuotaCommon):
    def test_reports_of_the_period_opened_once(self):
        with freeze_time("2026-04-02"):
            created = self.Report._cron_open_periods(date(2026, 4, 2))
            again = self.Report._cron_open_periods(date(2026, 4, 2))
        mine = created.filtered(
            lambda r: r.employer_id in (self.employer | self.employer_2)
        )
        self.assertEqual(mine.employer_id, self.employer | self.employer_2)
        self.assertFalse(again)
        report = mine.filtered(lambda r: r.employer_id == self.employer)
        self.assertEqual(
            (report.date_from, report.date_to), (date(2026, 1, 1), date(2026, 3, 31))
        )
        self.assertEqual(report.company_id, self.company_region)
        self.assertEqual(report.state, "draft")
        deadline = report._mgp_deadline_get("quota_report")
        self.assertEqual(deadline.state, "open")
        self.assertEqual(deadline.date_start, date(2026, 3, 31))
        other = created.filtered(lambda r: r.employer_id == self.employer_other)
        self.assertEqual(other.company_id, self.company_other)

    def test_monthly_region(self):
        self._rule(36, 0, 2.0, self.state, period="month")
        with freeze_time("2026-05-03"):
            created = self.Report._cron_open_periods(date(2026, 5, 3))
        report = created.filtered(lambda r: r.employer_id == self.employer)
        self.assertEqual(report.period, "month")
        self.assertEqual(
            (report.date_from, report.date_to), (date(2026, 4, 1), date(2026, 4, 30))
        )

    def test_existing_report_kept(self):
        existing = self._report(date_from=date(2026, 1, 1))
        with freeze_time("2026-04-02"):
            created = self.Report._cron_open_periods(date(2026, 4, 2))
        self.assertNotIn(self.employer, created.employer_id)
        self.assertEqual(existing.state, "draft")
