# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The configuration ``scripts/serve.sh`` serves the register with hides the
database manager: an Odoo server started as a child process with the
configuration that ``mgp_server_config`` (scripts/lib.sh) writes answers 404
on ``/web/database/*``, refuses the ``db`` service of ``/jsonrpc`` and
``/xmlrpc`` (list, create with the default master password ``admin``), and
still serves the register itself."""

import json
import os
import pathlib
import stat
import subprocess
import sys
import tempfile
import xmlrpc.client

import requests

from odoo import sql_db
from odoo.tests import tagged
from odoo.tools import config

from odoo.addons.mgp_base.tests.server import ChildServerCase, free_port

ROOT = pathlib.Path(__file__).resolve().parent.parent


@tagged("post_install", "-at_install")
class TestServedConfig(ChildServerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tmp = tempfile.TemporaryDirectory(prefix="mgp-served-")
        cls.addClassCleanup(cls.tmp.cleanup)
        cls.config_dir = pathlib.Path(cls.tmp.name) / "config"
        cls.conf = cls.config_dir / "odoo.conf"
        cls.port = free_port()
        cls.db = config["db_name"][0] if config["db_name"] else ""
        env = dict(
            os.environ, MGP_CONFIG_DIR=str(cls.config_dir), PYTHON=sys.executable
        )
        subprocess.run(
            [
                "bash",
                "-c",
                'source scripts/lib.sh && mgp_server_config "$1" "$2" "$3" 127.0.0.1',
                "mgp_server_config",
                str(cls.conf),
                cls.db,
                str(cls.port),
            ],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
        cls.log = pathlib.Path(cls.tmp.name) / "odoo.log"
        cls._start_server(
            cls.port,
            [
                "-c",
                str(cls.conf),
                f"--data-dir={config['data_dir']}",
                "--max-cron-threads=0",
            ],
            cls.log,
            cwd=ROOT,
            env=env,
        )

    def _jsonrpc(self, url, params):
        response = requests.post(
            f"{self.base}{url}",
            data=json.dumps({"jsonrpc": "2.0", "method": "call", "params": params}),
            headers={"Content-Type": "application/json"},
            timeout=60,
        )
        self.assertEqual(response.status_code, 200)
        return response.json()

    def test_configuration_file(self):
        values = dict(
            line.split(" = ", 1)
            for line in self.conf.read_text().splitlines()
            if " = " in line
        )
        self.assertEqual(values["list_db"], "False")
        self.assertEqual(values["dbfilter"], f"^{self.db}$")
        self.assertIn("mgp_server_guard", values["server_wide_modules"])
        # the master password: generated, kept outside the repository, mode
        # 600, hashed in the configuration, and not the default
        password_file = self.config_dir / "master-password"
        password = password_file.read_text().strip()
        self.assertGreaterEqual(len(password), 24)
        self.assertNotIn(str(ROOT), str(password_file))
        for path in (password_file, self.conf):
            self.assertEqual(stat.S_IMODE(path.stat().st_mode), 0o600, path)
        self.assertTrue(values["admin_passwd"].startswith("$pbkdf2-sha512$"))
        self.assertNotIn(password, self.conf.read_text())
        # generated once: a second configuration keeps the same password
        subprocess.run(
            ["bash", "-c", 'source scripts/lib.sh && mgp_server_config "$1" db 1', "x"]
            + [str(self.config_dir / "again.conf")],
            cwd=ROOT,
            env=dict(os.environ, MGP_CONFIG_DIR=str(self.config_dir)),
            check=True,
            capture_output=True,
        )
        self.assertEqual(password_file.read_text().strip(), password)

    def test_database_manager_not_served(self):
        for path in (
            "/web/database/manager",
            "/web/database/selector",
            "/web/database/manager?db=postgres",
        ):
            response = requests.get(f"{self.base}{path}", timeout=60)
            self.assertEqual(response.status_code, 404, path)
        for path in ("/web/database/backup", "/web/database/drop"):
            response = requests.post(
                f"{self.base}{path}",
                data={"master_pwd": "admin", "name": self.db},
                timeout=60,
            )
            self.assertEqual(response.status_code, 404, path)
        self.assertIn("error", self._jsonrpc("/web/database/list", {}))
        # the register itself is served
        self.assertEqual(
            requests.get(f"{self.base}/web/login", timeout=60).status_code, 200
        )

    def test_db_service_refused(self):
        listing = self._jsonrpc(
            "/jsonrpc", {"service": "db", "method": "list", "args": []}
        )
        self.assertIn("error", listing)
        self.assertNotIn("result", listing)
        created = self._jsonrpc(
            "/jsonrpc",
            {
                "service": "db",
                "method": "create_database",
                "args": ["admin", "mgp_probe_created", False, "en_US", "x"],
            },
        )
        self.assertIn("error", created)
        for method, args in (
            ("dump", ["admin", self.db, "zip"]),
            ("db_exist", [self.db]),
        ):
            answer = self._jsonrpc(
                "/jsonrpc", {"service": "db", "method": method, "args": args}
            )
            self.assertIn("error", answer, method)
        # XML-RPC too
        proxy = xmlrpc.client.ServerProxy(f"{self.base}/xmlrpc/2/db")
        with self.assertRaises(xmlrpc.client.Fault):
            proxy.list()
        with self.assertRaises(xmlrpc.client.Fault):
            proxy.create_database("admin", "mgp_probe_created", False, "en_US", "x")
        # the version check stays open (clients use it)
        version = self._jsonrpc(
            "/jsonrpc", {"service": "db", "method": "server_version", "args": []}
        )
        self.assertTrue(version["result"].startswith("19."))
        with sql_db.db_connect("postgres").cursor() as cr:
            cr.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", ["mgp_probe_created"]
            )
            self.assertFalse(cr.fetchall(), "no database was created")
