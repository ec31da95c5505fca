# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import MgpImportCommon

HEADER = ["external_id", "name", "inn", "ogrn", "included_date", "email"]


@tagged("post_install", "-at_install")
class TestImportOrganisations(MgpImportCommon):
    """NGOs included in the registry by its own inclusion, employers found
    by their INN: never a second organisation."""

    def test_ngos(self):
        known = self.env["res.partner"].create(
            {"name": "АНО «Уже есть»", "is_company": True, "vat": "4027007890"}
        )
        rows = [
            ["N-1", "АНО «Первая»", "4027001231", "1024000000012", "15.01.2025", ""],
            ["N-2", "АНО «Уже есть»", "4027007890", "", "", "ngo@example.ru"],
            ["N-3", "АНО «Ошибочная»", "4027001232", "", "", ""],
        ]
        job = self._job("ngo", HEADER, rows)
        job.action_check()
        self.assertEqual((job.valid_count, job.error_row_count), (2, 1))
        self.assertEqual(job.line_ids.row_number, 4)
        self.assertIn("4027001232", job.line_ids.message)
        self._run(job)
        self.assertEqual(
            (job.state, job.created_count, job.found_count), ("done", 1, 1)
        )
        first = self.env["res.partner"].search([("vat", "=", "4027001231")])
        self.assertEqual(first.company_registry, "1024000000012")
        for ngo in first | known:
            self.assertEqual(ngo.mgp_ngo_state, "included")
            self.assertTrue(ngo.mgp_ngo_registry_number)
            self.assertEqual(ngo.mgp_ngo_basis, "contract")
        self.assertEqual(str(first.mgp_ngo_included_date), "2025-01-15")
        again = self._job("ngo", HEADER, rows)
        again.action_check()
        self.assertEqual(again.skipped_count, 2)
        self._run(again)
        self.assertEqual(again.created_count + again.found_count, 0)
        self.assertEqual(again.skipped_count, 2)
        self.assertEqual(
            self.env["res.partner"].search_count([("vat", "=", "4027001231")]), 1
        )

    def test_employers(self):
        rows = [
            ["E-1", "ООО «Завод»", "4027004560", "", "", "zavod@example.ru"],
            ["E-2", "ООО «Завод-дубль»", "4027004560", "", "", ""],
        ]
        job = self._job("employer", HEADER, rows)
        job.action_check()
        self._run(job)
        # the same INN is the same employer
        self.assertEqual((job.created_count, job.found_count), (1, 1))
        employer = self.env["res.partner"].search([("vat", "=", "4027004560")])
        self.assertEqual(employer.email, "zavod@example.ru")
        self.assertEqual(employer.mgp_ngo_state, "none")
        records = self.Record.search([("job_id", "=", job.id)])
        self.assertEqual(set(records.mapped("res_id")), {employer.id})
