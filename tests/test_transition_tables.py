# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Every state of the suite changes through the one transition primitive
(issue 17, part 2): every stored state field an addon of the suite declares
has a transition table whose states exist, whose actions exist, and a write
of a changed state outside a transition is refused, superuser included.

Each addon's ``tests/test_transition_table.py`` walks its own tables state by
state with the real users."""

from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from odoo.addons.mgp_base.models.mgp_transition import Transition

# states of a register kept on a model that is not the suite's own
REGISTER_STATES = ("mgp_ngo_state",)


def _suite_state_fields(env):
    """(model, field name) of every stored state field of the suite's
    models (not wizards)."""
    for name in sorted(env.registry):
        Model = env[name]
        if Model._abstract or Model._transient or not Model._auto:
            continue
        state_field = getattr(Model, "_mgp_state_field", "state")
        for field_name, field in Model._fields.items():
            if (field_name in ("state", state_field, *REGISTER_STATES)) and (
                field.type == "selection"
                and field.store
                and not field.compute
                and not field.related
                and (field._module or "").startswith("mgp_")
            ):
                yield Model, field_name


@tagged("post_install", "-at_install")
class TestTransitionTables(TransactionCase):
    def test_every_state_has_a_table(self):
        missing = []
        for Model, field_name in _suite_state_fields(self.env):
            table = (
                Model._mgp_transition_table()
                if hasattr(Model, "_mgp_transition_table")
                else {}
            )
            if not table or Model._mgp_state_field != field_name:
                missing.append(f"{Model._name}.{field_name}")
        self.assertFalse(missing, f"state fields without a transition table: {missing}")

    def test_tables_are_consistent(self):
        checked = 0
        for Model, field_name in _suite_state_fields(self.env):
            if not hasattr(Model, "_mgp_transition_table"):
                continue
            states = set(Model._fields[field_name].get_values(self.env))
            for name, transition in Model._mgp_transition_table().items():
                with self.subTest(model=Model._name, transition=name):
                    self.assertIsInstance(transition, Transition)
                    self.assertTrue(transition.sources)
                    self.assertLessEqual(set(transition.sources), states)
                    self.assertLessEqual(set(transition.targets), states)
                    if name.startswith("action_"):
                        self.assertTrue(callable(getattr(Model, name, None)))
                    for group in (
                        (transition.group,)
                        if isinstance(transition.group, str)
                        else transition.group or ()
                    ):
                        self.assertTrue(self.env.ref(group, raise_if_not_found=False))
                    if transition.notice:
                        self.assertTrue(
                            self.env.ref(transition.notice, raise_if_not_found=False)
                        )
                    checked += 1
        self.assertGreater(checked, 20)

    @mute_logger("odoo.sql_db")
    def test_state_written_only_by_a_transition(self):
        """A direct write of another state is refused for the superuser too;
        an action in a state its table does not list writes nothing."""
        refused = 0
        for Model, field_name in _suite_state_fields(self.env):
            record = Model.sudo().search([], limit=1)
            if not record or not hasattr(Model, "_mgp_transition_table"):
                continue
            other = next(
                value
                for value in Model._fields[field_name].get_values(self.env)
                if value != record[field_name]
            )
            with self.subTest(model=Model._name):
                before = record[field_name]
                with self.assertRaises(UserError), self.env.cr.savepoint():
                    record.write({field_name: other})
                record.invalidate_recordset()
                self.assertEqual(record[field_name], before)
                refused += 1
        self.assertGreater(refused, 10)
