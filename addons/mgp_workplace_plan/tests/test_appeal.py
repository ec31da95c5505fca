# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import WorkplaceCommon


@tagged("post_install", "-at_install")
class TestAppeal(WorkplaceCommon):
    def test_appeal_opens_the_disability_request(self):
        plan = self._appeal(date(2026, 1, 12))
        self.assertEqual(plan.state, "appealed")
        self.assertEqual(plan.trajectory, "appeal")
        self.assertEqual(plan.partner_id, self.person)  # found by SNILS
        request = plan.disability_request_id
        self.assertEqual(request.request_type, "disability")
        self.assertEqual(request.channel, "smev")
        self.assertEqual((request.res_model, request.res_id), (plan._name, plan.id))
        check = self._deadline(plan, "s2_disability_check")
        self.assertEqual(check.date_due, date(2026, 1, 19))

    def test_new_worker_created_from_snils(self):
        plan = self._appeal(snils="345-678-912 26", worker_name="Новиков Н. Н.")
        self.assertEqual(plan.partner_id.sudo().mgp_snils, "345-678-912 26")
        self.assertEqual(plan.partner_id.name, "Новиков Н. Н.")

    def test_invalid_snils_refused(self):
        count = self.Plan.search_count([])
        with self.assertRaises(ValidationError):
            self._appeal(snils="112-233-445 96")
        self.assertEqual(self.Plan.search_count([]), count)

    def test_disability_not_confirmed_stops_the_service(self):
        plan = self._appeal(date(2026, 1, 12))
        request = plan.disability_request_id.with_user(self.specialist)
        with freeze_time("2026-02-02"):
            request.action_send(date(2026, 1, 12))
            request.action_register_reply(date(2026, 1, 14), disability_confirmed=False)
        self.assertEqual(plan.state, "cancelled")
        self.assertEqual(plan.cancel_reason_id.code, "disability_not_confirmed")
        self.assertEqual(self._deadline(plan, "s2_disability_check").state, "done")
        notice = plan.message_ids.filtered(lambda m: self.employer in m.partner_ids)
        self.assertTrue(notice)
        self.assertIn("инвалидности", notice[0].body)

    def test_request_impossible_stops_the_service(self):
        plan = self._appeal(date(2026, 1, 12))
        request = plan.disability_request_id.with_user(self.specialist)
        with freeze_time("2026-02-02"):
            request.action_send(date(2026, 1, 12))
            request.action_register_impossible("Нет сведений во ФРИ", date(2026, 1, 13))
        self.assertEqual(plan.state, "cancelled")
        self.assertEqual(plan.cancel_reason_id.code, "disability_not_confirmed")

    def test_mse_path_analysis_from_the_answer(self):
        plan = self._appeal(date(2026, 1, 12)).with_user(self.specialist)
        request = plan.disability_request_id.with_user(self.specialist)
        with freeze_time("2026-03-02"):
            request.action_send(date(2026, 1, 12))
            request.action_register_reply(date(2026, 1, 13), disability_confirmed=True)
            self.assertEqual(plan.state, "analysis")
            self.assertTrue(plan.disability_confirmed)
            first = self._deadline(plan, "s2_analysis_appeal")
            self.assertEqual(first.date_due, date(2026, 1, 14))
            mse = plan.action_request_mse()
            self.assertEqual(mse.request_type, "mse")
            self.assertEqual(first.state, "cancelled")
            with self.assertRaises(UserError):
                plan.action_start_draft(date(2026, 1, 14))  # waits for the bureau
            mse.with_user(self.specialist).action_send(date(2026, 1, 14))
            mse.with_user(self.specialist).action_register_answer(
                "needed", date(2026, 2, 20)
            )
            analysis = self._deadline(plan, "s2_analysis_appeal")
            self.assertNotEqual(analysis, first)
            # counted from the bureau's answer (Friday): Monday 23 February
            # is a holiday
            self.assertEqual(analysis.date_start, date(2026, 2, 20))
            self.assertEqual(analysis.date_due, date(2026, 2, 24))
            with self.assertRaises(ValidationError):
                plan.action_start_draft(date(2026, 2, 19))  # before the answer
            plan.action_start_draft(date(2026, 2, 24))
        self.assertEqual(analysis.state, "done")
        self.assertFalse(analysis.is_late)
        self.assertEqual(plan.state, "draft")

    def test_mse_not_needed_refuses_with_a_reasoned_notice(self):
        """«не нуждается» → need decision and refusal, as in service 1
        («Не нуждается → Отказ», seed 000): no draft plan can follow."""
        plan = self._appeal(date(2026, 1, 12)).with_user(self.specialist)
        request = plan.disability_request_id.with_user(self.specialist)
        with freeze_time("2026-03-02"):
            request.action_send(date(2026, 1, 12))
            request.action_register_reply(date(2026, 1, 13), disability_confirmed=True)
            mse = plan.action_request_mse().with_user(self.specialist)
            mse.action_send(date(2026, 1, 14))
            mse.action_register_answer(
                "not_needed", date(2026, 2, 20), date(2026, 2, 24)
            )
            self.assertEqual(plan.state, "cancelled")
            self.assertEqual(plan.cancel_reason_id.code, "mse_not_needed")
            self.assertEqual(
                (plan.need, plan.need_decision_date), ("not_needed", date(2026, 2, 24))
            )
            self.assertFalse(plan.deadline_ids.filtered(lambda d: d.state == "open"))
            with self.assertRaises(UserError):
                plan.action_start_draft(date(2026, 2, 25))
        notice = plan.message_ids.filtered(
            lambda m: self.employer in m.partner_ids and "отказ" in (m.subject or "")
        )
        self.assertEqual(len(notice), 1)
        self.assertIn("не нуждается в сопровождении", notice.body)
        self.assertIn(mse.name, notice.body)

    def test_mse_needed_records_the_decision_from_the_receipt(self):
        plan = self._appeal(date(2026, 1, 12)).with_user(self.specialist)
        request = plan.disability_request_id.with_user(self.specialist)
        with freeze_time("2026-03-02"):
            request.action_send(date(2026, 1, 12))
            request.action_register_reply(date(2026, 1, 13), disability_confirmed=True)
            mse = plan.action_request_mse().with_user(self.specialist)
            mse.action_send(date(2026, 1, 14))
            mse.action_register_answer("needed", date(2026, 2, 19), date(2026, 2, 20))
        self.assertEqual((plan.state, plan.need), ("analysis", "needed"))
        analysis = self._deadline(plan, "s2_analysis_appeal")
        self.assertEqual(analysis.date_start, date(2026, 2, 20))

    def test_staff_register_paper_appeal_with_wizard(self):
        wizard = (
            self.env["mgp.workplace.appeal.wizard"]
            .with_user(self.specialist)
            .create(
                {
                    "company_id": self.company.id,
                    "employer_id": self.employer_2.id,
                    "channel": "post",
                    "appeal_date": date(2026, 1, 12),
                    "worker_name": "Петров Пётр Петрович",
                    "worker_snils": "48128361898",
                }
            )
        )
        action = wizard.action_confirm()
        plan = self.Plan.browse(action["res_id"])
        self.assertEqual(plan.appeal_channel, "post")
        self.assertEqual(plan.worker_snils, "481-283-618 98")
        self.assertEqual(plan.employer_id, self.employer_2)

    def test_cancel_with_reason(self):
        plan = self._appeal().with_user(self.specialist)
        with self.assertRaises(UserError):
            plan.action_cancel("unknown")
        plan.action_cancel("withdrawn", "Письмо работодателя")
        self.assertEqual(plan.state, "cancelled")
        self.assertEqual(plan.cancel_note, "Письмо работодателя")
        self.assertFalse(plan.deadline_ids.filtered(lambda d: d.state == "open"))
