# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import IMPORT_GROUP, MgpImportCommon, csv_file, make_snils

HEADER = ["external_id", "name", "snils", "disability_group"]


@tagged("post_install", "-at_install")
class TestImportAccess(MgpImportCommon):
    """Only an import administrator imports, and only for his centres."""

    def test_refused_without_the_group(self):
        for user in (self.specialist, self.manager, self.admin):
            with self.assertRaises(AccessError, msg=user.login):
                self.env["mgp.import.job"].with_user(user).create(
                    {
                        "kind": "person",
                        "file": csv_file(HEADER, [["X-1", "Отказов", "", "1"]]),
                        "file_name": "x.csv",
                    }
                )
        job = self._job(
            "person", HEADER, [["X-1", "Отказов", make_snils(600000001), "1"]]
        )
        for user in (self.specialist, self.manager):
            with self.assertRaises(AccessError, msg=user.login):
                job.with_user(user).action_check()
            with self.assertRaises(AccessError, msg=user.login):
                job.with_user(user).action_import()
        self.assertEqual(job.state, "draft")

    def test_protected_state_and_counts(self):
        """The import's state and counts are its own: a client cannot set
        them, not even the import administrator."""
        job = self._job(
            "person", HEADER, [["X-2", "Защитов", make_snils(600000002), "1"]]
        )
        with self.assertRaises(Exception):  # noqa: B017 - UserError of the guard
            job.write({"state": "done"})
        with self.assertRaises(Exception):  # noqa: B017
            job.write({"created_count": 5})
        self.assertEqual((job.state, job.created_count), ("draft", 0))

    def test_other_centre(self):
        """Another centre's import administrator neither sees nor runs it."""
        other = new_test_user(
            self.env,
            login="mgp_importer_other",
            groups=IMPORT_GROUP,
            company_id=self.company_other.id,
            company_ids=[(6, 0, self.company_other.ids)],
        )
        job = self._job(
            "person", HEADER, [["X-3", "Чужов", make_snils(600000003), "1"]]
        )
        Job = self.env["mgp.import.job"].with_user(other)
        self.assertFalse(Job.search([("id", "=", job.id)]))
        with self.assertRaises(AccessError):
            job.with_user(other).action_check()
