# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import AccessError, UserError

from .common import AccompanimentCommon


class TestEnd(AccompanimentCommon):
    def test_expiry_by_cron_twice(self):
        case = self._active_case(date(2025, 3, 31), date(2025, 3, 31))
        still_running = self._active_case(date(2025, 6, 2), date(2025, 6, 2))
        self.assertEqual(case.date_end, date(2025, 9, 30))
        expired = self.Case._cron_expire(today=date(2025, 10, 1))
        self.assertIn(case, expired)
        self.assertNotIn(still_running, expired)
        self.assertEqual(case.state, "expired")
        self.assertEqual(case.date_closed, date(2025, 9, 30))
        self.assertEqual(still_running.state, "active")
        results = case.deadline_ids.filtered(lambda d: d.code == "s1_results")
        self.assertEqual(len(results), 1)
        self.assertEqual(results.date_start, date(2025, 9, 30))
        self.assertEqual(results.date_due, date(2025, 10, 7))
        self.assertEqual(self._deadline(case, "s1_certificate_send").state, "cancelled")
        # the second run changes nothing
        again = self.Case._cron_expire(today=date(2025, 10, 1))
        self.assertNotIn(case, again)
        self.assertEqual(
            len(case.deadline_ids.filtered(lambda d: d.code == "s1_results")), 1
        )

    def test_expiry_by_batches(self):
        """Batches of one case: every case of the day expires, each with
        its results deadline."""
        first = self._active_case(date(2025, 3, 31), date(2025, 3, 31))
        second = self._active_case(
            date(2025, 3, 31), date(2025, 3, 31), partner_id=self.person_2.id
        )
        expired = self.Case._cron_expire(today=date(2025, 10, 1), batch_size=1)
        self.assertIn(first, expired)
        self.assertIn(second, expired)
        for case in first | second:
            self.assertEqual(case.state, "expired")
            results = case.deadline_ids.filtered(lambda d: d.code == "s1_results")
            self.assertEqual(len(results), 1)
            self.assertEqual(results.date_due, date(2025, 10, 7))

    def test_not_expired_on_last_day(self):
        case = self._active_case(date(2025, 3, 31), date(2025, 3, 31))
        self.Case._cron_expire(today=date(2025, 9, 30))
        self.assertEqual(case.state, "active")

    def test_cron_record(self):
        cron = self.env.ref("mgp_accompaniment.ir_cron_mgp_accompaniment_expire")
        self.assertEqual(cron.interval_type, "days")
        self.assertEqual(cron.code, "model._cron_expire()")
        self.assertEqual(cron.model_id.model, "mgp.accompaniment")
        case = self._active_case(date(2025, 3, 31), date(2025, 3, 31))
        # the cron's user belongs to no test centre: the job sees every centre
        self.Case.with_user(cron.user_id)._cron_expire()
        self.assertEqual(case.state, "expired")

    def test_employment_and_results(self):
        case = self._active_case(date(2025, 11, 5), date(2025, 11, 6))
        case.action_mark_employed(date(2025, 12, 1), self.employer.id)
        self.assertEqual(case.state, "employed")
        self.assertEqual(case.employer_id, self.employer)
        self.assertEqual(case.employment_date, date(2025, 12, 1))
        # the hook ran
        self.assertTrue(
            case.message_ids.filtered(
                lambda m: (
                    "employed" in (m.body or "").lower()
                    or "трудоустро" in (m.body or "")
                )
            )
        )
        results = self._deadline(case, "s1_results")
        self.assertEqual(results.state, "open")
        self.assertEqual(results.date_due, date(2025, 12, 8))
        first, *others = case.line_ids.with_user(self.specialist_2)
        # only the performer (the accompanying employee) records a result
        with self.assertRaises(AccessError):
            first.with_user(self.specialist).write({"result": "Чужой итог"})
        first.write({"date_done": date(2025, 11, 20), "result": "Проведены переговоры"})
        self.assertEqual(results.state, "open")
        for line in others:
            line.write({"date_done": date(2025, 11, 21), "result": "Выполнено"})
        self.assertEqual(results.state, "done")
        self.assertTrue(case.results_complete)
        with self.assertRaises(UserError):  # closed case: no new activity
            case.write({"line_ids": [(0, 0, {"activity_id": self.act_1.id})]})

    def test_employment_needs_a_positive_decision(self):
        case = self._case(date(2025, 11, 5))
        with self.assertRaises(UserError):  # no need decision yet
            case.action_mark_employed(date(2025, 12, 1), self.employer.id)
        case = self._active_case(date(2025, 11, 5), date(2025, 11, 6))
        with self.assertRaises(UserError):  # before the certificate it runs on
            case.action_mark_employed(date(2025, 11, 1), self.employer.id)
        with self.assertRaises(UserError):  # in the future
            case.action_mark_employed(date(2099, 1, 1), self.employer.id)
        self.assertFalse(case.employment_date)

    def test_employment_before_certificate_ends_the_service(self):
        case = self._case(date(2025, 11, 5))
        case.action_decide_need(True, date(2025, 11, 5))
        case.action_mark_employed(date(2025, 11, 10), self.employer.id)
        self.assertEqual(case.state, "employed")
        self.assertEqual(case.employment_date, date(2025, 11, 10))
        self.assertFalse(case.deadline_ids.filtered(lambda d: d.state == "open"))
        # no certificate: no results to report
        self.assertFalse(self._deadline(case, "s1_results"))

    def test_terminate(self):
        case = self._active_case(date(2025, 11, 5), date(2025, 11, 6))
        with self.assertRaises(UserError):
            case.action_terminate("bored")
        case.action_terminate("withdrawn", "Заявление гражданина")
        self.assertEqual(case.state, "terminated")
        self.assertEqual(case.termination_reason_id.code, "withdrawn")
        self.assertEqual(case.termination_note, "Заявление гражданина")
        # only the results of what was done remain due
        self.assertEqual(
            case.deadline_ids.filtered(lambda d: d.state == "open").mapped("code"),
            ["s1_results"],
        )
        self.assertEqual(self._deadline(case, "s1_certificate_send").state, "cancelled")
        self.assertTrue(
            case.message_ids.filtered(
                lambda m: m.subject and "прекращении" in m.subject
            )
        )
        with self.assertRaises(UserError):
            case.action_terminate("other")
        # hired later, within six months of the decision: the fact is
        # recorded (indicator I1), the case stays terminated
        case.action_mark_employed(date(2025, 12, 1), self.employer.id)
        self.assertEqual(case.state, "terminated")
        self.assertEqual(case.employment_date, date(2025, 12, 1))
        with self.assertRaises(UserError):  # once
            case.action_mark_employed(date(2025, 12, 2), self.employer.id)

    def test_terminate_wizard_from_new(self):
        case = self._case(date(2025, 11, 5))
        action = case.action_open_terminate_wizard()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.specialist)
            .with_context(**action["context"])
            .create(
                {
                    "reason_id": self.env.ref(
                        "mgp_accompaniment.termination_reason_deregistered"
                    ).id,
                    "termination_date": date(2025, 11, 6),
                }
            )
        )
        wizard.action_confirm()
        self.assertEqual(case.state, "terminated")
        self.assertEqual(self._deadline(case, "s1_need_decision").state, "cancelled")

    def test_employ_wizard(self):
        case = self._active_case(date(2025, 11, 5), date(2025, 11, 6))
        action = case.action_open_employ_wizard()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.specialist)
            .with_context(**action["context"])
            .create(
                {"employment_date": date(2025, 12, 1), "employer_id": self.employer.id}
            )
        )
        wizard.action_confirm()
        self.assertEqual(case.state, "employed")

    def test_termination_not_before_plan(self):
        case = self._case(date(2025, 11, 5))
        with self.assertRaises(UserError):
            case.action_terminate("withdrawn", termination_date=date(2025, 11, 4))
        self.assertEqual(case.state, "new")
        self.assertEqual(self._deadline(case, "s1_need_decision").state, "open")
        case.action_terminate("withdrawn", termination_date=date(2025, 11, 5))
        self.assertEqual(case.date_closed, date(2025, 11, 5))


class TestResultsAfterTermination(AccompanimentCommon):
    def test_terminated_after_certificate_reports_results(self):
        case = self._active_case(date(2025, 11, 5), date(2025, 11, 6))
        case.action_terminate("withdrawn", "Заявление", date(2025, 11, 20))
        results = self._deadline(case, "s1_results")
        self.assertEqual(results.state, "open")
        self.assertEqual(results.date_start, date(2025, 11, 20))
        for line in case.line_ids.with_user(self.specialist_2):
            line.write({"date_done": date(2025, 11, 18), "result": "Выполнено"})
        self.assertEqual(results.state, "done")

    def test_terminated_before_certificate_reports_nothing(self):
        case = self._case(date(2025, 11, 5))
        case.action_decide_need(True, date(2025, 11, 5))
        case.action_terminate("withdrawn", "Заявление", date(2025, 11, 10))
        self.assertFalse(self._deadline(case, "s1_results"))
