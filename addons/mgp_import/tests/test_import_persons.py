# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import MgpImportCommon, make_snils

HEADER = [
    "external_id",
    "name",
    "snils",
    "birth_date",
    "disability_group",
    "ipra_number",
]
ROWS = 10_000


@tagged("post_install", "-at_install")
class TestImportPersons(MgpImportCommon):
    """10,000 persons with errors on some rows: the dry run lists them and
    writes nothing, the import writes the good ones, a rerun nothing new."""

    def _rows(self):
        rows, bad = [], {}
        for index in range(ROWS):
            row = [
                f"P-{index}",
                f"Импортов Иван {index}",
                make_snils(300000000 + index),
                "1980-01-15",
                "2",
                f"ИПРА-{index}",
            ]
            if index % 1000 == 10:
                row[2] = "123-456-789 00"  # wrong control number
                bad[index + 2] = "snils"
            elif index % 1000 == 20:
                row[3] = "31.02.1980"
                bad[index + 2] = "birth_date"
            elif index % 1000 == 30:
                row[1] = ""
                bad[index + 2] = "name"
            elif index % 1000 == 40:
                row[4] = "4"
                bad[index + 2] = "disability_group"
            rows.append(row)
        # the СНИЛС of a person already registered: found, never a second one
        rows[5][2] = self.person.sudo().mgp_snils
        return rows, bad

    def test_dry_run_import_rerun(self):
        rows, bad = self._rows()
        partners_before = self.env["res.partner"].search_count([])
        job = self._job("person", HEADER, rows)
        job.action_check()
        self.assertEqual(job.state, "checked")
        self.assertEqual(job.row_count, ROWS)
        self.assertEqual(job.error_row_count, len(bad))
        self.assertEqual(job.valid_count, ROWS - len(bad))
        # every row's error, with its row number and column
        self.assertEqual(
            {(line.row_number, line.column) for line in job.line_ids}, set(bad.items())
        )
        snils_line = job.line_ids.filtered(lambda line: line.column == "snils")[:1]
        self.assertEqual(snils_line.external_id, "P-10")
        self.assertIn("СНИЛС", snils_line.message)
        date_line = job.line_ids.filtered(lambda line: line.column == "birth_date")[:1]
        self.assertIn("31.02.1980", date_line.message)
        # nothing written by the dry run
        self.assertEqual(self.env["res.partner"].search_count([]), partners_before)
        self.assertFalse(self.Record.search_count([("job_id", "=", job.id)]))

        batches = self._run(job)
        self.assertEqual(batches, ROWS // 500)
        self.assertEqual(job.state, "done")
        self.assertEqual(job.progress, 100)
        self.assertEqual(job.created_count, ROWS - len(bad) - 1)
        self.assertEqual(job.found_count, 1)
        self.assertEqual(job.refused_count, 0)
        self.assertEqual(
            self.env["res.partner"].search_count([]),
            partners_before + job.created_count,
        )
        person = (
            self.env["res.partner"]
            .sudo()
            .search([("mgp_snils", "=", make_snils(300000000))])
        )
        self.assertEqual(person.name, "Импортов Иван 0")
        self.assertEqual(person.company_id, self.company)
        self.assertEqual(person.mgp_disability_group, "2")
        self.assertEqual(person.mgp_ipra_number, "ИПРА-0")
        self.assertEqual(str(person.mgp_birth_date), "1980-01-15")
        # the existing person got the data he lacked, not a namesake
        self.assertEqual(
            self.Record.search([("external_id", "=", "P-5")]).res_id, self.person.id
        )
        self.assertEqual(self.person.sudo().mgp_ipra_number, "ИПРА-5")
        # the user who started it is told, in the chatter of the import
        self.assertTrue(
            job.message_ids.filtered(
                lambda m: (
                    self.importer.partner_id in m.partner_ids
                    and str(job.created_count) in m.body
                )
            )
        )

        # the same file again: everything already imported, nothing new
        again = self._job("person", HEADER, rows)
        again.action_check()
        self.assertEqual(again.skipped_count, ROWS - len(bad))
        self.assertEqual(again.valid_count, 0)
        self._run(again)
        self.assertEqual(again.state, "done")
        self.assertEqual(again.created_count + again.found_count, 0)
        self.assertEqual(
            self.env["res.partner"].search_count([]),
            partners_before + job.created_count,
        )

    def test_missing_column(self):
        job = self._job(
            "person", ["external_id", "snils"], [["P-1", make_snils(300100001)]]
        )
        job.action_check()
        self.assertEqual(job.error_row_count, 1)
        self.assertEqual(job.line_ids.row_number, 1)
        self.assertEqual(job.line_ids.column, "name")
        with self.assertRaises(Exception):  # noqa: B017 - a UserError
            job.action_import()

    def test_name_and_birth_date_duplicate(self):
        """A row without СНИЛС and the same name and birth date as a person
        of the centre is that person."""
        known = self.env["res.partner"].create(
            {
                "name": "Дубликатов Пётр",
                "company_id": self.company.id,
                "mgp_birth_date": "1975-05-05",
                "mgp_disability_group": "3",
            }
        )
        job = self._job(
            "person",
            HEADER,
            [["D-1", "Дубликатов Пётр", "", "05.05.1975", "3", ""]],
        )
        job.action_check()
        self._run(job)
        self.assertEqual((job.created_count, job.found_count), (0, 1))
        self.assertEqual(
            self.Record.search([("external_id", "=", "D-1")]).res_id, known.id
        )
