# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import UserError

from odoo.addons.mgp_base.tests.common_documents import provide_documents

from .common import AccompanimentCommon


class TestCertificate(AccompanimentCommon):
    def _assigned_case(self, day):
        case = self._case(day)
        case.action_decide_need(True, day)
        self._assign_employee(case, day)
        return case

    def test_31_march_to_30_september(self):
        case = self._assigned_case(date(2026, 3, 30))
        case.action_issue_certificate(date(2026, 3, 31))
        self.assertEqual(case.state, "active")
        self.assertEqual(case.certificate_date, date(2026, 3, 31))
        self.assertEqual(case.date_end, date(2026, 9, 30))
        self.assertTrue(case.certificate_number)
        self.assertEqual(self._deadline(case, "s1_certificate").state, "done")
        send = self._deadline(case, "s1_certificate_send")
        self.assertEqual(send.state, "open")
        self.assertEqual(send.date_due, date(2026, 4, 1))

    def test_31_august_to_28_february(self):
        case = self._assigned_case(date(2026, 8, 28))
        case.action_issue_certificate(date(2026, 8, 31))
        self.assertEqual(case.date_end, date(2027, 2, 28))

    def test_send_certificate(self):
        case = self._assigned_case(date(2026, 3, 30))
        case.action_issue_certificate(date(2026, 3, 31))
        case.action_send_certificate(date(2026, 4, 1))
        self.assertEqual(case.certificate_sent_date, date(2026, 4, 1))
        send = self._deadline(case, "s1_certificate_send")
        self.assertEqual(send.state, "done")
        self.assertFalse(send.is_late)
        message = case.message_ids.filtered(
            lambda m: m.subject and case.certificate_number in m.subject
        )
        self.assertTrue(message)
        self.assertIn(self.person, message.partner_ids)
        self.assertTrue(
            self.env["mail.mail"]
            .sudo()
            .search([("mail_message_id", "in", message.ids)])
        )

    def test_certificate_numbers_per_centre(self):
        case_1 = self._assigned_case(date(2026, 3, 30))
        case_2 = self._assigned_case(date(2026, 3, 30))
        case_1.action_issue_certificate(date(2026, 3, 31))
        case_2.action_issue_certificate(date(2026, 3, 31))
        self.assertNotEqual(case_1.certificate_number, case_2.certificate_number)

    def test_certificate_refused_before_assignment(self):
        case = self._case(date(2026, 3, 30))
        with self.assertRaises(UserError):
            case.action_issue_certificate(date(2026, 3, 31))
        case.action_decide_need(True, date(2026, 3, 30))
        with self.assertRaises(UserError):  # no order approved yet
            case.action_issue_certificate(date(2026, 3, 31))
        with self.assertRaises(UserError):
            case.action_send_certificate()

    def test_certificate_not_before_order(self):
        case = self._assigned_case(date(2026, 3, 30))
        with self.assertRaises(UserError):
            case.action_issue_certificate(date(2026, 3, 29))

    def test_wizard_issues_and_sends(self):
        case = self._assigned_case(date(2026, 3, 30))
        action = case.action_open_certificate_wizard()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.specialist)
            .with_context(**action["context"])
            .create({"issue_date": date(2026, 3, 31), "send": True})
        )
        wizard.action_confirm()
        self.assertEqual(case.state, "active")
        self.assertTrue(case.certificate_sent_date)
        self.assertEqual(self._deadline(case, "s1_certificate_send").state, "done")

    def test_order_and_certificate_numbers_per_centre(self):
        case_1 = self._assigned_case(date(2026, 3, 30))
        case_2 = self._assigned_case(date(2026, 3, 30))
        # a person of the other centre (one of this centre is taken into its
        # cases only through this centre's sharing of his data)
        person_other = self.env["res.partner"].create(
            {
                "name": "Сидоров Сидор Сидорович",
                "company_id": self.company_other.id,
                "mgp_disability_group": "3",
            }
        )
        other = self.Case.with_user(self.specialist_other).create(
            {
                "partner_id": person_other.id,
                "company_id": self.company_other.id,
                "plan_agreed_date": date(2026, 3, 30),
                "line_ids": [(0, 0, {"activity_id": self.act_1.id})],
            }
        )
        provide_documents(other, user=self.specialist_other, day=date(2026, 3, 30))
        other.action_decide_need(True, date(2026, 3, 30))
        other.action_assign_employee(self.specialist_other, date(2026, 3, 30))
        other.with_user(self.manager_other).action_approve_order(date(2026, 3, 30))
        self.assertTrue(case_1.order_number.endswith("0001"))
        self.assertTrue(case_2.order_number.endswith("0002"))
        # the other centre numbers its orders from 1
        self.assertTrue(other.order_number.endswith("0001"))
        for case in (case_1, case_2, other):
            case.action_issue_certificate(date(2026, 3, 31))
        self.assertTrue(case_1.certificate_number.endswith("00001"))
        self.assertTrue(case_2.certificate_number.endswith("00002"))
        self.assertTrue(other.certificate_number.endswith("00001"))

    def test_send_not_before_issue(self):
        case = self._assigned_case(date(2026, 3, 30))
        case.action_issue_certificate(date(2026, 3, 31))
        with self.assertRaises(UserError):
            case.action_send_certificate(date(2026, 3, 30))
        self.assertFalse(case.certificate_sent_date)
        self.assertEqual(self._deadline(case, "s1_certificate_send").state, "open")

    def test_delivery_recorded(self):
        case = self._assigned_case(date(2026, 3, 30))
        case.action_issue_certificate(date(2026, 3, 31))
        with self.assertRaises(UserError):
            case.action_send_certificate(date(2026, 3, 31), channel="pigeon")
        action = case.with_user(self.specialist).action_hand_over_certificate()
        self.assertEqual(case.certificate_delivery, "in_person")
        self.assertEqual(case.certificate_handed_by_id, self.specialist)
        self.assertTrue(case.certificate_sent_date)
        self.assertEqual(self._deadline(case, "s1_certificate_send").state, "done")
        # the printed certificate comes with it
        self.assertEqual(action["type"], "ir.actions.report")
        self.assertEqual(action["report_name"], "mgp_reports.report_certificate")
        with self.assertRaises(UserError):  # delivered once
            case.action_send_certificate(channel="post")

    def test_delivery_by_portal_is_the_default(self):
        case = self._assigned_case(date(2026, 3, 30))
        case.action_issue_certificate(date(2026, 3, 31))
        case.action_send_certificate(date(2026, 3, 31))
        self.assertEqual(case.certificate_delivery, "portal")
        self.assertFalse(case.certificate_handed_by_id)
