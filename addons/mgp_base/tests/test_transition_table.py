# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import UserError
from odoo.tests.common import new_test_user

from .common import MgpCommon
from .common_consent import give_consent
from .transition_walk import TransitionWalkMixin


class TestTransitionTable(TransitionWalkMixin, MgpCommon):
    """The tables of the deadline and of the consent, walked state by
    state."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Deadline = cls.env["mgp.deadline"]
        cls.people = cls.env["res.partner"].create(
            [{"name": f"Срок {i}", "company_id": cls.company.id} for i in range(40)]
        )

    def _open(self, records, code="s1_results"):
        return self.Deadline._open_many(
            records, code, date_start=date(2026, 2, 2), user=self.specialist
        )

    def test_deadline_table(self):
        deadline = self._open(self.person)
        # the engine's own steps: the case that closes them checked its own
        self.assertEqual(self._walk_table(deadline, None), ["close", "cancel"])
        self._walk_direct_writes(deadline)

    def test_deadline_close_and_cancel_skip_what_is_not_open(self):
        deadlines = self._open(self.people[:3])
        deadlines[0]._close(date(2026, 2, 3))
        closed = deadlines._close(date(2026, 2, 4))
        self.assertEqual(closed, deadlines[1:])
        self.assertEqual(deadlines[0].date_done, date(2026, 2, 3))
        self.assertEqual(set(deadlines.mapped("state")), {"done"})
        self.assertFalse(deadlines._cancel())
        self.assertEqual(set(deadlines.mapped("state")), {"done"})
        other = self._open(self.people[3:5], "s1_need_decision")
        self.assertEqual(other._cancel(), other)
        self.assertEqual(set(other.mapped("state")), {"cancelled"})

    def test_deadline_close_is_set_based(self):
        """Closing costs the same number of queries for 2 or 30 deadlines."""

        def cost(deadlines, method):
            self.env.invalidate_all()
            deadlines = deadlines.with_user(self.specialist)
            before = self.env.cr.sql_log_count
            method(deadlines)
            return self.env.cr.sql_log_count - before

        # the first call fills the registry's caches (access rules…)
        cost(self._open(self.people[32:34]), lambda d: d._close())
        cost(self._open(self.people[34:36], "s1_need_decision"), lambda d: d._cancel())
        few = self._open(self.people[:2])
        many = self._open(self.people[2:32])
        self.assertEqual(
            cost(few, lambda d: d._close(date(2026, 2, 3))),
            cost(many, lambda d: d._close(date(2026, 2, 3))),
        )
        few = self._open(self.people[:2], "s1_need_decision")
        many = self._open(self.people[2:32], "s1_need_decision")
        self.assertEqual(
            cost(few, lambda d: d._cancel()), cost(many, lambda d: d._cancel())
        )
        self.assertEqual(set(many.mapped("state")), {"cancelled"})

    def test_consent_table(self):
        consent = give_consent(self.person, company=self.company)
        self.assertEqual(consent.state, "valid")
        self.assertEqual(
            self._walk_table(
                consent,
                self.specialist,
                {
                    "action_withdraw": lambda rec: rec.action_withdraw(
                        "Отзыв по заявлению", date(2025, 2, 1)
                    )
                },
            ),
            ["action_withdraw", "portal_withdraw"],
        )
        self._walk_direct_writes(consent)

    def test_consent_withdrawn_once_by_a_specialist(self):
        consent = give_consent(self.person, company=self.company)
        portal = new_test_user(
            self.env, login="consent_portal", groups="base.group_portal"
        )
        with self.assertRaisesRegex(UserError, "not allowed"):
            consent.with_user(portal).action_withdraw("Отзыв", date(2025, 2, 1))
        self.assertEqual(consent.state, "valid")
        consent.with_user(self.specialist).action_withdraw(
            "Отзыв по заявлению", date(2025, 2, 1)
        )
        self.assertEqual(
            (consent.state, consent.withdrawal_date, consent.withdrawn_by_id),
            ("withdrawn", date(2025, 2, 1), self.specialist),
        )
        with self.assertRaises(UserError):
            consent.with_user(self.specialist).action_withdraw("Ещё раз")
        self.assertEqual(consent.withdrawal_date, date(2025, 2, 1))
