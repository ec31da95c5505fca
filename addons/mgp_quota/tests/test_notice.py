# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io
import zipfile
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.mgp_base.tests.common import pdf_text

from .common import QuotaCommon


@tagged("post_install", "-at_install")
class TestQuotaNotice(QuotaCommon):
    """Seed 004:57: employers that did not report, reported late or did not
    fulfil the quota are listed and the regional authority is informed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.authority = cls.env["res.partner"].create(
            {
                "name": "Министерство труда и занятости Калужской области",
                "is_company": True,
            }
        )
        cls.employer_3 = cls.env["res.partner"].create(
            {
                "name": "ООО «Исполнительное»",
                "is_company": True,
                "state_id": cls.state.id,
            }
        )

    def setUp(self):
        super().setUp()
        specialist = self.specialist_region
        with freeze_time("2026-04-01"):
            # not filed at all
            self.silent = self._report(headcount_avg=120)
            # filed on time, the quota not fulfilled
            self.unfulfilled = self._report(self.employer_2, headcount_avg=200)
            self._line(self.unfulfilled, "2")
            # filed on time and fulfilled
            self.good = self._report(self.employer_3, headcount_avg=100)
            self._line(self.good, "1")
        with freeze_time("2026-04-06"):
            (self.unfulfilled | self.good).with_user(specialist).action_submit()
            (self.unfulfilled | self.good).with_user(specialist).action_accept()
        with freeze_time("2026-05-04"):
            self.env["mgp.deadline"]._refresh_sla(notify=False)

    def test_filing_deadline_opened_and_closed(self):
        deadline = self.good._mgp_deadline_get("quota_report")
        self.assertEqual(deadline.date_start, date(2026, 3, 31))
        # seed 004:162 «не позднее 10 числа месяца, следующего за отчетным»
        self.assertEqual(deadline.date_due, date(2026, 4, 10))
        self.assertEqual(deadline.state, "done")
        self.assertEqual(deadline.date_done, date(2026, 4, 6))
        self.assertFalse(self.good.filing_late)
        silent = self.silent._mgp_deadline_get("quota_report")
        self.assertEqual(silent.state, "open")
        self.assertTrue(self.silent.filing_late)
        self.assertEqual(self.silent.date_due, silent.date_due)

    def test_overdue_and_unfulfilled_list(self):
        listed = self.Report.with_user(self.specialist_region).search(
            [("to_notify", "=", True)]
        )
        self.assertEqual(listed, self.silent | self.unfulfilled)
        late = self.Report.with_user(self.specialist_region).search(
            [("filing_late", "=", True)]
        )
        self.assertEqual(late, self.silent)
        self.assertEqual(
            self.Report.search([("filing_late", "=", False)])
            & (self.good | self.silent),
            self.good,
        )
        # the other centre sees none of them
        self.assertFalse(
            self.Report.with_user(self.specialist_other).search(
                [("to_notify", "=", True)]
            )
        )

    def _notice(self):
        with freeze_time("2026-05-04"):
            notice = (
                self.env["mgp.quota.notice"]
                .with_user(self.specialist_region)
                .create(
                    {
                        "company_id": self.company_region.id,
                        "authority_id": self.authority.id,
                        "date_from": date(2026, 1, 1),
                        "date_to": date(2026, 3, 31),
                    }
                )
            )
            notice.action_collect()
        return notice

    def test_notice_lists_and_is_kept(self):
        notice = self._notice()
        self.assertTrue(notice.name.startswith("УВ-КВ-"))
        self.assertEqual(notice.report_ids, self.silent | self.unfulfilled)
        reasons = {row["employer"]: row["reason"] for row in notice._mgp_rows()}
        self.assertEqual(reasons[self.employer.name], "сведения не представлены")
        self.assertEqual(
            reasons[self.employer_2.name],
            "квота не выполнена: установлено 6, выполнено 1",
        )
        with freeze_time("2026-05-05"):
            notice.action_send()
        self.assertEqual(notice.state, "sent")
        self.assertEqual(notice.date_sent, date(2026, 5, 5))
        with self.assertRaises(UserError):
            notice.action_collect()
        with self.assertRaises(UserError):
            notice.sudo().unlink()
        with self.assertRaises(UserError):
            notice.write({"state": "draft"})

    def test_notice_xlsx(self):
        notice = self._notice()
        action = notice.action_export_xlsx()
        attachment = self.env["ir.attachment"].browse(
            int(action["url"].split("/")[-1].split("?")[0])
        )
        self.assertTrue(attachment.name.endswith(".xlsx"))
        with zipfile.ZipFile(io.BytesIO(attachment.raw)) as book:
            strings = book.read("xl/sharedStrings.xml").decode()
        self.assertIn(self.employer.name, strings)
        self.assertIn(self.employer_2.name, strings)
        self.assertNotIn(self.employer_3.name, strings)
        self.assertIn("Работодатель", strings)
        self.assertIn("квота не выполнена", strings)

    def test_notice_pdf_in_russian(self):
        notice = self._notice()
        report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        with self.allow_pdf_render():
            pdf, report_format = report._render_qweb_pdf(
                "mgp_quota.action_report_quota_notice", notice.ids
            )
        self.assertEqual(report_format, "pdf")
        text = pdf_text(pdf)
        self.assertIn("Уведомление о работодателях", text)
        self.assertIn(self.authority.name, text)
        self.assertIn("Квотник", text)
        self.assertIn("Второй работодатель", text)
        self.assertNotIn("Исполнительное", text)
        self.assertIn("сведения не представлены", text)
        self.assertIn(notice.name, text)

    def test_local_acts_late_in_the_list_and_the_notice(self):
        """Seed 004:162: the month's copies of the local acts not filed by
        the 10th of the next month are listed, and notified with the
        reports."""
        LocalActs = self.env["mgp.quota.local.act.report"].with_user(
            self.specialist_region
        )
        with freeze_time("2026-02-01"):
            late = LocalActs.create(
                {
                    "employer_id": self.employer_3.id,
                    "company_id": self.company_region.id,
                    "date_from": date(2026, 1, 1),
                }
            )
            on_time = LocalActs.create(
                {
                    "employer_id": self.employer_2.id,
                    "company_id": self.company_region.id,
                    "date_from": date(2026, 1, 1),
                    "no_acts": True,
                }
            )
        with freeze_time("2026-02-09"):
            on_time.action_submit()
        with freeze_time("2026-05-04"):
            self.env["mgp.deadline"]._refresh_sla(notify=False)
        self.assertEqual(LocalActs.search([("filing_late", "=", True)]), late)
        self.assertEqual(
            LocalActs.search([("filing_late", "=", False)]) & (late | on_time),
            on_time,
        )
        action = self.env.ref("mgp_quota.mgp_quota_local_act_report_action_late")
        self.assertIn("search_default_filter_late", action.context)
        notice = self._notice()
        self.assertEqual(notice.local_act_report_ids, late)
        self.assertEqual(notice.report_count, 3)
        rows = [row for row in notice._mgp_rows() if row["quota"] is None]
        self.assertEqual(len(rows), 1)
        self.assertEqual(rows[0]["employer"], self.employer_3.name)
        self.assertEqual(
            rows[0]["reason"], "копии локальных нормативных актов не представлены"
        )
        self.assertEqual(rows[0]["due"], "10.02.2026")
        action = notice.action_export_xlsx()
        attachment = self.env["ir.attachment"].browse(
            int(action["url"].split("/")[-1].split("?")[0])
        )
        with zipfile.ZipFile(io.BytesIO(attachment.raw)) as book:
            strings = book.read("xl/sharedStrings.xml").decode()
        self.assertIn(self.employer_3.name, strings)
        self.assertIn("копии локальных нормативных актов не представлены", strings)
        report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        with self.allow_pdf_render():
            pdf, __ = report._render_qweb_pdf(
                "mgp_quota.action_report_quota_notice", notice.ids
            )
        text = pdf_text(pdf)
        self.assertIn("Исполнительное", text)
        self.assertIn("копии локальных нормативных актов не представлены", text)
        self.assertIn("Всего работодателей: 3 (три)", text)
        # a notice of local acts only is sent too
        with freeze_time("2026-05-05"):
            notice.write({"report_ids": [(5, 0, 0)]})
            notice.action_send()
        self.assertEqual(notice.state, "sent")

    def test_figures(self):
        with freeze_time("2026-05-04"):
            wizard = (
                self.env["mgp.quota.figures.wizard"]
                .with_user(self.specialist_region)
                .create(
                    {
                        "date_from": date(2026, 1, 1),
                        "date_to": date(2026, 3, 31),
                        "company_ids": [(6, 0, self.company_region.ids)],
                    }
                )
            )
        self.assertEqual(wizard.employer_count, 3)
        self.assertEqual(wizard.quota_total, 3 + 6 + 2)
        self.assertEqual(wizard.fulfilled_total, 1 + 2)
        self.assertEqual(wizard.late_count, 1)
        self.assertEqual(wizard.unfulfilled_count, 1)
        self.assertEqual(wizard.local_act_late_count, 0)
        action = wizard.action_open_late()
        self.assertEqual(
            self.Report.search(action["domain"]), self.silent | self.unfulfilled
        )
        self.assertEqual(wizard.action_export_xlsx()["type"], "ir.actions.act_url")
