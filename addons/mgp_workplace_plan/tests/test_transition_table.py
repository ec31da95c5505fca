# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The plan's transition table walked state by state (issue 17 §2): every
action is refused, with the state message and nothing written, in every
state its row does not list, and allowed in those it lists."""

from datetime import date

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.mgp_base.models.mgp_transition import forced_state

from .common import WorkplaceCommon

# the arguments each public action of the table is called with
ACTION_ARGS = {
    "action_set_offer_received": (date(2026, 1, 12),),
    "action_accept_offer": (),
    "action_decline_offer": (),
    "action_set_disability": (True,),
    "action_request_mse": (),
    "action_start_draft": (),
    "action_to_discussion": (),
    "action_revise": (),
    "action_send": (),
    "action_cancel": ("other",),
}


@tagged("post_install", "-at_install")
class TestTransitionTable(WorkplaceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.table = cls.env["mgp.workplace.plan"]._mgp_transition_table()
        cls.states = [
            state
            for state, _label in cls.env["mgp.workplace.plan"]
            ._fields["state"]
            .selection
        ]

    def _force(self, plan, state):
        with forced_state(plan.sudo()) as forced:
            forced._mgp_engine_write({"state": state})
        plan.invalidate_recordset()

    def _snapshot(self, plan):
        # the tracking of what was written is posted on the cursor's flush
        self.env.cr.flush()
        self.env.invalidate_all()
        messages = self.env["mail.message"].search_count(
            [("model", "=", plan._name), ("res_id", "=", plan.id)]
        )
        return plan.read()[0], messages

    def _refused(self, plan, name, args):
        """Call ``name`` as the specialist; return the error and whether
        anything was written (compared inside the savepoint)."""
        before = self._snapshot(plan)
        error = None
        with self.env.cr.savepoint() as savepoint:
            try:
                getattr(plan.with_user(self.specialist), name)(*args)
            except UserError as refused:
                error = refused
            after = self._snapshot(plan)
            savepoint.rollback()
        return error, before == after

    def test_every_action_has_its_arguments(self):
        actions = {name for name in self.table if name.startswith("action_")}
        self.assertEqual(actions, set(ACTION_ARGS))

    def test_actions_refused_outside_their_sources(self):
        plan = self._appeal()
        for state in self.states:
            self._force(plan, state)
            message = plan._mgp_state_refused_message(state)
            for name, args in ACTION_ARGS.items():
                if state in self.table[name].sources:
                    continue
                with self.subTest(action=name, state=state):
                    error, unchanged = self._refused(plan, name, args)
                    self.assertIsNotNone(error)
                    self.assertEqual(str(error), message)
                    self.assertTrue(unchanged)
                    self.assertEqual(plan.state, state)

    def test_transitions_allowed_in_their_sources(self):
        plan = self._appeal()
        for state in self.states:
            self._force(plan, state)
            for name, transition in self.table.items():
                with self.subTest(transition=name, state=state):
                    checked = plan.with_user(self.specialist)
                    if state in transition.sources:
                        self.assertEqual(
                            checked._mgp_transition_check(name), transition
                        )
                        self.assertTrue(checked._mgp_transition_allowed(name))
                    else:
                        with self.assertRaises(UserError):
                            checked._mgp_transition_check(name)
                        self.assertFalse(checked._mgp_transition_allowed(name))

    def test_state_never_written_directly(self):
        plan = self._appeal()
        for state in self.states:
            self._force(plan, state)
            for other in self.states:
                if other == state:
                    continue
                with self.subTest(state=state, other=other):
                    with self.assertRaises(UserError):
                        plan.sudo().write({"state": other})
                    plan.invalidate_recordset()
                    self.assertEqual(plan.state, state)
        # the employer's representative is refused too, by the guard
        with self.assertRaises(UserError):
            plan.with_user(self.rep).action_cancel("other")
