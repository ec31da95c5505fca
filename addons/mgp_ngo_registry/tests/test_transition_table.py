# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from contextlib import closing

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.mgp_base.models.mgp_transition import forced_state

from .common import NgoCommon


@tagged("post_install", "-at_install")
class TestNgoTransitionTables(NgoCommon):
    """Each table of the registry walked: every action is refused, with the
    state message and nothing written, in every state its row does not
    list, and allowed in those it lists; the state is never written
    directly, superuser included."""

    def setUp(self):
        super().setUp()
        self.application = self._submitted_application(1)
        self.contract = (
            self.env["mgp.ngo.contract"]
            .with_user(self.specialist)
            .create(
                {
                    "partner_id": self._organisation(2).id,
                    "number": "Т-1",
                    "date": "2025-02-01",
                    "date_start": "2025-02-01",
                    "mgp_activity_ids": [(6, 0, self.activities[:2].ids)],
                }
            )
        )
        self.organisation = self._organisation(3)

    # ------------------------------------------------------------------
    # The walk
    # ------------------------------------------------------------------
    def _states(self, record):
        field = record._fields[record._mgp_state_field]
        return [value for value, _label in field._description_selection(self.env)]

    def _force(self, record, state):
        with forced_state(record):
            record.sudo()._mgp_engine_write({record._mgp_state_field: state})

    def _snapshot(self, record):
        self.env.flush_all()
        self.env.invalidate_all()
        record = record.sudo()
        names = [
            name
            for name, field in record._fields.items()
            if field.store and field.type != "binary"
        ]
        messages = self.env["mail.message"].search_count(
            [("model", "=", record._name), ("res_id", "=", record.id)]
        )
        return record.read(names)[0], messages

    def _walk(self, record, users, calls):
        """``users``: the user entitled to each transition of the table;
        ``calls``: how each public action is called (its arguments)."""
        table = record._mgp_transition_table()
        self.assertEqual(set(users), set(table), "every row has its user")
        for name, transition in table.items():
            user = users[name]
            for state in self._states(record):
                with (
                    self.subTest(model=record._name, transition=name, state=state),
                    closing(self.cr.savepoint()),
                ):
                    self._force(record, state)
                    mine = record.with_user(user)
                    if state in transition.sources:
                        self.assertTrue(mine._mgp_transition_check(name))
                        continue
                    self._assert_refused(
                        mine, state, lambda r, n=name: r._mgp_transition_check(n)
                    )
                    if name.startswith("action_"):
                        call = calls.get(name, lambda r, n=name: getattr(r, n)())
                        self._assert_refused(mine, state, call)
                self.env.invalidate_all()

    def _assert_refused(self, record, state, call):
        before = self._snapshot(record)
        try:
            call(record)
        except UserError as error:
            message = error.args[0]
        else:
            message = None
        self.assertEqual(message, record._mgp_state_refused_message(state))
        self.assertEqual(self._snapshot(record), before, "nothing is written")

    def _assert_not_written_directly(self, record):
        field = record._mgp_state_field
        for state in self._states(record):
            if state == record[field]:
                continue
            with self.subTest(model=record._name, state=state):
                with self.assertRaises(UserError):
                    record.sudo().write({field: state})
                with self.assertRaises(UserError):
                    record.with_user(self.manager).write({field: state})
        # an unchanged state is no change
        record.sudo().write({field: record[field]})

    # ------------------------------------------------------------------
    # The tables
    # ------------------------------------------------------------------
    def test_application_table(self):
        specialist, manager = self.specialist, self.manager
        self._walk(
            self.application,
            {
                "action_submit": specialist,
                "action_take_review": specialist,
                "action_approve": manager,
                "action_reject": manager,
                "action_open_reject_wizard": manager,
            },
            {"action_reject": lambda r: r.action_reject("Нет персонала")},
        )
        self._assert_not_written_directly(self.application)

    def test_contract_table(self):
        self._walk(
            self.contract,
            dict.fromkeys(
                ("action_activate", "action_cancel", "action_create_amendment"),
                self.specialist,
            )
            | {"supersede": self.specialist},
            {},
        )
        self._assert_not_written_directly(self.contract)
        # an amendment of a contract that is not in force is refused too
        with self.assertRaises(UserError):
            self.contract.with_user(self.specialist)._mgp_create_amendment()

    def test_registry_state_table(self):
        self._walk(
            self.organisation,
            dict.fromkeys(
                (
                    "action_mgp_ngo_include",
                    "action_mgp_ngo_open_exclude_wizard",
                    "mgp_ngo_include",
                    "mgp_ngo_exclude",
                ),
                self.manager,
            ),
            {},
        )
        # the exclusion itself, in the states it does not start from
        for state in ("none", "excluded"):
            with closing(self.cr.savepoint()):
                self._force(self.organisation, state)
                self._assert_refused(
                    self.organisation.with_user(self.manager),
                    state,
                    lambda r: r._mgp_ngo_exclude("Причина"),
                )
            self.env.invalidate_all()
        self._assert_not_written_directly(self.organisation)

    def test_refused_in_russian(self):
        self.env["res.lang"]._activate_lang("ru_RU")
        self.env["ir.module.module"]._load_module_terms(
            ["mgp_base", "mgp_ngo_registry"], ["ru_RU"], overwrite=True
        )
        with self.assertRaises(UserError) as caught:
            self.application.with_user(self.specialist).with_context(
                lang="ru_RU"
            ).action_submit()
        self.assertIn("невозможно", str(caught.exception))
        self.assertIn(self.application.name, str(caught.exception))
        self.assertEqual(self.application.state, "submitted")

    def test_ordinary_partner_writes_untouched(self):
        """The registry's table concerns the registry status only."""
        partner = self.Partner.with_user(self.specialist).create(
            {"name": "ООО «Поставщик»", "is_company": True}
        )
        partner.write({"phone": "+7 4842 12-34-56", "mgp_ngo_state": "none"})
        self.assertEqual(partner.phone, "+7 4842 12-34-56")
        contact = self.Partner.create({"name": "Контакт", "parent_id": partner.id})
        contact.sudo().write({"email": "contact@example.ru"})
        self.assertEqual(contact.mgp_ngo_state, "none")
