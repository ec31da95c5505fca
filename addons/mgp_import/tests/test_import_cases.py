# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo.tests import tagged

from odoo.addons.mgp_base.models.mgp_today import centre_today

from .common import MgpImportCommon, make_snils

HEADER = [
    "external_id",
    "snils",
    "name",
    "disability_group",
    "plan_date",
    "state",
    "need_decision_date",
    "certificate_date",
    "certificate_sent_date",
    "employment_date",
    "employer",
    "termination_date",
    "termination_reason",
]


@tagged("post_install", "-at_install")
class TestImportCases(MgpImportCommon):
    """Service-1 cases of the history in several states, with the centre's
    numbers and the deadlines of their steps."""

    def _date(self, months):
        return (self.today - relativedelta(months=months)).isoformat()

    def setUp(self):
        super().setUp()
        self.today = centre_today(self.env["mgp.accompaniment"])

    def _row(self, external_id, number, state, **columns):
        row = {
            "external_id": external_id,
            "snils": make_snils(number),
            "name": f"Историев {external_id}",
            "disability_group": "2",
            "plan_date": self._date(10),
            "state": state,
            **columns,
        }
        return [row.get(name, "") for name in HEADER]

    def _case(self, external_id):
        record = self.Record.search([("external_id", "=", external_id)])
        self.assertEqual(record.res_model, "mgp.accompaniment")
        return self.env["mgp.accompaniment"].browse(record.res_id)

    def _deadlines(self, case):
        return {(d.code, d.state) for d in case.sudo().deadline_ids}

    def test_states_numbers_deadlines(self):
        decided, certified = self._date(9), self._date(3)
        rows = [
            self._row("C-new", 400000001, "new"),
            self._row("C-asg", 400000002, "assignment", need_decision_date=decided),
            self._row(
                "C-act",
                400000003,
                "active",
                need_decision_date=decided,
                certificate_date=certified,
            ),
            self._row(
                "C-exp",
                400000004,
                "expired",
                need_decision_date=decided,
                certificate_date=self._date(8),
                certificate_sent_date=self._date(8),
            ),
            self._row(
                "C-emp",
                400000005,
                "employed",
                need_decision_date=decided,
                certificate_date=certified,
                employment_date=self._date(1),
                employer="ООО «Исторический работодатель»",
            ),
            self._row(
                "C-ter",
                400000006,
                "terminated",
                termination_date=self._date(9),
                termination_reason="no_need",
            ),
            # a second open case of the person of C-new: refused on import
            self._row("C-dup", 400000001, "new"),
            # invalid rows: the dry run lists them
            self._row("C-bad1", 400000007, "active", need_decision_date=decided),
            self._row("C-bad2", 400000008, "mse"),
            self._row(
                "C-bad3",
                400000009,
                "expired",
                need_decision_date=decided,
                certificate_date=certified,
            ),
        ]
        job = self._job("case", HEADER, rows, batch_size=4)
        job.action_check()
        self.assertEqual(job.valid_count, 7)
        self.assertEqual(sorted(job.line_ids.mapped("row_number")), [9, 10, 11])
        self.assertEqual(
            job.line_ids.filtered(lambda line: line.row_number == 9).column,
            "certificate_date",
        )
        self.assertFalse(
            self.env["mgp.accompaniment"].search_count(
                [("company_id", "=", self.company.id)]
            )
        )
        self.assertEqual(self._run(job), 3)
        self.assertEqual(job.state, "done")
        self.assertEqual(job.created_count, 6)
        self.assertEqual(job.refused_count, 1)
        cases = {
            key: self._case(key)
            for key in ("C-new", "C-asg", "C-act", "C-exp", "C-emp", "C-ter")
        }
        refused = job.line_ids.filtered(lambda line: line.stage == "import")
        self.assertEqual((refused.row_number, refused.external_id), (8, "C-dup"))
        # the engine's own refusal: one open case per person
        self.assertIn(cases["C-new"].name, refused.message)
        for case in cases.values():
            self.assertEqual(case.company_id, self.company)
            self.assertNotEqual(case.name, "/")
        self.assertEqual(
            [case.state for case in cases.values()],
            ["new", "assignment", "active", "expired", "employed", "terminated"],
        )
        # numbers from the centre's sequence: all different, gap-free
        self.assertEqual(len({case.name for case in cases.values()}), 6)
        certified_cases = cases["C-act"] | cases["C-exp"] | cases["C-emp"]
        self.assertTrue(all(certified_cases.mapped("certificate_number")))
        self.assertEqual(len(set(certified_cases.mapped("certificate_number"))), 3)
        active = cases["C-act"]
        self.assertEqual(str(active.certificate_date), certified)
        self.assertEqual(
            active.date_end, active.certificate_date + relativedelta(months=6)
        )
        self.assertEqual(active.need, "needed")
        self.assertEqual(cases["C-ter"].need, "not_needed")
        self.assertEqual(cases["C-ter"].termination_reason_id.code, "no_need")
        self.assertEqual(
            cases["C-emp"].employer_id.name, "ООО «Исторический работодатель»"
        )
        self.assertEqual(str(cases["C-emp"].date_closed), self._date(1))
        self.assertEqual(cases["C-exp"].date_closed, cases["C-exp"].date_end)

        # deadlines: the steps done closed on their dates, the current open
        self.assertEqual(
            self._deadlines(cases["C-new"]), {("s1_need_decision", "open")}
        )
        self.assertEqual(
            self._deadlines(cases["C-asg"]),
            {("s1_need_decision", "done"), ("s1_assignment", "open")},
        )
        need = cases["C-asg"].sudo()._mgp_deadline_get("s1_need_decision")
        self.assertEqual(str(need.date_done), decided)
        self.assertEqual(
            self._deadlines(active),
            {
                ("s1_need_decision", "done"),
                ("s1_assignment", "done"),
                ("s1_certificate", "done"),
                ("s1_certificate_send", "open"),
            },
        )
        for key in ("C-exp", "C-emp", "C-ter"):
            self.assertNotIn(
                "open", {state for _code, state in self._deadlines(cases[key])}, key
            )
        self.assertIn(("s1_certificate_send", "done"), self._deadlines(cases["C-exp"]))

        # a rerun of the same file writes nothing new
        count = self.env["mgp.accompaniment"].search_count([])
        again = self._job("case", HEADER, rows, batch_size=4)
        again.action_check()
        self._run(again)
        self.assertEqual(again.created_count, 0)
        self.assertEqual(self.env["mgp.accompaniment"].search_count([]), count)

    def test_batch_written_together(self):
        """The cases of new persons are written together, through the same
        engine: numbers in the order of the rows, eligibility set on create,
        a refused row listed and the others written; the creations journaled
        by the import (its records and one note per batch), not by a message
        and a follower per record."""
        decided = self._date(9)
        rows = [
            self._row("T-1", 400000011, "new"),
            self._row("T-2", 400000012, "assignment", need_decision_date=decided),
            self._row(
                "T-3",
                400000013,
                "terminated",
                termination_date=decided,
                termination_reason="no_need",
            ),
            self._row("T-4", 400000014, "new"),
        ]
        job = self._job("case", HEADER, rows)
        job.action_check()
        self._run(job)
        self.assertEqual((job.state, job.created_count), ("done", 4))
        cases = [self._case(f"T-{index}") for index in range(1, 5)]
        numbers = [int(case.name.rsplit("-", 1)[1]) for case in cases]
        self.assertEqual(numbers, list(range(numbers[0], numbers[0] + 4)))
        self.assertEqual({case.sudo().eligibility_basis for case in cases}, {"group"})
        self.assertEqual(
            self._deadlines(cases[1]),
            {("s1_need_decision", "done"), ("s1_assignment", "open")},
        )
        self.assertEqual(self._deadlines(cases[2]), {("s1_need_decision", "cancelled")})
        records = cases[0] | cases[1] | cases[2] | cases[3]
        for record in [*records, *records.partner_id]:
            self.assertFalse(record.sudo().message_ids, record.display_name)
            self.assertFalse(record.sudo().message_follower_ids, record.display_name)
        notes = job.sudo().message_ids.filtered(lambda m: "2..5" in (m.body or ""))
        self.assertEqual(len(notes), 1)

        # a person without any disability data: refused, the others written
        rows = [
            self._row("U-1", 400000021, "new"),
            self._row("U-2", 400000022, "new", disability_group=""),
            self._row("U-3", 400000023, "new"),
        ]
        job = self._job("case", HEADER, rows)
        job.action_check()
        self.assertEqual(job.valid_count, 3)
        self._run(job)
        self.assertEqual((job.created_count, job.refused_count), (2, 1))
        refused = job.line_ids.filtered(lambda line: line.stage == "import")
        self.assertEqual((refused.row_number, refused.external_id), (3, "U-2"))
        self.assertTrue(self._case("U-1").name and self._case("U-3").name)
        self.assertFalse(self.Record.search([("external_id", "=", "U-2")]))
