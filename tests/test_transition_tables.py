# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Every state of the suite changes through the one transition primitive
(issue 17, part 2): every stored state field an addon of the suite declares
has a transition table whose states exist, whose actions exist, and a write
of a changed state outside a transition is refused, superuser included.

Each addon's ``tests/test_transition_table.py`` walks its own tables state by
state with the real users."""

import ast

from lxml import etree

from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger
from odoo.tools.safe_eval import safe_eval

from odoo.addons.mgp_base.models.mgp_transition import Transition, forced_state
from odoo.addons.mgp_complaint.tests.common import ComplaintCommon
from odoo.addons.mgp_enquiry.tests.test_inspection import InspectionCommon

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


# ----------------------------------------------------------------------
# The views show a transition's button by the table (issue 17, part 2)
# ----------------------------------------------------------------------
ALLOWED = "mgp_transitions_allowed"


def _names(expression):
    """The names an ``invisible`` expression reads, and its string
    constants."""
    tree = ast.parse(expression.strip(), mode="eval")
    names = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    strings = {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    return names, strings


def _button_model(env, view, button):
    """The model a button acts on: the comodel of the x2many field it sits
    in, else the view's."""
    model = env[view.model]
    path = []
    parent = button.getparent()
    while parent is not None:
        if parent.tag == "field":
            path.append(parent.get("name"))
        parent = parent.getparent()
    for name in reversed(path):
        field = model._fields.get(name)
        if field is None or not field.relational:
            return None
        model = env[field.comodel_name]
    return model


def _launchers(env, table):
    """{button name: transitions it launches}: the rows' launchers (a window
    action's XML id becomes its id, as a view's button names it)."""
    launchers = {}
    for name, transition in table.items():
        for launcher in transition.launchers:
            if "." in launcher:
                action = env.ref(launcher, raise_if_not_found=False)
                launcher = str(action.id) if action else launcher
            launchers.setdefault(launcher, set()).add(name)
    return launchers


def _transition_buttons(env):
    """(view, button, model, transitions it may name) of every button of a
    view of a model with a transition table that carries a table's action or
    launches one: the primary views as every addon's extensions make them
    (an extension's ``position`` nodes are not buttons)."""
    roots = env["ir.ui.view"]
    for view in env["ir.ui.view"].search([("type", "in", ("form", "list", "kanban"))]):
        if not (view.xml_id or "").startswith("mgp_"):
            continue
        # the primary view the suite's view is, or extends
        while view.mode != "primary" and view.inherit_id:
            view = view.inherit_id
        roots |= view
    for view in roots:
        if view.model not in env:
            continue
        arch = view._get_combined_arch()
        for button in arch.iter("button"):
            parent = button.getparent()
            if parent.tag == "header" and parent.getparent().tag == "list":
                continue  # on the selected rows: no record to read
            model = _button_model(env, view, button)
            if model is None or not hasattr(model, "_mgp_transition_table"):
                continue
            table = model._mgp_transition_table()
            name = button.get("name") or ""
            if name.startswith("action_") and name in table:
                yield view, button, model, {name}
            elif name in (launchers := _launchers(env, table)):
                yield view, button, model, launchers[name]


def _visible(record, expression):
    """``invisible`` evaluated on ``record`` as the web client does: a
    many2one is its id, an x2many its ids, a date its string."""
    names, __ = _names(expression)
    values = {}
    for name in names:
        if name not in record._fields:
            continue
        field, value = record._fields[name], record[name]
        if field.type == "many2one":
            value = value.id
        elif field.type in ("one2many", "many2many"):
            value = value.ids
        elif field.type in ("date", "datetime"):
            value = field.to_string(value) if value else False
        elif field.type == "json":
            value = value or []
        values[name] = value
    values.setdefault("id", record.id)
    return not safe_eval(expression, values)


@tagged("post_install", "-at_install")
class TestViewButtonsByTheTable(TransactionCase):
    def test_no_transition_button_repeats_the_states(self):
        """Every button of a table's action (or its launcher) is shown by
        ``mgp_transitions_allowed``, never by a copy of the states."""
        repeating, checked = [], 0
        for view, button, model, transitions in _transition_buttons(self.env):
            where = f"{view.xml_id} {button.get('name')} «{button.get('string')}»"
            expression = button.get("invisible") or ""
            names, strings = _names(expression) if expression else (set(), set())
            with self.subTest(button=where):
                self.assertNotIn(model._mgp_state_field, names, where)
                self.assertIn(ALLOWED, names, where)
                self.assertTrue(strings & transitions, where)
                checked += 1
            if model._mgp_state_field in names:
                repeating.append(where)
        self.assertFalse(repeating)
        self.assertGreater(checked, 70)

    def test_views_load_with_the_field(self):
        """Every form and list of a model with transition buttons loads, the
        field the buttons read included (in the sub-lists too)."""
        models = {}
        for view, __, model, __ in _transition_buttons(self.env):
            models.setdefault(view.model, set()).add(model._name)
        self.assertGreater(len(models), 15)
        for name, button_models in models.items():
            with self.subTest(model=name):
                result = self.env[name].get_views([(False, "form"), (False, "list")])
                for button_model in button_models:
                    self.assertIn(ALLOWED, result["models"][button_model]["fields"])
                arch = result["views"]["form"]["arch"]
                self.assertIn(ALLOWED, arch)


class ButtonsCase:
    """The buttons of a record's form, as a role sees them, match the table."""

    def _assert_buttons(self, record, user, expected):
        record = record.with_user(user)
        record.invalidate_recordset()
        table = record._mgp_transition_table()
        by_table = sorted(
            name
            for name, transition in table.items()
            if name.startswith("action_")
            and record.state in transition.sources
            and record._mgp_has_group(transition.group)
        )
        self.assertEqual(sorted(record.mgp_transitions_allowed or []), by_table)
        arch = etree.fromstring(
            record.get_views([(False, "form")])["views"]["form"]["arch"]
        )
        launchers = _launchers(self.env, table)
        shown = set()
        for button in arch.iter("button"):
            name = button.get("name")
            if name not in table and name not in launchers:
                continue
            if _visible(record, button.get("invisible") or "False"):
                __, strings = _names(button.get("invisible"))
                shown |= strings & set(table)
        self.assertEqual(shown, set(expected), f"{record.state}, {user.login}")
        self.assertLessEqual(shown, set(by_table))


@tagged("post_install", "-at_install")
class TestComplaintButtons(ButtonsCase, ComplaintCommon):
    def test_two_states_two_roles(self):
        complaint = self._complaint()
        self._assert_buttons(complaint, self.specialist, {"action_register"})
        self._assert_buttons(complaint, self.manager, {"action_register"})
        with forced_state(complaint):
            complaint.sudo()._mgp_engine_write({"state": "registered"})
        # the decision is the manager's (its dialog's button)
        self._assert_buttons(complaint, self.specialist, set())
        self._assert_buttons(complaint, self.manager, {"action_decide"})


@tagged("post_install", "-at_install")
class TestInspectionButtons(ButtonsCase, InspectionCommon):
    def test_two_states_two_roles(self):
        inspection = self._inspection()
        self._assert_buttons(inspection, self.manager, {"action_start"})
        # a specialist reads the inspection and takes none of its steps
        self._assert_buttons(inspection, self.specialist, set())
        with forced_state(inspection):
            inspection.sudo()._mgp_engine_write({"state": "in_progress"})
        self._assert_buttons(inspection, self.manager, {"action_close"})
        self._assert_buttons(inspection, self.specialist, set())
