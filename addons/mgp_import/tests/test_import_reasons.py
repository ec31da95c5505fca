# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo.tests import tagged

from odoo.addons.mgp_base.models.mgp_today import centre_today

from . import test_import_cases
from .common import MgpImportCommon, make_snils

HEADER = test_import_cases.HEADER


@tagged("post_install", "-at_install")
class TestImportReasons(MgpImportCommon):
    """The termination reason of a case of the history is a code of the
    catalogue: the seeded codes, one the administrator added, an archived
    one; a reason meaning «no need» records a negative need decision."""

    def _date(self, months):
        today = centre_today(self.env["mgp.accompaniment"])
        return (today - relativedelta(months=months)).isoformat()

    def _row(self, external_id, number, reason, **columns):
        row = {
            "external_id": external_id,
            "snils": make_snils(number),
            "name": f"Историев {external_id}",
            "disability_group": "2",
            "plan_date": self._date(10),
            "state": "terminated",
            "termination_date": self._date(9),
            "termination_reason": reason,
            **columns,
        }
        return [row.get(name, "") for name in HEADER]

    def _case(self, external_id):
        record = self.Record.search([("external_id", "=", external_id)])
        return self.env["mgp.accompaniment"].browse(record.res_id)

    def test_reason_codes_of_the_catalogue(self):
        Reason = self.env["mgp.accompaniment.termination.reason"]
        moved = Reason.create({"code": "moved", "name": "Переезд"})
        regional = Reason.create(
            {"code": "region_no_need", "name": "Не нуждается", "no_need": True}
        )
        deregistered = self.env.ref("mgp_accompaniment.termination_reason_deregistered")
        deregistered.action_archive()
        rows = [
            self._row("R-moved", 410000001, "moved", need_decision_date=self._date(9)),
            self._row("R-regional", 410000002, "region_no_need"),
            self._row("R-archived", 410000003, "deregistered"),
            self._row("R-unknown", 410000004, "bored"),
        ]
        job = self._job("case", HEADER, rows)
        job.action_check()
        self.assertEqual(job.valid_count, 3)
        refused = job.line_ids
        self.assertEqual(
            (refused.row_number, refused.column), (5, "termination_reason")
        )
        # in the importer's language, with the codes he may use
        self.assertIn("Причина прекращения «bored» неизвестна", refused.message)
        self.assertIn("moved", refused.message)
        self._run(job)
        self.assertEqual(job.created_count, 3)
        cases = {
            key: self._case(key) for key in ("R-moved", "R-regional", "R-archived")
        }
        self.assertEqual(cases["R-moved"].termination_reason_id, moved)
        self.assertEqual(cases["R-moved"].need, "needed")
        self.assertEqual(cases["R-regional"].termination_reason_id, regional)
        self.assertEqual(cases["R-regional"].need, "not_needed")
        self.assertEqual(cases["R-archived"].termination_reason_id, deregistered)
        self.assertEqual({case.state for case in cases.values()}, {"terminated"})
