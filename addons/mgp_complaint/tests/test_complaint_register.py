# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A registered complaint is a record of the register (issue 18 §3): its
text and addressing stay, nobody it concerns decides it, it concerns a
record of its own centre."""

from datetime import date

from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, JsonRpcException, tagged
from odoo.tools import mute_logger

from .common import ComplaintCommon

MODEL = "mgp.complaint"


@tagged("post_install", "-at_install")
class TestComplaintRegister(HttpCase, ComplaintCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager_2 = cls._new_user("mgp_cmp_manager_2", "group_manager", cls.company)

    def _rpc(self, method, args, kwargs=None, model=MODEL):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def _refused(self, method, args, kwargs=None, model=MODEL):
        with mute_logger("odoo.http"), self.assertRaises(JsonRpcException):
            self._rpc(method, args, kwargs, model=model)

    def _login(self, user):
        self.authenticate(user.login, user.login)

    def test_registered_complaint_not_rewritten(self):
        complaint = self._registered(date(2025, 11, 3))
        other_case = self._case(date(2025, 10, 31), partner_id=self.person_2.id)
        forgeries = {
            "description": "Жалоба отозвана, претензий нет.",
            "subject": "other",
            "partner_id": self.person_2.id,
            "res_id": other_case.id,
            "addressed_to": "ministry",
            "channel": "email",
            "complainant_type": "employer",
        }
        for user in (self.specialist, self.manager):
            self._login(user)
            for name, value in forgeries.items():
                with self.subTest(user=user.login, field=name):
                    self._refused("write", [complaint.ids, {name: value}])
        complaint.invalidate_recordset()
        self.assertEqual(complaint.description, "Нарушен срок принятия решения.")
        self.assertEqual(complaint.partner_id, self.person)
        self.assertEqual(complaint.addressed_to, "centre")
        # the handling is still assigned
        self._rpc("write", [complaint.ids, {"reviewer_id": self.manager.id}])
        self.assertEqual(complaint.reviewer_id, self.manager)

    def test_draft_complaint_still_edited(self):
        complaint = self._complaint()
        self._login(self.specialist)
        self._rpc("write", [complaint.ids, {"description": "Уточнённый текст."}])
        self.assertEqual(complaint.description, "Уточнённый текст.")

    def test_ministry_complaint_not_readdressed(self):
        complaint = self._registered(
            date(2025, 11, 3), addressed_to="ministry", channel="ministry"
        )
        self._login(self.manager)
        self._refused("write", [complaint.ids, {"addressed_to": "centre"}])
        self._refused(
            "action_decide", [complaint.ids, "rejected", "Нарушений нет."], {}
        )
        complaint.invalidate_recordset()
        self.assertEqual(complaint.state, "registered")
        self.assertEqual(complaint.addressed_to, "ministry")
        # nor filed so from the start
        with self.assertRaises(ValidationError):
            self._complaint(addressed_to="centre", channel="ministry")

    def test_conflict_of_interest(self):
        """The head who approved the order of the case does not decide a
        complaint about it; the specialist of the case neither."""
        case = self._active_case(date(2025, 11, 5), date(2025, 11, 10))
        self.assertEqual(case.order_approver_id, self.manager)
        complaint = self._registered(date(2025, 11, 11), case=case)
        self._login(self.manager)
        self._refused("action_decide", [complaint.ids, "rejected", "Нарушений нет."])
        wizard = self._rpc(
            "create",
            [
                {
                    "complaint_id": complaint.id,
                    "decision": "rejected",
                    "decision_date": "2025-11-12",
                    "reasons": "Нарушений нет.",
                }
            ],
            model="mgp.complaint.decision.wizard",
        )
        self._refused(
            "action_confirm", [[wizard]], model="mgp.complaint.decision.wizard"
        )
        complaint.invalidate_recordset()
        self.assertEqual(complaint.state, "registered")
        # the specialist of the case, made a head, neither
        self.specialist.group_ids = [(4, self.env.ref("mgp_base.group_manager").id)]
        self._login(self.specialist)
        self._refused("action_decide", [complaint.ids, "rejected", "Нарушений нет."])
        # another head decides
        self._login(self.manager_2)
        self._rpc(
            "action_decide",
            [complaint.ids, "rejected", "Нарушений нет."],
            {"decision_date": "2025-11-12"},
        )
        self.assertEqual(complaint.state, "decided")
        self.assertEqual(complaint.decided_by_id, self.manager_2)

    def test_other_centre_case_refused(self):
        case = self._case(date(2025, 10, 31))
        self._login(self.specialist_other)
        self._refused(
            "create",
            [
                {
                    "partner_id": self.person.id,
                    "res_model": case._name,
                    "res_id": case.id,
                    "subject": "service_delay",
                    "description": "Чужое дело.",
                }
            ],
        )
        self.assertFalse(
            self.Complaint.sudo().search(
                [("res_model", "=", case._name), ("res_id", "=", case.id)]
            )
        )
        self.assertNotIn(
            "Жалоба", " ".join(case.sudo().message_ids.mapped("body") or [""])
        )
