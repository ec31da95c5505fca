# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import UserError

from odoo.addons.mgp_base.models.mgp_transition import forced_state

from .common import ProgrammesCommon

DAY = date(2026, 3, 2)


class TestTransitionTable(ProgrammesCommon):
    """Each table of the addon walked: every transition is refused, and
    writes nothing, in every state its row does not list; it passes the
    check in every state the row lists; the state is written by nothing
    else."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.school = cls.env["res.partner"].create(
            {"name": "ГАПОУ «Колледж»", "is_company": True}
        )

    # ------------------------------------------------------------------
    # The records and the arguments of their actions
    # ------------------------------------------------------------------
    def _records(self):
        """(record, {transition: (args of the action)}) of every table."""
        application = self._application()
        agreement = self._agreement()
        aid = (
            self.env["mgp.business.aid"]
            .with_user(self.specialist)
            .create(
                {
                    "partner_id": self.person.id,
                    "company_id": self.company.id,
                    "date_application": date(2026, 2, 2),
                }
            )
        )
        referral = (
            self.env["mgp.training.referral"]
            .with_user(self.specialist)
            .create(
                {
                    "partner_id": self.person.id,
                    "company_id": self.company.id,
                    "ground": "no_qualification",
                    "profession_id": self.env.ref(
                        "mgp_employer_programmes.training_profession_1"
                    ).id,
                }
            )
        )
        return [
            (
                application,
                {
                    "action_submit": (DAY,),
                    "action_grant": (DAY,),
                    "action_refuse": ("documents", "Неполный пакет", DAY),
                },
            ),
            (
                agreement,
                {
                    "action_sign": (DAY,),
                    "action_pay": (DAY,),
                    "action_cancel": (),
                    "action_claim_refund": (DAY,),
                    "action_record_repayment": (1000, DAY),
                    "action_close": (DAY,),
                },
            ),
            (
                aid,
                {
                    "action_to_commission": (),
                    "action_commission_decision": (True, DAY, "К-1"),
                    "action_sign_contract": ("Д-1", DAY),
                    "action_pay": (DAY,),
                    "action_record_end": (DAY,),
                    "kept": None,
                },
            ),
            (
                referral,
                {
                    "action_refer": (DAY,),
                    "action_start": (DAY,),
                    "action_complete": ("С-1", DAY),
                    "action_refer_to_employer": (self.employer, DAY),
                    "action_drop": ("Переезд",),
                },
            ),
        ]

    def _user(self, transition):
        """The real user the row entitles (the superuser for the engine's
        own steps)."""
        groups = transition.group
        if not groups:
            return None
        groups = (groups,) if isinstance(groups, str) else groups
        if "mgp_base.group_specialist" in groups:
            return self.specialist
        self.assertIn("mgp_base.group_manager", groups)
        return self.manager

    def _force(self, record, state):
        with forced_state(record):
            record._mgp_engine_write({record._mgp_state_field: state})

    def _snapshot(self, record):
        # the tracking of what was written so far is posted first
        self.env.cr.precommit.run()
        self.env.flush_all()
        self.env.invalidate_all()
        record = record.sudo()
        messages = self.env["mail.message"].search_count(
            [("model", "=", record._name), ("res_id", "=", record.id)]
        )
        return record.read()[0], messages

    # ------------------------------------------------------------------
    # The walk
    # ------------------------------------------------------------------
    def test_every_table_is_walked(self):
        records = self._records()
        for record, calls in records:
            # every row of the table has its call in this test
            self.assertEqual(set(calls), set(record._mgp_transition_table()))
        self.assertEqual(
            {record._name for record, __ in records},
            {
                name
                for name, model in self.env.registry.items()
                if name.startswith(("mgp.subsidy.", "mgp.business.", "mgp.training."))
                and "state" in model._fields
                and model._fields["state"].type == "selection"
                and not model._abstract
                and not model._transient
            },
        )

    def test_refused_outside_the_sources(self):
        for record, calls in self._records():
            state_field = record._mgp_state_field
            states = [
                value
                for value, __ in record._fields[state_field]._description_selection(
                    self.env
                )
            ]
            for name, args in calls.items():
                transition = record._mgp_transition_get(name)
                user = self._user(transition)
                for state in states:
                    if state in transition.sources:
                        continue
                    with (
                        self.subTest(model=record._name, transition=name, state=state),
                        self.env.cr.savepoint() as savepoint,
                    ):
                        self._force(record, state)
                        before = self._snapshot(record)
                        target = record.with_user(user) if user else record.sudo()
                        with self.assertRaises(UserError) as caught:
                            if args is None:
                                target._mgp_transition(name)
                            else:
                                getattr(target, name)(*args)
                        self.assertEqual(
                            str(caught.exception),
                            record._mgp_state_refused_message(state),
                        )
                        self.assertEqual(self._snapshot(record), before)
                        savepoint.rollback()
                        self.env.invalidate_all()

    def test_allowed_in_the_sources(self):
        for record, calls in self._records():
            for name in calls:
                transition = record._mgp_transition_get(name)
                user = self._user(transition)
                for state in transition.sources:
                    with self.subTest(model=record._name, transition=name, state=state):
                        self._force(record, state)
                        target = record.with_user(user) if user else record.sudo()
                        self.assertEqual(target._mgp_transition_check(name), transition)
                        if user:
                            self.assertTrue(target._mgp_transition_allowed(name))

    def test_state_is_written_by_the_transitions_only(self):
        for record, __ in self._records():
            state_field = record._mgp_state_field
            other = next(
                value
                for value, __ in record._fields[state_field].selection
                if value != record[state_field]
            )
            with (
                self.subTest(model=record._name),
                self.assertRaisesRegex(UserError, "only through its actions"),
            ):
                record.sudo().write({state_field: other})
            self.assertNotEqual(record[state_field], other)
