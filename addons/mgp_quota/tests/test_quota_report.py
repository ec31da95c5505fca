# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import QuotaCommon


@tagged("post_install", "-at_install")
class TestQuotaReport(QuotaCommon):
    def test_quota_with_the_employer_region(self):
        self._rule(101, 0, 4.0, self.state)
        report = self._report(headcount_avg=200)
        self.assertEqual(report.region_id, self.state)
        self.assertEqual(report.quota, 8)
        self.assertEqual(report.quota_rule_id.state_id, self.state)
        # an employer without address: the centre's region
        report_2 = self._report(
            self.env["res.partner"].create(
                {"name": "ООО «Без адреса»", "is_company": True}
            ),
            headcount_avg=200,
        )
        self.assertEqual(report_2.region_id, self.state)
        self.assertEqual(report_2.quota, 8)
        # an employer of another region: its region's rule (here the country's)
        report_3 = self._report(
            self.env["res.partner"].create(
                {
                    "name": "ООО «Тульское»",
                    "is_company": True,
                    "state_id": self.state_other.id,
                }
            ),
            headcount_avg=200,
        )
        self.assertEqual(report_3.quota, 6)

    def test_quota_recomputed_with_the_headcount(self):
        report = self._report(headcount_avg=120, headcount_excluded=20)
        self.assertEqual(report.quota, 3)  # 3 % of 100
        report.headcount_avg = 35
        self.assertEqual(report.quota, 0)
        self.assertFalse(report.quota_rule_id)

    def test_weights(self):
        report = self._report(headcount_avg=200)  # quota 6
        self._line(report, "1")
        self._line(report, "2")
        self._line(report, "3", way="agreement", organisation_name="ИП Петров")
        self.assertEqual(report.line_ids.mapped("weight"), [2.0, 1.0, 1.0])
        self.assertEqual(report.fulfilled, 4.0)
        self.assertFalse(report.is_fulfilled)
        self.assertEqual(report.shortfall, 2.0)
        self._line(report, "1", way="service_contract")
        self.assertEqual(report.fulfilled, 6.0)
        self.assertTrue(report.is_fulfilled)

    def test_combat_veteran_counts_double_since_20_11_2025(self):
        veteran = self.env.ref("mgp_quota.quota_category_combat_veteran")
        before = self._report(date_from=date(2025, 7, 1))  # ends 30.09.2025
        after = self._report(date_from=date(2026, 1, 1))
        line_before = self._line(before, "3", category_id=veteran.id)
        line_after = self._line(after, "3", category_id=veteran.id)
        self.assertEqual(line_before.weight, 1.0)
        self.assertEqual(line_after.weight, 2.0)

    def test_weight_edited_in_the_catalogue(self):
        group_2 = self.env.ref("mgp_quota.quota_category_group_2")
        report = self._report()
        line = self._line(report, "2")
        self.assertEqual(line.weight, 1.0)
        group_2.with_user(self.admin).weight = 1.5
        self.assertEqual(line.weight, 1.5)
        with self.assertRaises(AccessError):
            group_2.with_user(self.specialist).weight = 3

    def test_states_submit_accept(self):
        report = self._report()
        self._line(report, "1")
        self.assertEqual(report.state, "draft")
        with self.assertRaises(UserError):
            report.with_user(self.specialist_region).action_accept()
        with freeze_time("2026-04-06"):
            report.with_user(self.specialist_region).action_submit()
        self.assertEqual(report.state, "submitted")
        self.assertEqual(report.date_submitted, date(2026, 4, 6))
        with self.assertRaises(UserError):
            report.with_user(self.specialist_region).action_submit()
        with freeze_time("2026-04-07"):
            report.with_user(self.specialist_region).action_accept()
        self.assertEqual(report.state, "accepted")
        self.assertEqual(report.date_accepted, date(2026, 4, 7))

    def test_states_return_and_resubmit(self):
        report = self._report()
        with freeze_time("2026-04-06"):
            report.with_user(self.specialist_region).action_submit()
            with self.assertRaises(UserError):
                report.with_user(self.specialist_region).action_return("  ")
            report.with_user(self.specialist_region).action_return(
                "Не указаны работники"
            )
        self.assertEqual(report.state, "returned")
        self.assertEqual(report.return_reason, "Не указаны работники")
        self.assertIn("Не указаны работники", report.message_ids[0].body)
        # a returned report is corrected, then submitted again
        self._line(report, "2")
        with freeze_time("2026-04-08"):
            report.with_user(self.specialist_region).action_submit()
        self.assertEqual(report.state, "submitted")
        self.assertEqual(report.date_submitted, date(2026, 4, 8))

    def test_submitted_report_frozen(self):
        report = self._report()
        line = self._line(report, "2")
        with freeze_time("2026-04-06"):
            report.with_user(self.specialist_region).action_submit()
        with self.assertRaises(UserError):
            report.with_user(self.specialist_region).headcount_avg = 10
        with self.assertRaises(UserError):
            line.with_user(self.specialist_region).disability_group = "1"
        with self.assertRaises(UserError):
            self._line(report, "1")
        with self.assertRaises(UserError):
            line.with_user(self.specialist_region).unlink()

    def test_protected_fields(self):
        report = self._report()
        for vals in ({"state": "accepted"}, {"quota": 0}, {"fulfilled": 9}):
            with self.assertRaises(UserError):
                report.with_user(self.specialist_region).write(vals)
        with self.assertRaises(UserError):
            self._report(date_from=date(2026, 4, 1), state="accepted")

    def test_hostile_context_defaults_ignored(self):
        hostile = {
            "default_state": "accepted",
            "default_date_accepted": "2026-01-01",
            "default_return_reason": "x",
        }
        Report = self.Report.with_user(self.specialist_region).with_context(**hostile)
        report = Report.create(
            {
                "employer_id": self.employer.id,
                "company_id": self.company_region.id,
                "date_from": date(2026, 1, 1),
                "date_to": date(2026, 3, 31),
                "headcount_avg": 50,
            }
        )
        self.assertEqual(report.state, "draft")
        self.assertFalse(report.date_accepted)
        with freeze_time("2026-04-06"):
            report.with_context(**hostile).action_submit()
            report.with_context(**hostile).action_return("Ошибка")
        self.assertEqual(report.state, "returned")

    def test_exemption_with_ground_and_document(self):
        bankruptcy = self.env.ref("mgp_quota.quota_exemption_bankruptcy")
        report = self._report(headcount_avg=500, exempt=True)
        self.assertEqual(report.quota, 0)
        self.assertTrue(report.is_fulfilled)
        specialist = self.specialist_region
        with freeze_time("2026-04-06"):
            with self.assertRaisesRegex(UserError, "ground"):
                report.with_user(specialist).action_submit()
            report.with_user(specialist).exemption_ground_id = bankruptcy
            with self.assertRaisesRegex(UserError, "document"):
                report.with_user(specialist).action_submit()
            attachment = self.env["ir.attachment"].create(
                {
                    "name": "Определение арбитражного суда.pdf",
                    "datas": base64.b64encode(b"%PDF-1.4"),
                    "res_model": report._name,
                    "res_id": report.id,
                }
            )
            report.with_user(specialist).exemption_attachment_ids = attachment
            report.with_user(specialist).action_submit()
        self.assertEqual(report.state, "submitted")

    def test_headcount_required_to_submit(self):
        report = self._report(headcount_avg=0)
        with self.assertRaises(UserError):
            report.with_user(self.specialist_region).action_submit()
        report.write({"headcount_avg": 50, "headcount_excluded": 60})
        with self.assertRaises(UserError):
            report.with_user(self.specialist_region).action_submit()

    def test_one_report_per_employer_and_period(self):
        self._report()
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.cr.savepoint(),
        ):
            self._report()

    def test_period_dates_checked(self):
        with self.assertRaises(ValidationError):
            self._report(date_to=date(2025, 12, 1))

    def test_isolation_between_centres(self):
        report = self._report()
        other = self.Report.with_user(self.specialist_other)
        self.assertFalse(other.search([("id", "=", report.id)]))
        with self.assertRaises(AccessError):
            report.with_user(self.specialist_other).read(["quota"])
        # a specialist of a centre does not report for another centre
        with self.assertRaises(AccessError):
            other.create(
                {
                    "employer_id": self.employer.id,
                    "company_id": self.company_region.id,
                    "date_from": date(2026, 4, 1),
                    "date_to": date(2026, 6, 30),
                }
            )

    def test_isolation_between_employers_portal(self):
        report = self._report()
        report_2 = self._report(self.employer_2)
        Portal = self.Report.with_user(self.rep)
        self.assertEqual(Portal.search([]), report)
        with self.assertRaises(AccessError):
            report_2.with_user(self.rep).read(["quota"])
        with self.assertRaises(AccessError):
            report.with_user(self.rep).write({"headcount_avg": 5})
        with self.assertRaises(UserError):  # not a specialist
            report.with_user(self.rep).action_submit()
        with self.assertRaises(AccessError):
            report_2.with_user(self.rep)._mgp_portal_submit()

    def test_employer_card_history(self):
        old = self._report(date_from=date(2025, 10, 1), headcount_avg=100)
        new = self._report(date_from=date(2026, 1, 1), headcount_avg=200)
        employer = self.employer.with_user(self.specialist_region)
        self.assertEqual(employer.mgp_quota_report_ids, new | old)
        self.assertEqual(employer.mgp_quota_report_ids[0], new)
        self.assertEqual(employer.mgp_quota_report_count, 2)
        self.assertEqual(employer.mgp_quota_last, 6)
        action = employer.action_mgp_quota_reports()
        self.assertEqual(action["domain"], [("employer_id", "=", self.employer.id)])

    def test_submitted_report_kept(self):
        report = self._report()
        with freeze_time("2026-04-06"):
            report.with_user(self.specialist_region).action_submit()
            report.with_user(self.specialist_region).action_return("Ошибка")
        with self.assertRaises(UserError):
            report.with_user(self.manager).sudo().unlink()
        draft = self._report(date_from=date(2026, 4, 1))
        draft.sudo().unlink()
        self.assertFalse(draft.exists())
