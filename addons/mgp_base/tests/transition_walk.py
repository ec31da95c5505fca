# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Walk a model's transition table: a mixin for the tests of every addon."""

from odoo.exceptions import UserError

from odoo.addons.mgp_base.models.mgp_transition import forced_state


class TransitionWalkMixin:
    """Assertions over a model's ``_mgp_transitions`` (mix into a
    ``TransactionCase``)."""

    @staticmethod
    def _walk_states(record):
        field = record._fields[record._mgp_state_field]
        return [value for value, _label in field._description_selection(record.env)]

    @staticmethod
    def _walk_force(record, state):
        """Put ``record`` in ``state`` (a fixture: outside any action)."""
        with forced_state(record):
            record._mgp_engine_write({record._mgp_state_field: state})
        # the tracking of the fixture's write is posted now, not in the walk
        record.env.cr.flush()
        record.invalidate_recordset()

    def _walk_snapshot(self, record):
        record.env.cr.flush()
        record.invalidate_recordset()
        messages = (
            record.env["mail.message"]
            .sudo()
            .search_count([("model", "=", record._name), ("res_id", "=", record.id)])
        )
        return record.sudo().read(), messages

    def _walk_table(self, record, users, calls=None):
        """Walk the table of ``record``'s model.

        For every transition and every state: in a state the transition does
        not list, its public action (called as the user entitled to it, with
        ``calls[name](record)`` or without arguments) is refused with the
        state message and writes nothing, and its internal step is refused by
        the primitive; in every listed state the check passes for that user.

        :param users: ``{transition name: user}``, or one user for all;
            ``None``: the engine (an internal step run as superuser)
        :param calls: ``{transition name: callable(record)}`` calling the
            action with the arguments it needs
        :return: the names walked
        """
        calls = calls or {}
        table = record._mgp_transition_table()
        self.assertTrue(table, f"{record._name} declares no transition")
        states = self._walk_states(record)
        for name, transition in table.items():
            user = users.get(name) if isinstance(users, dict) else users
            self.assertFalse(
                set(transition.sources) - set(states),
                f"{record._name}.{name} starts from an unknown state",
            )
            for state in states:
                self._walk_force(record, state)
                as_user = record.sudo() if user is None else record.with_user(user)
                with self.subTest(model=record._name, transition=name, state=state):
                    if state in transition.sources:
                        with self.env.cr.savepoint():
                            self.assertTrue(as_user._mgp_transition_check(name))
                        continue
                    before = self._walk_snapshot(record)
                    label = record._mgp_state_label(state)
                    with self.env.cr.savepoint():
                        with self.assertRaises(UserError) as error:
                            if name.startswith("action_"):
                                call = calls.get(name) or (
                                    lambda rec, name=name: getattr(rec, name)()
                                )
                                call(as_user)
                            else:
                                as_user._mgp_transition(name)
                        self.assertIn(f"«{label}»", str(error.exception))
                        self.assertEqual(self._walk_snapshot(record), before)
        return list(table)

    def _walk_direct_writes(self, record):
        """A write of another state is refused to everyone, superuser
        included; the state stays."""
        field = record._mgp_state_field
        for state in self._walk_states(record):
            self._walk_force(record, state)
            for other in self._walk_states(record):
                if other == state:
                    continue
                with self.subTest(model=record._name, state=state, other=other):
                    with self.assertRaises(UserError), self.env.cr.savepoint():
                        record.sudo().write({field: other})
                    record.invalidate_recordset()
                    self.assertEqual(record[field], state)
