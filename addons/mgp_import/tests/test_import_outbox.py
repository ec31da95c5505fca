# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json

from odoo.tests import tagged

from odoo.addons.mgp_base.models.mgp_today import centre_today

from . import test_import_cases as case_tests
from .common import MgpImportCommon


@tagged("post_install", "-at_install")
class TestImportOutbox(MgpImportCommon):
    """A history import does not flood the receivers of the outbox: its
    cases write no event of their own; the finished import is one event."""

    _date = case_tests.TestImportCases._date
    _row = case_tests.TestImportCases._row
    _case = case_tests.TestImportCases._case

    def setUp(self):
        super().setUp()
        self.today = centre_today(self.env["mgp.accompaniment"])

    def test_history_writes_one_event_per_import(self):
        endpoint = self.env["mgp.api.endpoint"].create(
            {
                "name": "Региональное хранилище",
                "url": "http://127.0.0.1:9/hook",
                "company_id": self.company.id,
            }
        )
        Event = self.env["mgp.api.event"].sudo()
        decided, certified = self._date(9), self._date(3)
        rows = [
            self._row("O-asg", 410000001, "assignment", need_decision_date=decided),
            self._row(
                "O-act",
                410000002,
                "active",
                need_decision_date=decided,
                certificate_date=certified,
            ),
            self._row(
                "O-emp",
                410000003,
                "employed",
                need_decision_date=decided,
                certificate_date=certified,
                employment_date=self._date(1),
                employer="ООО «Исторический работодатель»",
            ),
        ]
        job = self._job("case", case_tests.HEADER, rows, batch_size=2)
        job.action_check()
        self.assertEqual(self._run(job), 2)
        self.assertEqual(job.state, "done")
        cases = self._case("O-asg") | self._case("O-act") | self._case("O-emp")
        self.assertEqual(len(cases), 3)
        self.assertFalse(
            Event.search(
                [("res_model", "=", "mgp.accompaniment"), ("res_id", "in", cases.ids)]
            )
        )
        finished = Event.search([("event_type", "=", "import.finished")])
        self.assertEqual(len(finished), 1)
        self.assertEqual(finished.endpoint_id, endpoint)
        payload = json.loads(finished.payload)
        self.assertEqual(payload["record"]["number"], job.name)
        self.assertEqual(payload["record"]["created"], 3)
        # outside the import the actions write their events again
        case = self.env["mgp.accompaniment"].create(
            {
                "partner_id": self.person.id,
                "company_id": self.company.id,
                "plan_agreed_date": self._date(1),
            }
        )
        self.assertEqual(
            Event.search([("res_id", "=", case.id)]).event_type, "case.started"
        )
