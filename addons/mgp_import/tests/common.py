# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import csv
import io

from odoo.tests.common import new_test_user

from odoo.addons.mgp_base.models.res_partner import snils_checksum
from odoo.addons.mgp_base.tests.common import MgpCommon
from odoo.addons.queue_job.tests.common import trap_jobs

IMPORT_GROUP = "mgp_import.mgp_import_group_admin"


def make_snils(number):
    """A valid СНИЛС from nine digits (above 001-001-998)."""
    digits = f"{number:09d}"
    return f"{digits[:3]}-{digits[3:6]}-{digits[6:]} {snils_checksum(digits):02d}"


def csv_file(header, rows):
    """The base64 content of a CSV file (``;``, UTF-8) of ``rows``."""
    stream = io.StringIO()
    writer = csv.writer(stream, delimiter=";")
    writer.writerow(header)
    writer.writerows(rows)
    return base64.b64encode(stream.getvalue().encode())


class MgpImportCommon(MgpCommon):
    """An import administrator of ``company`` (Russian interface) and helpers
    that run an import's batches as the job runner would, one after the
    other."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("ru_RU")
        cls.importer = new_test_user(
            cls.env,
            login="mgp_importer",
            groups=IMPORT_GROUP,
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
            email="mgp_importer@example.ru",
            name="Mgp Importer",
            lang="ru_RU",
        )
        # as in his browser: the user's language in the context
        cls.Job = (
            cls.env["mgp.import.job"].with_user(cls.importer).with_context(lang="ru_RU")
        )
        cls.Record = cls.env["mgp.import.record"]

    def _job(self, kind, header, rows, batch_size=500, user=None):
        Job = self.Job.with_user(user) if user else self.Job
        return Job.create(
            {
                "kind": kind,
                "file": csv_file(header, rows),
                "file_name": f"{kind}.csv",
                "batch_size": batch_size,
            }
        )

    def _run(self, job, action="action_import", batches=None):
        """Call ``action`` then perform the enqueued batches (all, or the
        first ``batches``); return the batches performed."""
        performed = 0
        with trap_jobs() as trap:
            getattr(job, action)()
            while trap.enqueued_jobs and (batches is None or performed < batches):
                trap.assert_jobs_count(1)
                self.assertEqual(trap.enqueued_jobs[0].channel, "root.mgp.import")
                trap.perform_enqueued_jobs()
                performed += 1
        job.invalidate_recordset()
        return performed
