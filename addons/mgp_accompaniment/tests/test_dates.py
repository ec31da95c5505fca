# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import ValidationError

from .common import AccompanimentCommon

FUTURE = date(2099, 1, 1)


class TestDates(AccompanimentCommon):
    """Every action date is checked on the server: none in the future, none
    before the case's previous step; the refusal is in Russian and nothing
    is saved."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("ru_RU")

    def _refused(self, action, *args):
        """Call the bound ``action`` in Russian; return the refusal."""
        record = action.__self__.with_context(lang="ru_RU")
        with self.assertRaises(ValidationError) as error:
            getattr(record, action.__name__)(*args)
        return str(error.exception)

    def test_plan_not_in_the_future(self):
        with self.assertRaises(ValidationError):
            self._case(FUTURE)

    def test_need_decision_dates(self):
        case = self._case(date(2025, 11, 5))
        message = self._refused(case.action_decide_need, True, FUTURE)
        self.assertIn("ещё не наступила", message)
        message = self._refused(case.action_decide_need, True, date(2025, 11, 4))
        self.assertIn("не может быть раньше", message)
        self.assertIn("согласование плана", message)
        self.assertEqual(case.state, "new")
        self.assertEqual(case.need, "pending")
        self.assertFalse(case.need_decision_date)

    def test_order_and_certificate_dates(self):
        case = self._case(date(2025, 11, 5))
        case.action_decide_need(True, date(2025, 11, 6))
        case.action_assign_employee(self.specialist_2)
        approve = case.with_user(self.manager).action_approve_order
        self._refused(approve, date(2025, 11, 5))  # before the decision
        self._refused(approve, FUTURE)
        self.assertEqual(case.order_state, "draft")
        self.assertFalse(case.order_number)
        approve(date(2025, 11, 7))
        self._refused(case.action_issue_certificate, date(2025, 11, 6))
        self._refused(case.action_issue_certificate, FUTURE)
        self.assertEqual(case.state, "assignment")
        self.assertFalse(case.certificate_number)
        case.action_issue_certificate(date(2025, 11, 10))
        self._refused(case.action_send_certificate, date(2025, 11, 7))
        self.assertFalse(case.certificate_sent_date)
        self._refused(case.action_terminate, "withdrawn", None, date(2025, 11, 9))
        self.assertEqual(case.state, "active")

    def test_order_approved_by_another_manager(self):
        case = self._case(date(2025, 11, 5))
        case.action_decide_need(True, date(2025, 11, 6))
        # a manager who drafts the order cannot sign it himself
        case.with_user(self.manager).action_assign_employee(self.specialist_2)
        with self.assertRaises(Exception) as error:
            case.with_user(self.manager).with_context(
                lang="ru_RU"
            ).action_approve_order(date(2025, 11, 7))
        self.assertIn("не готовивший", str(error.exception))
        self.assertEqual(case.order_state, "draft")
        case.with_user(self.admin).action_approve_order(date(2025, 11, 7))
        self.assertEqual(case.order_state, "approved")
        self.assertEqual(case.order_approver_id, self.admin)
