# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.mgp_import.tests.common import MgpImportCommon

from ..models.mgp_import_job import COLUMNS

KIND = "quota_report"


def row(**cells):
    return [cells.get(name, "") for name in COLUMNS]


@tagged("post_install", "-at_install")
@freeze_time("2026-05-04")
class TestImportQuotaReports(MgpImportCommon):
    """Issue 23, item 3: the quota reports of the history, with their
    workers: a dry run listing every error in Russian, reports found by their
    period, filed and accepted by their own actions, idempotent."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Rule = cls.env["mgp.quota.rule"]
        Rule.search([]).action_archive()
        for head_from, head_to, percent in ((36, 100, 2.0), (101, 0, 3.0)):
            Rule.create(
                {
                    "date_from": date(2024, 9, 1),
                    "headcount_from": head_from,
                    "headcount_to": head_to,
                    "percent": percent,
                    "period": "quarter",
                    "legal_source": "ст. 38 Закона № 565-ФЗ (тест)",
                }
            )
        cls.known = cls.env["res.partner"].create(
            {"name": "АО «Известное»", "is_company": True, "vat": "4027004560"}
        )

    def _rows(self):
        first = {
            "employer_inn": "4027001231",
            "employer_name": "ООО «Импортное»",
            "date_from": "01.01.2026",
            "headcount_avg": "120",
            "state": "accepted",
            "date_submitted": "06.04.2026",
            "date_accepted": "08.04.2026",
        }
        return [
            row(external_id="Q-1", worker_name="Первый Иван", disability_group="1",
                **first),
            row(external_id="Q-2", worker_name="Вторая Анна", disability_group="II",
                **first),
            row(external_id="Q-3", employer_inn="4027004560", date_from="2026-01-01",
                headcount_avg="80"),
            row(external_id="Q-4", employer_inn="4027004560", date_from="31.02.2026"),
            row(external_id="Q-5", employer_inn="4027004560", date_from="01.01.2026",
                worker_name="Без Группы"),
            row(external_id="Q-6", employer_inn="4027004560", date_from="01.01.2026",
                state="closed"),
            row(external_id="Q-7", employer_inn="4027001231", date_from="01.01.2026",
                headcount_avg="50", headcount_excluded="60"),
        ]  # fmt: skip

    def test_dry_run_lists_the_errors_in_russian(self):
        job = self._job(KIND, list(COLUMNS), self._rows())
        job.action_check()
        self.assertEqual((job.valid_count, job.error_row_count), (3, 4))
        messages = dict(
            zip(
                job.line_ids.mapped("row_number"),
                job.line_ids.mapped("message"),
                strict=True,
            )
        )
        self.assertIn("не дата", messages[5])
        self.assertIn("группу инвалидности", messages[6])
        self.assertIn("closed", messages[7])
        self.assertIn("Состояние", messages[7])
        self.assertIn("вредными", messages[8])
        # nothing is written by the dry run
        self.assertFalse(
            self.env["mgp.quota.report"].search([("channel", "=", "import")])
        )

    def test_import_reports_with_workers_idempotent(self):
        job = self._job(KIND, list(COLUMNS), self._rows(), batch_size=1)
        job.action_check()
        self._run(job)
        self.assertEqual(job.state, "done")
        Report = self.env["mgp.quota.report"]
        reports = Report.search([("channel", "=", "import")])
        self.assertEqual(len(reports), 2, job.line_ids.mapped("message"))
        report = reports.filtered(lambda r: r.employer_id.vat == "4027001231")
        self.assertEqual(report.employer_id.name, "ООО «Импортное»")
        self.assertEqual(report.employer_id.mgp_quota_company_id, self.company)
        self.assertEqual(report.company_id, self.company)
        self.assertEqual(
            (report.date_from, report.date_to), (date(2026, 1, 1), date(2026, 3, 31))
        )
        self.assertEqual(report.state, "accepted")
        self.assertEqual(
            (report.date_submitted, report.date_accepted),
            (date(2026, 4, 6), date(2026, 4, 8)),
        )
        # the two rows are the report's two workers (group I counts twice),
        # the second written by the engine in its own batch
        self.assertEqual(len(report.line_ids), 2)
        self.assertEqual(report.quota, 3)
        self.assertEqual(report.fulfilled, 3.0)
        # the filing deadline closed on the filing date
        deadline = report._mgp_deadline_get("quota_report")
        self.assertEqual(
            (deadline.state, deadline.date_done), ("done", date(2026, 4, 6))
        )
        known = reports - report
        self.assertEqual(
            (known.employer_id, known.state, known.quota), (self.known, "draft", 1)
        )
        # again: every valid row skipped, nothing doubled
        again = self._job(KIND, list(COLUMNS), self._rows())
        again.action_check()
        self.assertEqual(again.skipped_count, 3)
        self._run(again)
        self.assertEqual(again.created_count + again.found_count, 0)
        self.assertEqual(Report.search_count([("channel", "=", "import")]), 2)
        self.assertEqual(len(report.line_ids), 2)

    def test_filed_report_of_the_employer_not_changed(self):
        report = self.env["mgp.quota.report"].create(
            {
                "employer_id": self.known.id,
                "company_id": self.company.id,
                "period": "quarter",
                "date_from": date(2026, 1, 1),
                "date_to": date(2026, 3, 31),
                "headcount_avg": 80,
                "channel": "portal",
            }
        )
        report.action_submit(date(2026, 4, 3))
        rows = [
            row(external_id="P-1", employer_inn="4027004560", date_from="01.01.2026",
                headcount_avg="80", worker_name="Лишний Пётр", disability_group="3"),
            row(external_id="P-2", employer_inn="4027004560", date_from="01.01.2026",
                headcount_avg="90"),
        ]  # fmt: skip
        job = self._job(KIND, list(COLUMNS), rows)
        job.action_check()
        self._run(job)
        self.assertEqual(job.refused_count, 2)
        self.assertFalse(report.line_ids)
        self.assertEqual(report.headcount_avg, 80)
        messages = job.line_ids.filtered(lambda line: line.stage == "import").mapped(
            "message"
        )
        self.assertTrue(any("работодател" in m for m in messages), messages)
        self.assertTrue(any("численност" in m for m in messages), messages)
