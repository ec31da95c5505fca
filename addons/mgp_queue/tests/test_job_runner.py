# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The job runner really runs a print batch.

An Odoo server is started as a child process with ``queue_job`` loaded
server-wide and a ``[queue_job]`` channel configuration, as a region runs it;
the demo manager starts a batch over JSON-RPC, the job runner picks the job
from the database, runs it through the server's ``/queue_job/runjob`` and the
manager downloads the PDF. What the run committed is removed at the end.
"""

import io
import time
from contextlib import closing

from odoo import sql_db
from odoo.tests import tagged
from odoo.tools.pdf import PdfFileReader

from .runner_server import RunnerServerCase


@tagged("post_install", "-at_install")
class TestJobRunner(RunnerServerCase):
    CHANNELS = "root:2,root.mgp.print:1"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.batch_ids = []
        cls.addClassCleanup(cls._remove_committed)

    @classmethod
    def _remove_committed(cls):
        if not cls.batch_ids:
            return
        with closing(sql_db.db_connect(cls.db).cursor()) as cr:
            ids = tuple(cls.batch_ids)
            cr.execute(
                "DELETE FROM ir_attachment WHERE res_model = 'mgp.print.batch' "
                "AND res_id IN %s",
                [ids],
            )
            cr.execute(
                "DELETE FROM mail_message WHERE model = 'mgp.print.batch' "
                "AND res_id IN %s",
                [ids],
            )
            cr.execute(
                "DELETE FROM queue_job WHERE model_name = 'mgp.print.batch' "
                "AND records::text ~ %s",
                [r"\m(" + "|".join(map(str, ids)) + r")\M"],
            )
            cr.execute("DELETE FROM mgp_print_batch WHERE id IN %s", [ids])
            # the child server committed these rows
            cr.commit()  # pylint: disable=invalid-commit

    def test_the_runner_prints_a_batch(self):
        manager = self._login("manager")
        cases = self._call(
            manager,
            "mgp.accompaniment",
            "search",
            [("certificate_number", "!=", False)],
            limit=3,
        )
        self.assertGreaterEqual(len(cases), 2, "the demo has issued certificates")
        report = self._call(
            manager,
            "ir.actions.report",
            "search",
            [("report_name", "=", "mgp_reports.report_certificate")],
        )
        wizard = self._call(
            manager,
            "mgp.print.batch.wizard",
            "create",
            [
                {
                    "res_model": "mgp.accompaniment",
                    "res_ids": cases,
                    "report_id": report[0],
                    "priority": "10",
                }
            ],
        )
        action = self._call(manager, "mgp.print.batch.wizard", "action_enqueue", wizard)
        batch_id = action["res_id"]
        type(self).batch_ids.append(batch_id)
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            batch = self._call(
                manager,
                "mgp.print.batch",
                "read",
                [batch_id],
                ["state", "progress", "attachment_id", "error", "job_uuid"],
            )[0]
            if batch["state"] in ("done", "failed"):
                break
            time.sleep(1)
        self.assertEqual(batch["state"], "done", batch["error"] or self.log.read_text())
        self.assertEqual(batch["progress"], 100)
        pdf = manager.get(
            f"{self.base}/web/content/{batch['attachment_id'][0]}?download=true",
            timeout=60,
        )
        self.assertEqual(pdf.status_code, 200)
        self.assertGreaterEqual(len(PdfFileReader(io.BytesIO(pdf.content)).pages), 2)
        # the job ran on its channel, through the runner
        with closing(sql_db.db_connect(self.db).cursor()) as cr:
            cr.execute(
                "SELECT state, channel, priority FROM queue_job WHERE uuid = %s",
                [batch["job_uuid"]],
            )
            self.assertEqual(cr.fetchone(), ("done", "root.mgp.print", 10))
        self.assertIn("queue_job.jobrunner", self.log.read_text())
