# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.queue_job.tests.common import trap_jobs

from .common import IMPORT_GROUP, MgpImportCommon, make_snils

HEADER = ["external_id", "name", "snils", "disability_group"]


@tagged("post_install", "-at_install")
class TestResume(MgpImportCommon):
    """A failure mid-way: the batches done stay, the import shows why it
    stopped, and a resume continues from the rows not yet done."""

    def test_failure_and_resume(self):
        rows = [
            [f"R-{index}", f"Продолжаев {index}", make_snils(500000000 + index), "3"]
            for index in range(30)
        ]
        job = self._job("person", HEADER, rows, batch_size=10)
        job.action_check()
        group = self.env.ref(IMPORT_GROUP)
        with trap_jobs() as trap:
            job.action_import()
            trap.perform_enqueued_jobs()
            job.invalidate_recordset()
            self.assertEqual(job.state, "running")
            self.assertEqual((job.rows_done, job.created_count), (10, 10))
            self.assertAlmostEqual(job.progress, 100 / 3, places=2)
            # the right to import is withdrawn while the import runs: the
            # next batch fails, nothing of it is written
            self.importer.write({"group_ids": [(3, group.id)]})
            trap.assert_jobs_count(1)
            trap.perform_enqueued_jobs()
            trap.assert_jobs_count(0)
        with self.assertRaises(AccessError) as refusal:
            self.Job._mgp_check_import_group()
        with self.assertRaises(AccessError):
            job.action_resume()  # not his any more
        stopped = job.sudo()
        stopped.invalidate_recordset()
        self.assertEqual(stopped.state, "failed")
        self.assertEqual(stopped.rows_done, 10)
        self.assertEqual(stopped.failure_message, refusal.exception.args[0])
        self.assertTrue(
            stopped.message_ids.filtered(
                lambda m: (
                    self.importer.partner_id in m.partner_ids
                    and stopped.failure_message in m.body
                )
            )
        )
        self.assertEqual(self.Record.search_count([("job_id", "=", job.id)]), 10)

        # the right is given back: resume continues from row 12
        self.importer.write({"group_ids": [(4, group.id)]})
        self.assertEqual(self._run(job, action="action_resume"), 2)
        self.assertEqual(job.state, "done")
        self.assertEqual((job.rows_done, job.created_count), (30, 30))
        self.assertEqual(self.Record.search_count([("job_id", "=", job.id)]), 30)
        self.assertEqual(
            self.env["res.partner"].search_count([("name", "=like", "Продолжаев %")]),
            30,
        )
        with self.assertRaises(UserError):
            job.action_resume()  # done: nothing to resume

    def test_interrupted_batch_rerun(self):
        """A batch performed twice (a job re-queued after a lost worker)
        writes nothing the second time."""
        rows = [
            [f"Q-{index}", f"Повторов {index}", make_snils(500100000 + index), "1"]
            for index in range(5)
        ]
        job = self._job("person", HEADER, rows, batch_size=5)
        job.action_check()
        self._run(job)
        self.assertEqual(job.created_count, 5)
        job._mgp_run_batch(0)
        self.assertEqual(job.created_count, 5)
        self.assertEqual(self.Record.search_count([("job_id", "=", job.id)]), 5)
