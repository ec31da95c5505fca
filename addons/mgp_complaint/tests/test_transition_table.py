# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The transition table of a complaint, walked (issue 17 §2): every action
is refused, writing nothing, in every state the table does not list, and
allowed in those it lists; the state is written by a transition only."""

from odoo.exceptions import UserError

from odoo.addons.mgp_base.models.mgp_transition import forced_state

from .common import ComplaintCommon


class TransitionTableWalk:
    """Walk ``record``'s table: ``calls`` gives, by action, the user
    entitled to it and the arguments it needs."""

    maxDiff = None

    def _force(self, record, state):
        with forced_state(record):
            record._mgp_engine_write({record._mgp_state_field: state})
        # the tracking of the forced state is posted now, not in the action
        self.env.flush_all()
        self.env.cr.precommit.run()

    def _walk(self, record, calls):
        table = record._mgp_transition_table()
        self.assertEqual(set(table), set(calls))
        field = record._mgp_state_field
        states = [key for key, _label in record._fields[field].selection]
        for name, transition in table.items():
            user, args = calls[name]
            for state in states:
                self._force(record, state)
                as_user = record.with_user(user)
                if state in transition.sources:
                    with self.env.cr.savepoint():
                        as_user._mgp_transition_check(name)
                    continue
                record.invalidate_recordset()
                before = record.sudo().read()[0]
                messages = len(record.sudo().message_ids)
                with self.env.cr.savepoint(), self.subTest(action=name, state=state):
                    with self.assertRaises(UserError) as refused:
                        getattr(as_user, name)(*args)
                    self.assertEqual(
                        str(refused.exception),
                        as_user._mgp_state_refused_message(state),
                    )
                    record.invalidate_recordset()
                    self.assertEqual(record.sudo().read()[0], before)
                    self.assertEqual(len(record.sudo().message_ids), messages)
        for state in states:
            self._force(record, state)
            for other in states:
                if other == state:
                    continue
                with self.env.cr.savepoint(), self.assertRaises(UserError):
                    record.sudo().write({field: other})
                record.invalidate_recordset()
                self.assertEqual(record[field], state)


class TestComplaintTransitionTable(TransitionTableWalk, ComplaintCommon):
    def test_complaint_table(self):
        complaint = self._complaint()
        self._walk(
            complaint,
            {
                "action_register": (self.specialist, ()),
                "action_decide": (self.manager, ("rejected", "Нет оснований.")),
                "action_send_answer": (self.specialist, ()),
            },
        )

    def test_ministry_complaint_decided_by_administrator_only(self):
        """The table's group is the head of the centre; the action narrows
        it to a regional administrator for a complaint to the ministry."""
        complaint = self._complaint(channel="ministry", addressed_to="ministry")
        self._force(complaint, "registered")
        with self.assertRaises(UserError):
            complaint.with_user(self.manager).action_decide("rejected", "Нет.")
        self.assertEqual(complaint.state, "registered")
        self.assertFalse(complaint.decision)
