# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import UserError, ValidationError

from .common import AccompanimentCommon


class TestMsePath(AccompanimentCommon):
    def _mse_case(self):
        case = self._case(date(2025, 10, 31), disability_info_date=date(2025, 10, 31))
        case.action_request_mse(request_date=date(2025, 11, 1))
        return case

    def test_request_and_answer_needed(self):
        case = self._mse_case()
        self.assertEqual(case.state, "mse")
        request = case.mse_request_id
        self.assertEqual(request.res_model, "mgp.accompaniment")
        self.assertEqual(request.res_id, case.id)
        self.assertEqual(request.partner_id, self.person)
        self.assertEqual(self._deadline(case, "s1_need_decision").state, "done")
        mse_request = self._deadline(case, "s1_mse_request")
        self.assertEqual(mse_request.date_due, date(2025, 11, 1))
        # sent on Saturday 2025-11-01, received Wednesday 2025-11-05
        request.with_user(self.specialist).action_send(
            date_sent=date(2025, 11, 1), date_received=date(2025, 11, 5)
        )
        self.assertEqual(mse_request.state, "done")
        answer = self._deadline(case, "s1_mse_answer")
        self.assertTrue(answer.external)
        self.assertEqual(answer.date_start, date(2025, 11, 5))
        self.assertEqual(answer.date_due, date(2025, 11, 12))
        with self.assertRaises(UserError):  # no answer yet
            case.action_decide_need(True, date(2025, 11, 6))
        request.with_user(self.specialist).action_register_answer(
            "needed", date(2025, 11, 10)
        )
        self.assertEqual(answer.state, "done")
        self.assertEqual(case.state, "mse")
        decision = self._deadline(case, "s1_need_decision_mse")
        self.assertEqual(decision.date_due, date(2025, 11, 11))
        with self.assertRaises(UserError):  # against the recommendation
            case.action_decide_need(False, date(2025, 11, 11))
        case.action_decide_need(True, date(2025, 11, 11))
        self.assertEqual(case.state, "assignment")
        self.assertEqual(decision.state, "done")
        self.assertEqual(
            self._deadline(case, "s1_assignment").date_due, date(2025, 11, 12)
        )

    def test_answer_not_needed_refusal(self):
        case = self._mse_case()
        case.mse_request_id.with_user(self.specialist).action_register_answer(
            "not_needed", date(2025, 11, 10)
        )
        with self.assertRaises(UserError):  # against the recommendation
            case.action_decide_need(True, date(2025, 11, 11))
        action = case.action_open_need_wizard()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.specialist)
            .with_context(**action["context"])
            .create({"decision_date": date(2025, 11, 11)})
        )
        self.assertEqual(wizard.decision, "not_needed")  # the recommendation
        wizard.action_confirm()
        self.assertEqual(case.state, "terminated")
        self.assertEqual(case.termination_reason_id.code, "mse_refusal")
        self.assertEqual(case.need, "not_needed")
        self.assertEqual(self._deadline(case, "s1_need_decision_mse").state, "done")
        # the notice goes with the decision (seed 000:141, within the next
        # working day): no deadline is left to track it
        self.assertFalse(self._deadline(case, "s1_no_need_notice"))
        self.assertTrue(
            case.message_ids.filtered(
                lambda m: m.subject and "прекращении" in m.subject
            )
        )

    def test_withdrawal_during_mse_cancels(self):
        case = self._mse_case()
        case.mse_request_id.with_user(self.specialist).action_send(
            date_sent=date(2025, 11, 1), date_received=date(2025, 11, 5)
        )
        case.action_terminate("withdrawn", "Отказ гражданина")
        self.assertEqual(case.state, "terminated")
        self.assertEqual(self._deadline(case, "s1_mse_answer").state, "cancelled")
        self.assertEqual(case.mse_request_id.state, "cancelled")

    def test_wizard(self):
        case = self._case(date(2025, 10, 31))
        action = case.action_open_mse_wizard()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.specialist)
            .with_context(**action["context"])
            .create({"request_date": date(2025, 11, 1)})
        )
        self.assertEqual(wizard.disability_info_date, date(2025, 10, 31))
        wizard.disability_info_date = date(2025, 11, 5)
        wizard.action_confirm()
        self.assertEqual(case.state, "mse")
        self.assertEqual(
            self._deadline(case, "s1_mse_request").date_due, date(2025, 11, 6)
        )

    def test_request_not_before_plan(self):
        case = self._case(date(2025, 10, 31))
        with self.assertRaises(UserError):
            case.action_request_mse(request_date=date(2025, 10, 30))
        self.assertEqual(case.state, "new")
        self.assertFalse(case.mse_request_id)
        self.assertFalse(
            self.env["mgp.mse.request"].search(
                [("res_model", "=", case._name), ("res_id", "=", case.id)]
            )
        )

    def test_decision_term_runs_from_the_receipt_of_the_answer(self):
        """«со дня их получения» (seed 000): the answer dated 10.11 reached
        the centre on 13.11; the decision is due the next working day after
        the receipt, and not before it."""
        case = self._mse_case()
        request = case.mse_request_id.with_user(self.specialist)
        request.action_send(
            date_sent=date(2025, 11, 1), date_received=date(2025, 11, 5)
        )
        with self.assertRaises(ValidationError):  # received before its date
            request.action_register_answer(
                "needed", date(2025, 11, 10), date(2025, 11, 7)
            )
        request.action_register_answer("needed", date(2025, 11, 10), date(2025, 11, 13))
        self.assertEqual(request.date_answer, date(2025, 11, 10))
        self.assertEqual(request.date_answer_received, date(2025, 11, 13))
        # the bureau's own term is met by the answer's date
        self.assertEqual(
            self._deadline(case, "s1_mse_answer").date_done, date(2025, 11, 10)
        )
        decision = self._deadline(case, "s1_need_decision_mse")
        self.assertEqual(decision.date_start, date(2025, 11, 13))
        self.assertEqual(decision.date_due, date(2025, 11, 14))
        with self.assertRaises(ValidationError):  # before the receipt
            case.action_decide_need(True, date(2025, 11, 12))
        case.action_decide_need(True, date(2025, 11, 14))
        self.assertFalse(decision.is_late)
