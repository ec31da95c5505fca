# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import io
from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged
from odoo.tools.pdf import PdfFileReader

from odoo.addons.mgp_reports.tests.common import MgpReportsCommon
from odoo.addons.queue_job.tests.common import trap_jobs

CERTIFICATE = "mgp_reports.action_report_certificate"


@tagged("post_install", "-at_install")
class TestPrintBatch(MgpReportsCommon):
    """A selection of certificates printed through the job queue."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        people = cls.env["res.partner"].create(
            [
                {
                    "name": f"Сидоров Иван {index}",
                    "company_id": cls.company.id,
                    "mgp_disability_group": "2",
                }
                for index in range(3)
            ]
        )
        cls.cases = cls.env["mgp.accompaniment"]
        for person in people:
            case = cls._create_case(cls.activity_talks, partner_id=person.id)
            case.with_user(cls.specialist).action_decide_need(True, date(2026, 3, 13))
            case.with_user(cls.specialist).action_assign_employee(
                cls.specialist_2, date(2026, 3, 13)
            )
            case.with_user(cls.manager).action_approve_order(date(2026, 3, 13))
            case.with_user(cls.specialist).action_issue_certificate(date(2026, 3, 16))
            cls.cases |= case
        cls.report = cls.env.ref(CERTIFICATE)

    def _enqueue(self, records, user=None):
        context = {"active_model": records._name, "active_ids": records.ids}
        wizard = Form(
            self.env["mgp.print.batch.wizard"]
            .with_user(user or self.specialist)
            .with_context(**context)
        ).save()
        self.assertEqual(wizard.report_id.model, "mgp.accompaniment")
        wizard.report_id = self.report
        action = wizard.action_enqueue()
        return self.env["mgp.print.batch"].browse(action["res_id"])

    def test_enqueued_on_its_channel_then_printed(self):
        with trap_jobs() as trap:
            batch = self._enqueue(self.cases)
            trap.assert_jobs_count(1)
            job = trap.enqueued_jobs[0]
            self.assertEqual(job.channel, "root.mgp.print")
            self.assertEqual(job.priority, 20)
            self.assertEqual(job.identity_key, batch.identity)
            self.assertEqual(batch.state, "queued")
            self.assertEqual(batch.record_count, 3)
            with self.allow_pdf_render():
                trap.perform_enqueued_jobs()
        batch.invalidate_recordset()
        self.assertEqual(batch.state, "done", batch.error)
        self.assertEqual(batch.progress, 100)
        pdf = base64.b64decode(batch.attachment_id.datas)
        reader = PdfFileReader(io.BytesIO(pdf))
        text = " ".join(page.extract_text() for page in reader.pages)
        for case in self.cases:
            self.assertIn(case.partner_id.name.split()[0], text)
        # the user who started it is told, in his inbox
        message = batch.message_ids.filtered(
            lambda m: self.specialist.partner_id in m.partner_ids
        )
        self.assertTrue(message, "the user is not notified")
        self.assertIn("pages", message[0].body)
        # and downloads it from the batch
        action = batch.with_user(self.specialist).action_download()
        self.assertIn(str(batch.attachment_id.id), action["url"])

    def test_never_twice_at_once_on_the_same_records(self):
        with trap_jobs() as trap:
            first = self._enqueue(self.cases[:2])
            with self.assertRaisesRegex(UserError, "already being printed"):
                self._enqueue(self.cases[1:])
            trap.assert_jobs_count(1)
            # other records print at the same time
            self._enqueue(self.cases[2:])
            trap.assert_jobs_count(2)
            with self.allow_pdf_render():
                trap.perform_enqueued_jobs()
        first.invalidate_recordset()
        self.assertEqual(first.state, "done", first.error)
        # once finished, the same records print again
        with trap_jobs() as trap:
            self._enqueue(self.cases[1:])
            trap.assert_jobs_count(1)

    def test_failure_is_recorded_with_its_reason(self):
        with trap_jobs() as trap:
            batch = self._enqueue(self.cases[:1])
            # the record disappears before the job runs
            self.env.cr.execute(
                "UPDATE mgp_print_batch SET res_ids = '[999999999]' WHERE id = %s",
                [batch.id],
            )
            batch.invalidate_recordset()
            trap.perform_enqueued_jobs()
        batch.invalidate_recordset()
        self.assertEqual(batch.state, "failed")
        self.assertIn("no longer exist", batch.error)
        self.assertFalse(batch.attachment_id)

    def test_a_client_sets_nothing_of_the_engine(self):
        Batch = self.env["mgp.print.batch"].with_user(self.specialist)
        with self.assertRaises(UserError):
            Batch.create(
                {
                    "name": "x",
                    "report_id": self.report.id,
                    "res_model": "mgp.accompaniment",
                    "res_ids": self.cases.ids,
                }
            )
        with trap_jobs():
            batch = self._enqueue(self.cases[:1])
        for values in ({"state": "done"}, {"progress": 100}, {"error": "x"}):
            with self.assertRaises(UserError):
                batch.with_user(self.specialist).write(values)
        # another specialist does not see the batch
        self.assertFalse(
            self.env["mgp.print.batch"]
            .with_user(self.specialist_2)
            .search([("id", "=", batch.id)])
        )

    def test_unreadable_records_are_refused(self):
        other = self.env["res.company"].create({"name": "Другой ЦЗН"})
        person = self.env["res.partner"].create(
            {"name": "Чужой", "company_id": other.id, "mgp_disability_group": "2"}
        )
        case = self.env["mgp.accompaniment"].create(
            {
                "partner_id": person.id,
                "company_id": other.id,
                "plan_agreed_date": date(2026, 3, 12),
            }
        )
        with trap_jobs() as trap, self.assertRaises(AccessError):
            self.env["mgp.print.batch"].with_user(self.specialist)._mgp_enqueue(
                self.report, case.with_user(self.specialist)
            )
        self.assertEqual(trap.enqueued_jobs, [])
