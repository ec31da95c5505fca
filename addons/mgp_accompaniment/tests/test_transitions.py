# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import UserError

from .common import AccompanimentCommon


class TestTransitions(AccompanimentCommon):
    """Refused transitions: wrong state, wrong group, plain writes of the
    state; the messages are Russian for a Russian-speaking user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("ru_RU")

    def _ru(self, case, user):
        return case.with_user(user).with_context(lang="ru_RU")

    def test_wrong_state_refused_in_russian(self):
        case = self._case(date(2025, 10, 31))
        with self.assertRaises(UserError) as error:
            self._ru(case, self.specialist).action_issue_certificate(date(2025, 11, 1))
        self.assertIn("Это действие невозможно", str(error.exception))
        self.assertIn(case.name, str(error.exception))
        with self.assertRaises(UserError) as error:
            self._ru(case, self.specialist).action_mark_employed(
                date(2025, 11, 1), self.employer.id
            )
        self.assertIn("невозможно", str(error.exception))
        self.assertEqual(case.state, "new")

    def test_wrong_group_refused_in_russian(self):
        case = self._case(date(2025, 10, 31))
        case.action_decide_need(True, date(2025, 11, 1))
        case.action_assign_employee(self.specialist_2, date(2025, 11, 1))
        with self.assertRaises(UserError) as error:
            self._ru(case, self.specialist).action_approve_order(date(2025, 11, 1))
        self.assertIn(
            "Утвердить приказ может только руководитель", str(error.exception)
        )
        self.assertEqual(case.order_state, "draft")
        portal = self.env["res.users"].create(
            {
                "name": "Портальный",
                "login": "portal_transitions",
                "group_ids": [(6, 0, [self.env.ref("base.group_portal").id])],
            }
        )
        with self.assertRaises(UserError) as error:
            self._ru(case, portal).action_terminate("other")
        self.assertIn("нет прав", str(error.exception))
        self.assertEqual(case.state, "assignment")

    def test_state_not_written_directly(self):
        case = self._case(date(2025, 10, 31))
        for user in (self.specialist, self.manager):
            with self.assertRaises(UserError) as error:
                self._ru(case, user).write({"state": "active"})
            self.assertIn("устанавливается только действиями", str(error.exception))
            self.assertIn("«Статус»", str(error.exception))
        self.assertEqual(case.state, "new")
        with self.assertRaises(UserError):
            self.Case.with_user(self.specialist).create(
                {
                    "partner_id": self.person.id,
                    "company_id": self.company.id,
                    "plan_agreed_date": date(2025, 10, 31),
                    "state": "employed",
                }
            )
        # the public methods still change it
        case.action_decide_need(True, date(2025, 11, 1))
        self.assertEqual(case.state, "assignment")

    def test_decisions_tracked_in_chatter(self):
        self.Case = self.Case.with_context(tracking_disable=False)
        case = self._case(date(2025, 10, 31))
        # end of the creation request: later writes are tracked
        self.env.flush_all()
        self.cr.flush()
        case.action_decide_need(True, date(2025, 11, 1))
        self._assign_employee(case, date(2025, 11, 5))
        case.action_issue_certificate(date(2025, 11, 6))
        self.env.flush_all()
        self.cr.flush()
        values = self.env["mail.tracking.value"].search(
            [
                ("mail_message_id.model", "=", case._name),
                ("mail_message_id.res_id", "=", case.id),
            ]
        )
        tracked = set(values.field_id.mapped("name"))
        for name in (
            "state",
            "need",
            "need_decision_date",
            "responsible_user_id",
            "order_state",
            "certificate_number",
            "certificate_date",
            "date_end",
        ):
            self.assertIn(name, tracked)
