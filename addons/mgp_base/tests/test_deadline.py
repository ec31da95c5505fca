# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date
from unittest.mock import patch

from odoo.exceptions import ValidationError

from .common import MgpCommon


class TestDeadline(MgpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Deadline = cls.env["mgp.deadline"]
        cls.rule_s1 = cls.env.ref("mgp_base.deadline_rule_s1_need_decision")
        cls.rule_5 = cls.env.ref("mgp_base.deadline_rule_s1_results")
        cls.case = cls.person  # any record with a company can carry deadlines

    def _open(self, code, start, record=None, user=None):
        return self.Deadline._open_for(
            record or self.case, code, date_start=start, user=user or self.specialist
        )

    def test_open_computes_due_date_through_calendar(self):
        deadline = self._open("s1_need_decision", date(2025, 10, 31))
        self.assertEqual(deadline.date_due, date(2025, 11, 1))
        self.assertEqual(deadline.state, "open")
        self.assertEqual(deadline.company_id, self.company)
        self.assertEqual(deadline.user_id, self.specialist)
        deadline_2 = self._open("s1_assignment", date(2025, 11, 1))
        self.assertEqual(deadline_2.date_due, date(2025, 11, 5))
        deadline_3 = self._open("s1_results", date(2025, 12, 30))
        # 5 working days after 2025-12-30: 12, 13, 14, 15, 16 January
        self.assertEqual(deadline_3.date_due, date(2026, 1, 16))

    def test_open_is_idempotent(self):
        first = self._open("s1_need_decision", date(2025, 10, 31))
        again = self._open("s1_need_decision", date(2025, 11, 10))
        self.assertEqual(first, again)

    def test_open_many_at_once(self):
        """A batch of records: one deadline each, statuses set on creation,
        the already open ones kept, in the order of the records."""
        people = self.env["res.partner"].create(
            [{"name": f"B{i}", "company_id": self.company.id} for i in range(4)]
        )
        first = self._open("s1_need_decision", date(2025, 10, 31), record=people[1])
        deadlines = self.Deadline._open_many(
            people,
            "s1_need_decision",
            date_start={people[0].id: date(2025, 10, 31)},
            user=self.specialist,
        )
        self.assertEqual(len(deadlines), 4)
        self.assertEqual(deadlines[1], first)
        self.assertEqual(deadlines.mapped("res_id"), people.ids)
        self.assertEqual(deadlines[0].date_due, date(2025, 11, 1))
        # the past deadline is late, as _refresh_sla would have written it
        self.assertEqual(deadlines[0].sla_status, "late")
        self.assertTrue(deadlines[0].is_late)
        self.assertEqual(self.Deadline._refresh_sla(deadlines.ids), 0)
        again = self.Deadline._open_many(people, "s1_need_decision")
        self.assertEqual(again, deadlines)

    def test_region_of_the_centre_applies(self):
        self.env["mgp.calendar.day"].create(
            {"date": date(2026, 3, 10), "state_id": self.state.id}
        )
        person = self.env["res.partner"].create(
            {"name": "Региональный", "company_id": self.company_region.id}
        )
        deadline = self._open("s1_need_decision", date(2026, 3, 9), record=person)
        self.assertEqual(deadline.date_due, date(2026, 3, 11))

    def test_rule_length_is_configuration(self):
        self.rule_s1.days = 3
        deadline = self._open("s1_need_decision", date(2025, 10, 31))
        self.assertEqual(deadline.date_due, date(2025, 11, 6))

    def test_unknown_code(self):
        with self.assertRaises(ValidationError):
            self._open("nope", date(2025, 10, 31))

    def test_rule_threshold_cannot_exceed_length(self):
        with self.assertRaises(ValidationError):
            self.rule_s1.at_risk_days = 5

    def test_close_on_time_and_late(self):
        on_time = self._open("s1_need_decision", date(2025, 10, 31))
        on_time._close(date(2025, 11, 1))
        self.assertEqual(on_time.state, "done")
        self.assertEqual(on_time.date_done, date(2025, 11, 1))
        self.assertFalse(on_time.is_late)
        self.assertEqual(on_time.sla_status, "on_track")
        late = self._open("s1_assignment", date(2025, 11, 1))
        late._close(date(2025, 11, 6))
        self.assertTrue(late.is_late)
        self.assertEqual(late.sla_status, "late")

    def test_cancel(self):
        deadline = self._open("s1_need_decision", date(2025, 10, 31))
        deadline._cancel()
        self.assertEqual(deadline.state, "cancelled")
        self.Deadline._refresh_sla(today=date(2026, 1, 1))
        self.assertFalse(deadline.is_late)

    def test_sla_status_over_time(self):
        # s1_results: 5 working days, at risk 1 working day before due
        deadline = self._open("s1_results", date(2026, 2, 2))
        self.assertEqual(deadline.date_due, date(2026, 2, 9))
        self.assertEqual(deadline.date_at_risk, date(2026, 2, 6))
        self.Deadline._refresh_sla(today=date(2026, 2, 3))
        self.assertEqual(deadline.sla_status, "on_track")
        self.Deadline._refresh_sla(today=date(2026, 2, 6))
        self.assertEqual(deadline.sla_status, "at_risk")
        self.assertFalse(deadline.is_late)
        self.Deadline._refresh_sla(today=date(2026, 2, 9))
        self.assertEqual(deadline.sla_status, "at_risk")
        self.Deadline._refresh_sla(today=date(2026, 2, 10))
        self.assertEqual(deadline.sla_status, "late")
        self.assertTrue(deadline.is_late)

    def _activities(self, user):
        """The digest activities of ``user`` (on the user's own contact)."""
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "=", user.partner_id.id),
                ("user_id", "=", user.id),
                (
                    "activity_type_id",
                    "=",
                    self.env.ref("mgp_base.mail_activity_type_deadline").id,
                ),
            ]
        )

    def test_activities_created_once(self):
        deadline = self._open("s1_results", date(2026, 2, 2))
        cron = self.env.ref("mgp_base.ir_cron_mgp_deadline_refresh")
        self.assertEqual(cron.code, "model._cron_refresh_sla()")
        for _run in range(2):
            self.Deadline._refresh_sla(today=date(2026, 2, 6))
        self.assertEqual(len(self._activities(self.specialist)), 1)
        self.assertFalse(self._activities(self.manager))
        for _run in range(2):
            self.Deadline._refresh_sla(today=date(2026, 2, 10))
        self.assertEqual(len(self._activities(self.specialist)), 1)
        self.assertEqual(len(self._activities(self.manager)), 1)
        # managers of another centre are not bothered
        self.assertFalse(self._activities(self.manager_other))
        self.assertTrue(deadline.at_risk_notified and deadline.late_notified)

    def test_second_run_updates_nothing(self):
        """Overdue open deadlines are not rewritten by every run."""
        deadlines = (
            self._open("s1_need_decision", date(2025, 10, 31))
            | self._open("s1_results", date(2026, 2, 2))
            | self._open("s1_assignment", date(2025, 11, 1))._close(date(2025, 11, 6))
        )
        self.Deadline._refresh_sla(today=date(2026, 2, 6))
        # the whole table: nothing changed, nothing written
        self.assertEqual(self.Deadline._refresh_sla(today=date(2026, 2, 6)), 0)
        # s1_results becomes late on 10 February, the others stay late
        self.assertEqual(
            self.Deadline._refresh_sla(deadlines.ids, today=date(2026, 2, 10)), 1
        )
        self.assertEqual(
            self.Deadline._refresh_sla(deadlines.ids, today=date(2026, 2, 10)), 0
        )
        self.assertEqual(set(deadlines.mapped("sla_status")), {"late"})

    def test_digest_one_activity_per_user(self):
        """Many late deadlines: one activity per user listing them, not one
        per deadline; a new late deadline updates the same activity."""
        people = self.env["res.partner"].create(
            [{"name": f"Person {i}", "company_id": self.company.id} for i in range(5)]
        )
        for person in people[:4]:
            self._open("s1_need_decision", date(2025, 10, 31), record=person)
        self._open(
            "s1_need_decision", date(2025, 10, 31), record=people[4], user=self.manager
        )
        self.Deadline._refresh_sla(today=date(2026, 2, 10))
        specialist_digest = self._activities(self.specialist)
        manager_digest = self._activities(self.manager)
        self.assertEqual(len(specialist_digest), 1)
        self.assertEqual(len(manager_digest), 1)
        self.assertIn("4 missed", specialist_digest.summary)
        # the manager sees the whole centre's late procedures
        self.assertIn("5 missed", manager_digest.summary)
        self.assertIn("Person 3", str(specialist_digest.note))
        self.assertNotIn("Person 4", str(specialist_digest.note))
        # a run with nothing new changes nothing
        self.Deadline._refresh_sla(today=date(2026, 2, 10))
        self.assertIn("4 missed", self._activities(self.specialist).summary)
        # a new late deadline: the same activity, updated
        newcomer = self.env["res.partner"].create(
            {"name": "Newcomer", "company_id": self.company.id}
        )
        self._open("s1_need_decision", date(2026, 2, 2), record=newcomer)
        self.Deadline._refresh_sla(today=date(2026, 2, 10))
        self.assertEqual(self._activities(self.specialist), specialist_digest)
        self.assertIn("5 missed", specialist_digest.summary)
        self.assertIn("Newcomer", str(specialist_digest.note))
        self.assertEqual(self._activities(self.manager), manager_digest)
        self.assertIn("6 missed", manager_digest.summary)

    def test_digest_after_done_is_new(self):
        """Once the user marked the digest done, the next news make a new one."""
        self._open("s1_need_decision", date(2025, 10, 31))
        self.Deadline._refresh_sla(today=date(2026, 2, 10))
        self._activities(self.specialist).action_done()
        self.assertFalse(self._activities(self.specialist))
        person = self.env["res.partner"].create(
            {"name": "Later", "company_id": self.company.id}
        )
        self._open("s1_need_decision", date(2026, 2, 2), record=person)
        self.Deadline._refresh_sla(today=date(2026, 2, 10))
        self.assertEqual(len(self._activities(self.specialist)), 1)

    def _pending(self):
        return self.Deadline.search_count(
            [
                ("state", "=", "open"),
                ("sla_status", "in", ("at_risk", "late")),
                ("at_risk_notified", "=", False),
            ]
        )

    def test_cron_runs_twice_without_duplicates(self):
        # a deadline already past due today
        self._open("s1_need_decision", date(2025, 10, 31))
        cron = self.env.ref("mgp_base.ir_cron_mgp_deadline_refresh")
        self.assertEqual(cron.code, "model._cron_refresh_sla()")
        calls = []

        def commit_progress(processed=0, remaining=None, deactivate=False):
            calls.append((processed, remaining))
            return 60.0  # seconds left; a test must not commit

        with patch.object(
            type(self.env["ir.cron"]), "_commit_progress", side_effect=commit_progress
        ):
            self.env["mgp.deadline"]._cron_refresh_sla(batch_size=1)
            # after the statuses, one commit per user, then the end
            batches = calls[1:-1]
            self.assertGreaterEqual(len(batches), 2)
            self.assertEqual({done for done, _remaining in batches}, {1})
            self.assertEqual(
                [remaining for _done, remaining in batches],
                list(range(len(batches) - 1, -1, -1)),
            )
            self.assertEqual(calls[-1], (0, 0))
            self.env["mgp.deadline"]._cron_refresh_sla()
        self.assertEqual(len(self._activities(self.specialist)), 1)
        self.assertEqual(len(self._activities(self.manager)), 1)
        self.assertEqual(self._pending(), 0)

    def test_cron_out_of_time_goes_on_next_run(self):
        """A run stopped after its first batch: the next run does the rest."""
        self._open("s1_need_decision", date(2025, 10, 31))
        self._open("s1_assignment", date(2025, 10, 31), user=self.specialist_2)
        with patch.object(
            type(self.env["ir.cron"]), "_commit_progress", return_value=0.0
        ):
            self.env["mgp.deadline"]._cron_refresh_sla(batch_size=1)
        self.assertTrue(self._pending())
        with patch.object(
            type(self.env["ir.cron"]), "_commit_progress", return_value=60.0
        ):
            self.env["mgp.deadline"]._cron_refresh_sla(batch_size=1)
        self.assertEqual(self._pending(), 0)
        self.assertEqual(len(self._activities(self.specialist)), 1)
        self.assertEqual(len(self._activities(self.manager)), 1)

    def test_no_chatter_per_deadline(self):
        deadline = self._open("s1_need_decision", date(2025, 10, 31))
        self.assertFalse(deadline.message_ids)
        self.assertFalse(deadline.message_follower_ids)

    def test_refresh_is_set_based(self):
        """The refresh costs the same number of queries for 3 or 60 deadlines."""
        people = self.env["res.partner"].create(
            [{"name": f"P{i}", "company_id": self.company.id} for i in range(60)]
        )
        for person in people[:3]:
            self._open("s1_results", date(2026, 2, 2), record=person, user=False)
        self.Deadline._refresh_sla(today=date(2026, 2, 3))
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        self.Deadline._refresh_sla(today=date(2026, 2, 4))
        few = self.env.cr.sql_log_count - before
        for person in people[3:]:
            self._open("s1_results", date(2026, 2, 2), record=person, user=False)
        self.Deadline._refresh_sla(today=date(2026, 2, 3))
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        self.Deadline._refresh_sla(today=date(2026, 2, 4))
        many = self.env.cr.sql_log_count - before
        self.assertEqual(few, many)
        self.assertEqual(
            self.Deadline.search_count(
                [("res_id", "in", people.ids), ("sla_status", "=", "on_track")]
            ),
            60,
        )

    def test_deadline_menu_filters(self):
        self._open("s1_need_decision", date(2025, 10, 31))
        action = self.env.ref("mgp_base.mgp_deadline_action")
        self.assertEqual(action.res_model, "mgp.deadline")
        late = self.Deadline.with_user(self.specialist).search(
            [("is_late", "=", True), ("user_id", "=", self.specialist.id)]
        )
        self.assertEqual(len(late), 1)
        groups = self.Deadline.with_user(self.manager)._read_group(
            [("company_id", "=", self.company.id)], ["code"], ["__count"]
        )
        self.assertEqual(groups, [("s1_need_decision", 1)])
