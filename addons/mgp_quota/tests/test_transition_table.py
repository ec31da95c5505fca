# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Every transition table of the quota walked state by state (issue 17):
an action is refused in every state its row does not list — the state
message, nothing written — and allowed in every state it lists; the state
changes through a transition only, superuser included."""

from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.mgp_base.models.mgp_transition import forced_state

from .common import QuotaCommon


@tagged("post_install", "-at_install")
class TestQuotaTransitionTable(QuotaCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.person = cls.env["res.partner"].create({"name": "Соискатель Пётр"})
        cls.workplace = cls.env["mgp.quota.workplace"].create(
            {
                "name": "Оператор ЭВМ",
                "employer_id": cls.employer.id,
                "company_id": cls.company_region.id,
            }
        )
        cls.reservation = cls.env["mgp.quota.reservation"].create(
            {
                "name": "ДР-7/2026",
                "date": date(2026, 1, 10),
                "employer_id": cls.employer.id,
                "company_id": cls.company_region.id,
            }
        )
        cls.authority = cls.env["res.partner"].create(
            {"name": "Министерство труда (тест)", "is_company": True}
        )

    # ------------------------------------------------------------------
    # The walk
    # ------------------------------------------------------------------
    def _force(self, record, state):
        with forced_state(record):
            record.sudo()._mgp_engine_write({record._mgp_state_field: state})
        self._settle()

    def _settle(self):
        # the tracking of what was written is posted now, not in the walk
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.env.invalidate_all()

    def _snapshot(self, record):
        record = record.sudo()
        values = record.read()[0]
        messages = len(record.message_ids) if "message_ids" in record._fields else 0
        return values, messages

    def _walk(self, record, user, calls=None):
        """Walk the table of ``record``'s model as ``user``: ``calls`` gives
        the arguments of the actions that need them."""
        calls = calls or {}
        table = record._mgp_transition_table()
        state_field = record._mgp_state_field
        states = [
            value
            for value, _label in record._fields[state_field]._description_selection(
                self.env
            )
        ]
        actions = [name for name in table if name.startswith("action_")]
        self.assertTrue(actions, f"{record._name} declares no action")
        for name in actions:
            transition = table[name]
            for state in states:
                self._force(record, state)
                mine = record.with_user(user)
                if state in transition.sources:
                    mine._mgp_transition_check(name)
                    continue
                before = self._snapshot(record)
                with self.assertRaises(UserError) as refused:
                    getattr(mine, name)(*calls.get(name, ()))
                self.assertEqual(
                    str(refused.exception.args[0]),
                    mine._mgp_state_refused_message(state),
                    f"{record._name}.{name} in «{state}»",
                )
                self._settle()
                self.assertEqual(
                    self._snapshot(record), before, f"{record._name}.{name} wrote"
                )
        # the engine's own steps are refused alike outside their sources
        for name, transition in table.items():
            if name in actions:
                continue
            for state in states:
                self._force(record, state)
                if state in transition.sources:
                    record.sudo()._mgp_transition_check(name)
                else:
                    with self.assertRaises(UserError):
                        record.sudo()._mgp_transition_check(name)
        # the state is written by a transition only, superuser included
        self._force(record, states[0])
        for state in states[1:]:
            with self.assertRaises(UserError):
                record.sudo().write({state_field: state})
            with self.assertRaises(UserError):
                record.with_user(user).write({state_field: state})
        self.assertEqual(record[state_field], states[0])

    # ------------------------------------------------------------------
    # The tables
    # ------------------------------------------------------------------
    def test_report_table(self):
        self._walk(
            self._report(),
            self.specialist_region,
            {"action_return": ("Не указаны работники",)},
        )

    def test_referral_table(self):
        referral = (
            self.env["mgp.quota.referral"]
            .with_user(self.specialist_region)
            .create(
                {
                    "partner_id": self.person.id,
                    "workplace_id": self.workplace.id,
                    "company_id": self.company_region.id,
                }
            )
        )
        self._walk(
            referral,
            self.specialist_region,
            {
                "action_register_hire": (date(2026, 1, 13),),
                "action_register_refusal": ("Вакансия закрыта",),
            },
        )

    def test_workplace_table(self):
        self._walk(self.workplace, self.specialist_region)

    def test_reservation_table(self):
        self._walk(self.reservation, self.specialist_region)

    def test_trainee_table(self):
        # a trainee is trained for a workplace the contract reserves
        self.workplace.write({"reserved": True, "reservation_id": self.reservation.id})
        trainee = (
            self.env["mgp.quota.trainee"]
            .with_user(self.specialist_region)
            .create(
                {
                    "reservation_id": self.reservation.id,
                    "partner_id": self.person.id,
                    "profession": "Оператор ЭВМ",
                    "workplace_id": self.workplace.id,
                }
            )
        )
        self._walk(trainee, self.specialist_region)

    def test_notice_table(self):
        notice = (
            self.env["mgp.quota.notice"]
            .with_user(self.specialist_region)
            .create(
                {
                    "company_id": self.company_region.id,
                    "authority_id": self.authority.id,
                    "date_from": date(2026, 1, 1),
                    "date_to": date(2026, 3, 31),
                }
            )
        )
        self._walk(notice, self.specialist_region)

    def test_portal_steps_are_the_employers(self):
        """The employer files and answers through the portal's own rows:
        refused, in the state message, once the step is taken."""
        report = self._report()
        self._line(report, "2")
        report.with_user(self.rep)._mgp_portal_submit()
        self.assertEqual(report.state, "submitted")
        self.assertEqual(report.channel, "portal")
        with self.assertRaises(UserError) as refused:
            report.with_user(self.rep)._mgp_portal_submit()
        self.assertEqual(
            str(refused.exception.args[0]),
            report._mgp_state_refused_message("submitted"),
        )
        # another employer's representative cannot file it at all
        self._force(report, "returned")
        with self.assertRaises(AccessError):
            report.with_user(self.rep_2)._mgp_portal_submit()
        self.assertEqual(report.state, "returned")
