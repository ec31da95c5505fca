# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""An Odoo server of a test's own, started as a child process of the test
run (the job runner, the served configuration, a read replica's routing),
and the helpers to use it as a real user over HTTP. One copy for the suite's
tests that need a server other than the one the test run serves."""

import re
import socket
import subprocess
import sys
import time
from contextlib import suppress

import requests

from odoo.tests import BaseCase


def free_port():
    """A TCP port of the loopback nobody listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ChildServerCase(BaseCase):
    """A test class that starts ``python -m odoo`` with its own options
    (``_start_server``), waits until it answers, stops it at the end of the
    class, and logs in and calls models on it as a user."""

    SERVER_TIMEOUT = 180

    @classmethod
    def _start_server(cls, port, args, log, **popen):
        """Start Odoo with ``args`` (its log in ``log``) on ``port`` and wait
        until ``/web/login`` answers."""
        cls.port = port
        cls.base = f"http://127.0.0.1:{port}"
        cls.server_log = log
        cls.server = subprocess.Popen(  # noqa: S603 - our own interpreter and options
            [sys.executable, "-m", "odoo", *args, f"--logfile={log}"], **popen
        )
        cls.addClassCleanup(cls._stop_server)
        deadline = time.monotonic() + cls.SERVER_TIMEOUT
        while time.monotonic() < deadline:
            with suppress(requests.ConnectionError):
                if requests.get(f"{cls.base}/web/login", timeout=30).ok:
                    return
            if cls.server.poll() is not None:
                raise RuntimeError(f"Odoo stopped: {log.read_text()[-4000:]}")
            time.sleep(1)
        raise RuntimeError(
            f"the Odoo server did not answer within {cls.SERVER_TIMEOUT} s"
        )

    @classmethod
    def _stop_server(cls):
        cls.server.terminate()
        try:
            cls.server.wait(30)
        except subprocess.TimeoutExpired:
            cls.server.kill()
            cls.server.wait()

    def _login(self, login, password=None):
        """A session of the server logged in as ``login`` (password = login,
        as the demo's and the tests' users)."""
        session = requests.Session()
        page = session.get(f"{self.base}/web/login", timeout=60).text
        token = re.search(r'name="csrf_token"\s+value="([^"]+)"', page).group(1)
        response = session.post(
            f"{self.base}/web/login",
            data={"login": login, "password": password or login, "csrf_token": token},
            timeout=60,
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 303, f"log-in of {login} failed")
        return session

    def _call(self, session, model, method, *args, **kwargs):
        """``model.method(*args, **kwargs)`` over JSON-RPC as the session's
        user; its result (an error fails the test)."""
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
