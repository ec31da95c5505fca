# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The real job runner imports a file end to end: a server with ``queue_job``
loaded server-wide runs the import's batches on ``root.mgp.import``, each in
its own committed transaction, one enqueuing the next. What the run
committed is removed at the end."""

import time
from contextlib import closing

from odoo import sql_db
from odoo.tests import tagged

from odoo.addons.mgp_queue.tests.runner_server import RunnerServerCase

from .common import csv_file, make_snils

ROWS = 7
BATCH = 3


@tagged("post_install", "-at_install")
class TestImportJobRunner(RunnerServerCase):
    CHANNELS = "root:2,root.mgp.import:1"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.job_ids = []
        cls.addClassCleanup(cls._remove_committed)

    @classmethod
    def _remove_committed(cls):
        if not cls.job_ids:
            return
        with closing(sql_db.db_connect(cls.db).cursor()) as cr:
            ids = tuple(cls.job_ids)
            cr.execute("SELECT res_id FROM mgp_import_record WHERE job_id IN %s", [ids])
            partners = tuple(row[0] for row in cr.fetchall()) or (0,)
            cr.execute("DELETE FROM mgp_import_record WHERE job_id IN %s", [ids])
            cr.execute("DELETE FROM mgp_import_line WHERE job_id IN %s", [ids])
            cr.execute(
                "DELETE FROM mail_message WHERE (model = 'mgp.import.job' AND "
                "res_id IN %s) OR (model = 'res.partner' AND res_id IN %s)",
                [ids, partners],
            )
            cr.execute(
                "DELETE FROM queue_job WHERE model_name = 'mgp.import.job' "
                "AND records::text ~ %s",
                [r"\m(" + "|".join(map(str, ids)) + r")\M"],
            )
            cr.execute("DELETE FROM mgp_api_event WHERE res_model = 'mgp.import.job'")
            cr.execute("DELETE FROM mgp_import_job WHERE id IN %s", [ids])
            cr.execute("DELETE FROM mgp_access_log WHERE partner_id IN %s", [partners])
            cr.execute("DELETE FROM res_partner WHERE id IN %s", [partners])
            # the child server committed these rows
            cr.commit()  # pylint: disable=invalid-commit

    def test_the_runner_imports_a_file_in_batches(self):
        admin = self._login("admin", "admin")
        header = ["external_id", "snils", "name", "disability_group"]
        rows = [
            [f"RUN-{n}", make_snils(430000001 + n), f"Очередев Пётр {n}", "2"]
            for n in range(ROWS)
        ]
        [job_id] = self._call(
            admin,
            "mgp.import.job",
            "create",
            [
                {
                    "kind": "person",
                    "file": csv_file(header, rows).decode(),
                    "file_name": "persons.csv",
                    "batch_size": BATCH,
                }
            ],
        )
        type(self).job_ids.append(job_id)
        self._call(admin, "mgp.import.job", "action_check", [job_id])
        self._call(admin, "mgp.import.job", "action_import", [job_id])
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            job = self._call(
                admin,
                "mgp.import.job",
                "read",
                [job_id],
                ["state", "rows_done", "created_count", "failure_message"],
            )[0]
            if job["state"] in ("done", "failed"):
                break
            time.sleep(1)
        self.assertEqual(
            job["state"], "done", job["failure_message"] or self.log.read_text()
        )
        self.assertEqual((job["rows_done"], job["created_count"]), (ROWS, ROWS))
        with closing(sql_db.db_connect(self.db).cursor()) as cr:
            # one job per batch, each run by the runner on the import channel
            cr.execute(
                "SELECT state, channel FROM queue_job WHERE model_name = "
                "'mgp.import.job' AND records::text ~ %s",
                [rf"\m{job_id}\M"],
            )
            runs = cr.fetchall()
            self.assertEqual(runs, [("done", "root.mgp.import")] * 3)
            cr.execute(
                "SELECT count(*) FROM mgp_import_record WHERE job_id = %s", [job_id]
            )
            self.assertEqual(cr.fetchone()[0], ROWS)
        self.assertIn("queue_job.jobrunner", self.log.read_text())
