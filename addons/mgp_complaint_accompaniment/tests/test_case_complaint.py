# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A service-1 case gets its complaints and the corrections of its issued
documents (the bridge between mgp_complaint and mgp_accompaniment)."""

from datetime import date

from odoo.tests import HttpCase, JsonRpcException, tagged
from odoo.tools import mute_logger

from odoo.addons.mgp_complaint.tests.common import ComplaintCommon


class TestCaseComplaint(ComplaintCommon):
    def test_smart_button_on_case(self):
        case = self._case(date(2025, 10, 31))
        self._complaint(case=case)
        self._complaint(case=case, subject="other")
        case.invalidate_recordset()
        self.assertEqual(case.with_user(self.specialist).mgp_complaint_count, 2)
        action = case.with_user(self.specialist).action_view_mgp_complaints()
        self.assertEqual(self.Complaint.search_count(action["domain"]), 2)

    def test_staff_starts_certificate_correction(self):
        case = self._active_case(date(2025, 10, 31), date(2025, 11, 5))
        action = case.with_user(self.specialist).action_mgp_request_correction()
        correction = (
            self.env[action["res_model"]]
            .with_user(self.specialist)
            .with_context(**action["context"])
            .create({"description": "Опечатка в СНИЛС.", "new_snils": "112-233-445 95"})
        )
        self.assertEqual(correction.res_id, case.id)
        self.assertEqual(correction.partner_id, self.person)
        self.assertEqual(correction.state, "requested")


@tagged("post_install", "-at_install")
class TestCaseCorrectionRpc(HttpCase, ComplaintCommon):
    def _rpc(self, method, args, kwargs=None, model="mgp.document.correction"):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def _refused(self, method, args, kwargs=None, model="mgp.document.correction"):
        with mute_logger("odoo.http"), self.assertRaises(JsonRpcException):
            self._rpc(method, args, kwargs, model=model)

    def _login(self, user):
        self.authenticate(user.login, user.login)

    def test_correction_with_another_persons_snils(self):
        self.person_2.sudo().mgp_snils = "123-456-789 64"
        case = self._active_case(date(2025, 11, 5), date(2025, 11, 10))
        self._login(self.specialist)
        self._refused(
            "create",
            [
                {
                    "partner_id": self.person.id,
                    "res_id": case.id,
                    "description": "Неверный СНИЛС.",
                    "new_snils": "123-456-789 64",
                }
            ],
            model="mgp.document.correction",
        )
        # his own corrected number is accepted
        correction = self._rpc(
            "create",
            [
                {
                    "partner_id": self.person.id,
                    "res_id": case.id,
                    "description": "Неверный СНИЛС.",
                    "new_snils": "112-233-445 95",
                }
            ],
            model="mgp.document.correction",
        )
        self.assertTrue(correction)
