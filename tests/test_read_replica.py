# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The read paths of the suite run on a read replica.

The test builds a real PostgreSQL streaming replica on this machine: a
primary cluster of its own (``initdb``) holding a copy of the test database,
a standby made from it with ``pg_basebackup -R``, both logging every
statement. It then serves the suite with Odoo's replica routing
(``--db_replica_host`` / ``--db_replica_port``) and reads the portal lists
and pages, the public registry, the printed forms and the back office's
lists as their real users over HTTP: the statements of those requests reach
the replica and none reaches the primary, while a write (a log-in) still
goes to the primary. Both clusters are stopped at the end.
"""

import contextlib
import os
import pathlib
import re
import shutil
import subprocess
import tempfile
import time

import requests

from odoo.tests import tagged
from odoo.tools import config

from odoo.addons.mgp_base.tests.server import ChildServerCase, free_port

ROOT = pathlib.Path(__file__).resolve().parent.parent
# a pooled connection's reset and empty transactions touch no data
CONTROL = re.compile(r"^\s*(|BEGIN\b.*|COMMIT|ROLLBACK|DISCARD ALL)\s*$")
# log_line_prefix "[%d] ": the database of each statement
STATEMENT = re.compile(r"^\[([^\]]*)\] LOG:\s+statement: (.*)")


def _pg_bin():
    """The binaries of the machine's PostgreSQL server (Debian keeps them
    outside PATH, one directory per major version)."""
    found = shutil.which("pg_ctl")
    if found:
        return pathlib.Path(found).resolve().parent
    versions = sorted(
        pathlib.Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"),
        key=lambda path: int(path.parent.parent.name),
    )
    if not versions:
        raise RuntimeError("no PostgreSQL server binaries (pg_ctl) on this machine")
    return versions[-1].parent


class Cluster:
    """A PostgreSQL cluster of the test, run as the ``postgres`` system
    user (PostgreSQL refuses root), logging every statement to its file."""

    def __init__(self, base, name, port):
        self.dir = base / name
        self.port = port
        self.log = base / f"{name}.log"
        self.sockets = base

    def run(self, *args, **kwargs):
        command = [*args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(  # noqa: S603 - the machine's PostgreSQL binaries
            command, check=True, capture_output=True, text=True, **kwargs
        )

    def start(self):
        self.run(
            str(_pg_bin() / "pg_ctl"),
            "-D",
            str(self.dir),
            "-o",
            f"-p {self.port} -k {self.sockets} -c listen_addresses=127.0.0.1 "
            "-c log_statement=all -c log_min_messages=warning "
            "-c log_line_prefix='[%d] '",
            "-l",
            str(self.log),
            "-w",
            "start",
        )

    def stop(self):
        with contextlib.suppress(subprocess.CalledProcessError):
            self.run(
                str(_pg_bin() / "pg_ctl"), "-D", str(self.dir), "-m", "fast", "stop"
            )

    def mark(self):
        return self.log.stat().st_size if self.log.exists() else 0

    def statements(self, since, database):
        """Statements run on ``database`` since the log's offset ``since``
        (not those of Odoo's database selection on ``postgres``)."""
        with self.log.open(encoding="utf-8", errors="replace") as log:
            log.seek(since)
            return [
                m.group(2)
                for m in map(STATEMENT.search, log)
                if m and m.group(1) == database and not CONTROL.match(m.group(2))
            ]


@tagged("post_install", "-at_install")
class TestReadReplica(ChildServerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tmp = pathlib.Path(tempfile.mkdtemp(prefix="mgp-replica-"))
        cls.addClassCleanup(shutil.rmtree, cls.tmp, ignore_errors=True)
        if os.geteuid() == 0:
            shutil.chown(cls.tmp, "postgres", "postgres")
        cls.db = config["db_name"][0] if config["db_name"] else ""
        pg_bin = _pg_bin()
        cls.primary = Cluster(cls.tmp, "primary", free_port())
        cls.replica = Cluster(cls.tmp, "replica", free_port())
        cls.primary.run(
            str(pg_bin / "initdb"), "-D", str(cls.primary.dir), "-A", "trust",
            "-U", "postgres", "--no-sync",
        )  # fmt: skip
        with (cls.primary.dir / "pg_hba.conf").open("a") as hba:
            hba.write("host replication all 127.0.0.1/32 trust\n")
        cls.primary.start()
        cls.addClassCleanup(cls.primary.stop)
        primary = ["-h", "127.0.0.1", "-p", str(cls.primary.port)]
        # Odoo refuses the postgres role: the server's own role
        cls.primary.run(
            str(pg_bin / "createuser"), *primary, "-U", "postgres", "-s", "mgp"
        )
        cls.primary.run(
            str(pg_bin / "createdb"), *primary, "-U", "mgp", "-T", "template0", cls.db
        )
        # a copy of the test database (same name: the same filestore)
        source = [
            "-h",
            config["db_host"] or "127.0.0.1",
            "-p",
            str(config["db_port"] or 5432),
            "-U",
            config["db_user"] or "root",
        ]
        dump = subprocess.Popen(  # noqa: S603 - the machine's PostgreSQL client
            ["pg_dump", *source, "--no-owner", "--no-privileges", "-Fc", cls.db],
            stdout=subprocess.PIPE,
        )
        restore = subprocess.run(  # noqa: S603 - the machine's PostgreSQL client
            ["pg_restore", *primary, "-U", "mgp", "--no-owner", "-d", cls.db],
            stdin=dump.stdout,
            capture_output=True,
            check=False,
        )
        dump.stdout.close()
        if dump.wait() or restore.returncode:
            raise RuntimeError(f"copying {cls.db} failed: {restore.stderr[-2000:]!r}")
        cls.replica.run(
            str(pg_bin / "pg_basebackup"), "-D", str(cls.replica.dir), "-R",
            *primary, "-U", "postgres", "--no-sync", "--checkpoint=fast",
        )  # fmt: skip
        cls.replica.start()
        cls.addClassCleanup(cls.replica.stop)
        in_recovery = cls.replica.run(
            "psql", "-h", "127.0.0.1", "-p", str(cls.replica.port), "-U", "postgres",
            "-Atc", "SELECT pg_is_in_recovery()", "postgres",
        ).stdout.strip()  # fmt: skip
        assert in_recovery == "t", in_recovery
        cls._serve()

    @classmethod
    def _serve(cls):
        port = free_port()
        cls._start_server(
            port,
            [
                f"--addons-path={','.join(config['addons_path'])}",
                f"--data-dir={config['data_dir']}",
                "--db_host=127.0.0.1",
                f"--db_port={cls.primary.port}",
                "--db_user=mgp",
                "--db_replica_host=127.0.0.1",
                f"--db_replica_port={cls.replica.port}",
                f"--database={cls.db}",
                f"--db-filter=^{cls.db}$",
                "--http-interface=127.0.0.1",
                f"--http-port={port}",
                "--max-cron-threads=0",
            ],
            cls.tmp / "odoo.log",
            cwd=ROOT,
        )

    def _read_everywhere(self, session, paths):
        """GET every path twice (the first pass builds what a page caches,
        such as asset bundles) and give the statements of the second pass
        on each cluster."""
        for path in paths:
            session.get(f"{self.base}{path}", timeout=120)
        time.sleep(1)  # what the first pass wrote reaches the replica
        primary, replica = self.primary.mark(), self.replica.mark()
        server_log = self.server_log.stat().st_size
        for path in paths:
            response = session.get(f"{self.base}{path}", timeout=120)
            self.assertEqual(response.status_code, 200, path)
        time.sleep(0.5)  # the clusters' logs are written asynchronously
        with self.server_log.open(encoding="utf-8", errors="replace") as log:
            log.seek(server_log)
            self.assertNotIn(
                "retrying with a read/write cursor",
                log.read(),
                f"a route declared read-only wrote ({', '.join(paths)})",
            )
        return self.primary.statements(primary, self.db), self.replica.statements(
            replica, self.db
        )

    def _assert_on_replica(self, primary, replica, tables):
        self.assertEqual(primary, [], "read paths reached the primary")
        for table in tables:
            self.assertTrue(
                any(f'"{table}"' in statement for statement in replica),
                f"no statement on {table} reached the replica",
            )

    def test_portal_pages_read_on_the_replica(self):
        employer = self._login("employer")
        paths = ["/my/workplace", "/my/workplace/appeal"]
        primary, replica = self._read_everywhere(employer, paths)
        self._assert_on_replica(primary, replica, ["mgp_workplace_plan"])

        ngo = self._login("ngo1")
        primary, replica = self._read_everywhere(
            ngo, ["/my/ngo/cases", "/my/ngo/applications", "/my/complaints"]
        )
        self._assert_on_replica(
            primary, replica, ["mgp_accompaniment", "mgp_ngo_application"]
        )

        citizen = self._login("citizen")
        primary, replica = self._read_everywhere(
            citizen, ["/my/accompaniments", "/my/complaints", "/my/corrections"]
        )
        self._assert_on_replica(primary, replica, ["mgp_accompaniment"])

    def test_public_registry_reads_on_the_replica(self):
        primary, replica = self._read_everywhere(
            requests.Session(), ["/mgp/ngo-registry"]
        )
        self._assert_on_replica(primary, replica, ["res_partner"])

    def test_back_office_lists_read_on_the_replica(self):
        specialist = self._login("specialist1")
        primary_mark, replica_mark = self.primary.mark(), self.replica.mark()
        for model in ("mgp.accompaniment", "mgp.workplace.plan", "res.partner"):
            response = specialist.post(
                f"{self.base}/web/dataset/call_kw/{model}/web_search_read",
                json={
                    "jsonrpc": "2.0",
                    "method": "call",
                    "params": {
                        "model": model,
                        "method": "web_search_read",
                        "args": [],
                        "kwargs": {
                            "domain": [],
                            "specification": {"display_name": {}},
                            "limit": 80,
                        },
                    },
                },
                timeout=120,
            )
            self.assertNotIn("error", response.json(), model)
        time.sleep(0.5)
        self._assert_on_replica(
            self.primary.statements(primary_mark, self.db),
            self.replica.statements(replica_mark, self.db),
            ["mgp_accompaniment", "mgp_workplace_plan"],
        )

    def test_writes_go_to_the_primary(self):
        mark = self.primary.mark()
        self._login("manager")
        time.sleep(0.5)
        self.assertTrue(
            any("res_users" in s for s in self.primary.statements(mark, self.db)),
            "the log-in (a write) did not reach the primary",
        )
