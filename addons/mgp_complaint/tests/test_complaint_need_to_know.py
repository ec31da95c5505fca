# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
from datetime import date

from odoo.tests import HttpCase, new_test_user, tagged

from .common import ComplaintCommon


@tagged("post_install", "-at_install")
class TestComplaintNeedToKnow(HttpCase, ComplaintCommon):
    """Complaints, their answers and the corrections are read on a need to
    know (models/mgp_complaint_need_to_know.py), probed over JSON-RPC as
    the real users: a second specialist of the same centre reads nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reviewer = cls._new_user("mgp_reviewer", "group_specialist", cls.company)
        # a specialist of the centre with no part in the case or complaint
        cls.bystander = cls._new_user("mgp_bystander", "group_specialist", cls.company)

    def setUp(self):
        super().setUp()
        # the case of ``specialist``: the specialist the complaints concern
        self.case = self._active_case(date(2025, 10, 31), date(2025, 11, 5))
        self.complaint = self._complaint(
            case=self.case, user=self.manager, reviewer_id=self.reviewer.id
        )
        self.complaint.action_register(date(2025, 11, 6))
        self.complaint.attachment_ids = self.env["ir.attachment"].create(
            {
                "name": "справка.pdf",
                "datas": base64.b64encode(b"%PDF-1.4 test"),
                "res_model": "mgp.complaint",
                "res_id": self.complaint.id,
            }
        )
        # the manager approved the case's order: the administrator decides
        self.complaint.with_user(self.admin).action_decide(
            "rejected",
            "Срок соблюдён: решение принято вовремя.",
            decision_date=date(2025, 11, 7),
        )
        self.complaint.with_user(self.reviewer).action_send_answer(date(2025, 11, 10))
        # an employer's complaint about the same case
        self.employer_complaint = self._complaint(
            case=self.case,
            user=self.manager,
            partner_id=self.employer.id,
            complainant_type="employer",
            reviewer_id=self.reviewer.id,
        )
        self.correction = (
            self.env["mgp.document.correction"]
            .with_user(self.manager)
            .create(
                {
                    "partner_id": self.person.id,
                    "res_model": self.case._name,
                    "res_id": self.case.id,
                    "description": "Опечатка в фамилии.",
                    "new_name": "Тестов Тест Тестович",
                }
            )
        )

    def _rpc(self, user, model, method, args, kwargs=None):
        self.authenticate(user.login, user.login)
        response = self.url_open(
            f"/web/dataset/call_kw/{model}/{method}",
            json={
                "jsonrpc": "2.0",
                "method": "call",
                "id": 1,
                "params": {
                    "model": model,
                    "method": method,
                    "args": args,
                    "kwargs": kwargs or {},
                },
            },
        )
        self.assertEqual(response.status_code, 200)
        return response.json()

    def _found(self, user, model):
        answer = self._rpc(user, model, "search_read", [[]], {"fields": ["name"]})
        return {row["id"] for row in answer["result"]}

    def test_second_specialist_reads_nothing(self):
        self.assertNotIn(self.bystander, self.complaint.concerned_user_ids)
        ids = self.complaint.ids + self.employer_complaint.ids
        self.assertFalse(self._found(self.bystander, "mgp.complaint"))
        self.assertFalse(self._found(self.bystander, "mgp.document.correction"))
        answer = self._rpc(
            self.bystander,
            "mgp.complaint",
            "read",
            [ids],
            {"fields": ["description"]},
        )
        self.assertIn("error", answer)
        answer = self._rpc(
            self.bystander,
            "mgp.complaint",
            "formatted_read_group",
            [[]],
            {"groupby": ["partner_id"], "aggregates": ["__count"]},
        )
        self.assertEqual(answer["result"], [])
        answer = self._rpc(
            self.bystander,
            "mail.message",
            "search_read",
            [[("model", "=", "mgp.complaint"), ("res_id", "in", ids)]],
            {"fields": ["body"]},
        )
        self.assertEqual(answer["result"], [])
        page = self.url_open(
            f"/report/pdf/mgp_complaint.report_complaint_answer/{self.complaint.id}"
        )
        self.assertNotEqual(page.status_code, 200)

    def test_reviewer_and_manager_read_in_full(self):
        for user in (self.reviewer, self.manager):
            self.assertEqual(
                self._found(user, "mgp.complaint"),
                {self.complaint.id, self.employer_complaint.id},
                user.login,
            )
            answer = self._rpc(
                user,
                "mgp.complaint",
                "read",
                [self.complaint.ids],
                {"fields": ["description", "attachment_ids", "decision_reasons"]},
            )
            row = answer["result"][0]
            self.assertTrue(row["attachment_ids"])
            self.assertIn("Срок соблюдён", row["decision_reasons"])
        self.assertIn(
            self.correction.id, self._found(self.manager, "mgp.document.correction")
        )

    def test_concerned_specialist_reads_his_case_only(self):
        user = self.specialist
        self.assertIn(user, self.complaint.concerned_user_ids)
        answer = self._rpc(
            user,
            "mgp.complaint",
            "read",
            [self.complaint.ids + self.employer_complaint.ids],
            {
                "fields": [
                    "subject",
                    "description",
                    "partner_id",
                    "attachment_ids",
                    "decision_reasons",
                    "decision",
                ]
            },
        )
        rows = {row["id"]: row for row in answer["result"]}
        mine = rows[self.complaint.id]
        # the substance, to give his explanations, and the outcome
        self.assertIn("Нарушен срок", mine["description"])
        self.assertEqual(mine["decision"], "rejected")
        # the person of his case, nothing beyond it
        self.assertEqual(mine["partner_id"][0], self.person.id)
        self.assertEqual(mine["attachment_ids"], [])
        self.assertFalse(mine["decision_reasons"])
        self.assertFalse(rows[self.employer_complaint.id]["partner_id"])
        # the answer: neither its messages nor its print
        answer = self._rpc(
            user,
            "mail.message",
            "search_read",
            [[("model", "=", "mgp.complaint"), ("res_id", "=", self.complaint.id)]],
            {"fields": ["body"]},
        )
        self.assertEqual(answer["result"], [])
        page = self.url_open(
            f"/report/pdf/mgp_complaint.report_complaint_answer/{self.complaint.id}"
        )
        self.assertNotEqual(page.status_code, 200)
        # the correction of his case's certificate is his to reissue
        self.assertIn(self.correction.id, self._found(user, "mgp.document.correction"))

    def test_complainant_reads_his_own_in_the_portal(self):
        new_test_user(
            self.env,
            login="mgp_ntk_citizen",
            password="mgp_ntk_citizen_pwd1",
            groups="base.group_portal",
            partner_id=self.person.id,
            company_id=self.company.id,
            company_ids=[(6, 0, self.company.ids)],
        )
        self.authenticate("mgp_ntk_citizen", "mgp_ntk_citizen_pwd1")
        page = self.url_open(f"/my/complaint/{self.complaint.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.complaint.name, page.text)
        page = self.url_open(f"/my/complaint/{self.employer_complaint.id}")
        self.assertNotEqual(page.status_code, 200)
