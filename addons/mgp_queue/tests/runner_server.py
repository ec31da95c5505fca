# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""An Odoo server with the job runner, started as a child process for a test
(``queue_job`` loaded server-wide, the ``[queue_job]`` channels of
``CHANNELS``), on the suite's child-server case."""

import pathlib
import tempfile

from odoo.tools import config

from odoo.addons.mgp_base.tests.server import ChildServerCase, free_port


class RunnerServerCase(ChildServerCase):
    CHANNELS = "root:2"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tmp = tempfile.TemporaryDirectory(prefix="mgp-queue-")
        cls.addClassCleanup(cls.tmp.cleanup)
        cls.db = config["db_name"][0] if config["db_name"] else ""
        port = free_port()
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
            f"http_port = {port}\n"
            "max_cron_threads = 0\n"
            "server_wide_modules = base,rpc,web,queue_job\n"
            "\n[queue_job]\n"
            f"channels = {cls.CHANNELS}\n"
        )
        cls.log = pathlib.Path(cls.tmp.name) / "odoo.log"
        cls._start_server(port, ["-c", str(conf)], cls.log)
