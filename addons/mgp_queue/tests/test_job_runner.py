# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The job runner really runs a print batch.

An Odoo server is started as a child process with ``queue_job`` loaded
server-wide and a ``[queue_job]`` channel configuration, as a region runs it;
the demo manager starts a batch over JSON-RPC, the job runner picks the job
from the database, runs it through the server's ``/queue_job/runjob`` and the
manager downloads the PDF. What the run committed is removed at the end.
"""

import io
import pathlib
import re
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import closing, suppress

import requests

from odoo import sql_db
from odoo.tests import BaseCase, tagged
from odoo.tools import config
from odoo.tools.pdf import PdfFileReader


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@tagged("post_install", "-at_install")
class TestJobRunner(BaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tmp = tempfile.TemporaryDirectory(prefix="mgp-queue-")
        cls.addClassCleanup(cls.tmp.cleanup)
        cls.db = config["db_name"][0] if config["db_name"] else ""
        cls.port = _free_port()
        conf = pathlib.Path(cls.tmp.name) / "odoo.conf"
        conf.write_text(
            "[options]\n"
            f"addons_path = {','.join(config['addons_path'])}\n"
            f"data_dir = {config['data_dir']}\n"
            f"db_host = {config['db_host'] or '127.0.0.1'}\n"
            f"db_port = {config['db_port'] or 5432}\n"
            f"db_user = {config['db_user'] or 'root'}\n"
            f"db_name = {cls.db}\n"
            f"dbfilter = ^{cls.db}$\n"
            "http_interface = 127.0.0.1\n"
            f"http_port = {cls.port}\n"
            "max_cron_threads = 0\n"
            "server_wide_modules = base,rpc,web,queue_job\n"
            "\n[queue_job]\n"
            "channels = root:2,root.mgp.print:1\n"
        )
        cls.log = pathlib.Path(cls.tmp.name) / "odoo.log"
        cls.server = subprocess.Popen(  # noqa: S603 - our own interpreter and config
            [sys.executable, "-m", "odoo", "-c", str(conf), f"--logfile={cls.log}"]
        )
        cls.addClassCleanup(cls._stop_server)
        cls.base = f"http://127.0.0.1:{cls.port}"
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            with suppress(requests.ConnectionError):
                if requests.get(f"{cls.base}/web/login", timeout=30).ok:
                    break
            if cls.server.poll() is not None:
                raise RuntimeError(f"Odoo stopped: {cls.log.read_text()[-4000:]}")
            time.sleep(1)
        else:
            raise RuntimeError("the Odoo server did not answer within 180 s")
        cls.batch_ids = []
        cls.addClassCleanup(cls._remove_committed)

    @classmethod
    def _stop_server(cls):
        cls.server.terminate()
        try:
            cls.server.wait(30)
        except subprocess.TimeoutExpired:
            cls.server.kill()
            cls.server.wait()

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

    def _login(self, login):
        session = requests.Session()
        page = session.get(f"{self.base}/web/login", timeout=60).text
        token = re.search(r'name="csrf_token"\s+value="([^"]+)"', page).group(1)
        response = session.post(
            f"{self.base}/web/login",
            data={"login": login, "password": login, "csrf_token": token},
            timeout=60,
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 303)
        return session

    def _call(self, session, model, method, *args, **kwargs):
        response = session.post(
            f"{self.base}/web/dataset/call_kw/{model}/{method}",
            json={
                "jsonrpc": "2.0",
                "method": "call",
                "params": {
                    "model": model,
                    "method": method,
                    "args": list(args),
                    "kwargs": kwargs,
                },
            },
            timeout=120,
        ).json()
        self.assertNotIn("error", response, response.get("error"))
        return response["result"]

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
