# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""An Odoo server with the job runner, started as a child process for a test
(``queue_job`` loaded server-wide, the ``[queue_job]`` channels of
``CHANNELS``), and helpers to call it as a user."""

import pathlib
import re
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import suppress

import requests

from odoo.tests import BaseCase
from odoo.tools import config


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RunnerServerCase(BaseCase):
    CHANNELS = "root:2"

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
            f"channels = {cls.CHANNELS}\n"
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

    @classmethod
    def _stop_server(cls):
        cls.server.terminate()
        try:
            cls.server.wait(30)
        except subprocess.TimeoutExpired:
            cls.server.kill()
            cls.server.wait()

    def _login(self, login, password=None):
        session = requests.Session()
        page = session.get(f"{self.base}/web/login", timeout=60).text
        token = re.search(r'name="csrf_token"\s+value="([^"]+)"', page).group(1)
        response = session.post(
            f"{self.base}/web/login",
            data={"login": login, "password": password or login, "csrf_token": token},
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
