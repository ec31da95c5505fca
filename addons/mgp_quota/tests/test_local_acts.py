# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged

from .common import QuotaCommon

PDF = b"%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< >>\n%%EOF\n"


@tagged("post_install", "-at_install")
class TestQuotaLocalActs(HttpCase, QuotaCommon):
    """Seed 004:162–171: each month, by the 10th of the next one, the
    employer files the certified copies of its local acts on the quota
    workplaces, with what they set for each workplace."""

    def setUp(self):
        super().setUp()
        self.LocalActs = self.env["mgp.quota.local.act.report"]
        with freeze_time("2026-05-04"):
            self.reports = self.LocalActs._cron_open_months()

    def _mine(self, employer=None):
        return self.reports.filtered(
            lambda r: r.employer_id == (employer or self.employer)
        )

    def test_opened_monthly_with_the_deadline_once(self):
        report = self._mine()
        self.assertEqual(len(report), 1)
        self.assertEqual(
            (report.date_from, report.date_to), (date(2026, 4, 1), date(2026, 4, 30))
        )
        self.assertEqual(report.company_id, self.company_region)
        deadline = report._mgp_deadline_get("quota_local_acts")
        self.assertEqual(deadline.date_start, date(2026, 4, 30))
        # the 10th of May 2026 is a Sunday, the 11th the day off moved from
        # the 9th: the term ends on the next working day
        self.assertEqual(deadline.date_due, date(2026, 5, 12))
        self.assertEqual(report.date_due, date(2026, 5, 12))
        with freeze_time("2026-05-20"):
            self.assertFalse(self.LocalActs._cron_open_months())

    def test_submit_needs_the_copies_then_accept(self):
        report = self._mine().with_user(self.specialist_region)
        with self.assertRaisesRegex(UserError, "certified copies"):
            report.action_submit()
        report.no_acts = True
        with freeze_time("2026-05-06"):
            report.action_submit()
            report.action_accept()
        self.assertEqual(report.state, "accepted")
        deadline = report._mgp_deadline_get("quota_local_acts")
        self.assertEqual(
            (deadline.state, deadline.date_done), ("done", date(2026, 5, 6))
        )
        with self.assertRaisesRegex(UserError, "only a returned report"):
            report.write({"position_ids": [(0, 0, {"name": "Кладовщик"})]})

    def test_filed_in_the_portal_over_http(self):
        report = self._mine()
        url = f"/my/quota/local-acts/{report.id}"
        self.authenticate(self.rep.login, self.rep.login + "_pwd1")
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        form = {
            "csrf_token": token,
            "rows": "2",
            "position_0_name": "Оператор call-центра",
            "position_0_staff_units": "0,5",
            "position_0_pay_conditions": "оклад 30 000 руб.",
            "position_0_regime": "35 часов в неделю",
            "position_0_home_work": "1",
            "position_0_extra_breaks": "перерыв 15 минут каждые 2 часа",
            "submit": "1",
        }
        # a position without its name is refused, nothing kept
        with freeze_time("2026-05-06 09:00:00"):
            refused = self.url_open(url, data=dict(form, position_0_name=""))
        self.assertIn("o_mgp_error_summary", refused.text)
        self.assertEqual(report.state, "draft")
        with freeze_time("2026-05-06 09:00:00"):
            done = self.url_open(
                url,
                data=form,
                files={"act_files": ("приказ.pdf", PDF, "application/pdf")},
            )
        self.assertEqual(done.status_code, 200)
        report.invalidate_recordset()
        self.assertEqual(report.state, "submitted")
        self.assertEqual(report.date_submitted, date(2026, 5, 6))
        self.assertEqual(report.attachment_ids.mapped("name"), ["приказ.pdf"])
        self.assertEqual(report.position_ids.name, "Оператор call-центра")
        self.assertEqual(report.position_ids.staff_units, 0.5)
        self.assertTrue(report.position_ids.home_work)
        self.assertIn("Оператор call-центра", self.url_open(url).text)
        # another employer's representative: not found
        self.authenticate(self.rep_2.login, self.rep_2.login + "_pwd1")
        self.assertEqual(self.url_open(url).status_code, 404)
        self.assertNotIn(report.name, self.url_open("/my/quota").text)

    def test_special_workplaces_minimum_of_the_region(self):
        """Seed 004:51, 53: the region sets how many of the quota places at
        least are special workplaces."""
        rule = self._rule(36, 100, 4.0, state=self.state, special_min=2)
        quota = self._report(headcount_avg=80)
        self.assertEqual(quota.quota_rule_id, rule)
        self.assertEqual((quota.quota, quota.special_required), (3, 2))
        self.assertTrue(quota.special_short)
        self.env["mgp.quota.workplace"].create(
            [
                {
                    "name": f"Место {n}",
                    "employer_id": self.employer.id,
                    "company_id": self.company_region.id,
                    "special": True,
                }
                for n in (1, 2)
            ]
        )
        quota.invalidate_recordset()
        self.assertEqual(quota.special_count, 2)
        self.assertFalse(quota.special_short)
        # never more than the quota
        small = self._report(self.employer_2, headcount_avg=40)
        self.assertEqual((small.quota, small.special_required), (1, 1))
