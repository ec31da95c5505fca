# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import UserError

from odoo.addons.mgp_base.models.mgp_transition import forced_state

from .common import AccompanimentCommon

DAY = date(2025, 11, 6)


class TestTransitionTable(AccompanimentCommon):
    """The table of the case walked: every action is refused, writing
    nothing, in every state its row does not list, and allowed in the
    states it lists, for the user entitled to it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contract = cls._new_contract(cls.ngo_a, "Д-Т")

    def _calls(self):
        """{action: (user, arguments)} of every public action of the table."""
        specialist, manager = self.specialist, self.manager
        return {
            "action_request_mse": (specialist, ()),
            "action_decide_need": (specialist, (True, DAY)),
            "action_assign_employee": (specialist, (self.specialist_2, DAY)),
            "action_approve_order": (manager, (DAY,)),
            "action_record_ngo_consent": (specialist, (self.ngo_a, DAY)),
            "action_record_ngo_refusal": (specialist, (self.ngo_a, "Нет", DAY)),
            "action_assign_ngo": (specialist, (self.ngo_a, self.contract)),
            "action_issue_certificate": (specialist, (DAY,)),
            "action_send_certificate": (specialist, (DAY,)),
            "action_hand_over_certificate": (specialist, ()),
            "action_mark_employed": (specialist, (DAY, self.employer)),
            "action_terminate": (specialist, ("other", None, DAY)),
        }

    def _force(self, case, state):
        # a fixture's state, without a tracking message
        with forced_state(case):
            case.sudo().with_context(tracking_disable=True).write({"state": state})
        self.env.flush_all()
        self.env.invalidate_all()

    def test_every_action_of_the_table(self):
        case = self._case(date(2025, 11, 5)).sudo()
        table = case._mgp_transition_table()
        calls = self._calls()
        actions = {name for name in table if name.startswith("action_")}
        # every public action of the table is walked
        self.assertEqual(actions, set(calls))
        states = [value for value, __ in case._fields["state"].selection]
        stored = [name for name, field in case._fields.items() if field.store]
        for name, (user, args) in calls.items():
            transition = table[name]
            for state in states:
                self._force(case, state)
                as_user = case.with_user(user)
                if state in transition.sources:
                    # allowed: the check (group, lock, state) passes
                    as_user._mgp_transition_check(name)
                    continue
                before = case.read(stored)
                messages = len(case.message_ids)
                with self.subTest(action=name, state=state):
                    with self.env.cr.savepoint():
                        with self.assertRaises(UserError) as error:
                            getattr(as_user, name)(*args)
                        self.assertEqual(
                            str(error.exception),
                            as_user._mgp_state_refused_message(state),
                        )
                        self.env.invalidate_all()
                        self.assertEqual(case.read(stored), before)
                        self.assertEqual(len(case.message_ids), messages)

    def test_internal_steps_of_the_table(self):
        """The engine's own steps (the МСЭ answers, the expiry, the
        endings) are refused in the states they do not list."""
        case = self._case(date(2025, 11, 5))
        table = case._mgp_transition_table()
        states = [value for value, __ in case._fields["state"].selection]
        internal = [name for name in table if not name.startswith("action_")]
        self.assertEqual(
            set(internal),
            {
                "mse_sent",
                "mse_answered",
                "need_refused",
                "employed",
                "expire",
                "terminate_no_need",
            },
        )
        for name in internal:
            for state in states:
                self._force(case, state)
                if state in table[name].sources:
                    case._mgp_transition_check(name)
                    continue
                with self.subTest(step=name, state=state):
                    with self.assertRaises(UserError):
                        case._mgp_transition_check(name)

    def test_wrong_group_refused(self):
        """The group of a row is checked before the state."""
        case = self._case(date(2025, 11, 5))
        self._force(case, "assignment")
        # a specialist does not approve orders
        with self.assertRaises(UserError):
            case.with_user(self.specialist)._mgp_transition_check(
                "action_approve_order"
            )
        case.with_user(self.manager)._mgp_transition_check("action_approve_order")

    def test_state_never_written_directly(self):
        case = self._case(date(2025, 11, 5))
        for state in ("active", "employed", "terminated"):
            with self.assertRaises(UserError):
                case.sudo().write({"state": state})
            with self.assertRaises(UserError):
                case.with_user(self.manager).write({"state": state})
        self.assertEqual(case.state, "new")
        # an unchanged state passes (a form saving every field)
        case.sudo().write({"state": "new"})
        self.assertEqual(case.state, "new")
