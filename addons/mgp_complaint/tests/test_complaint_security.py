# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, JsonRpcException, new_test_user, tagged
from odoo.tools import mute_logger

from .common import ComplaintCommon


class TestComplaintProtected(ComplaintCommon):
    def test_protected_on_create(self):
        for vals in (
            {"state": "answered"},
            {"decision": "upheld"},
            {"date_registered": date(2025, 1, 1)},
            {"name": "Ж-0001"},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                self._complaint(**vals)

    def test_protected_on_write_even_for_manager(self):
        complaint = self._registered(date(2025, 11, 3))
        for user in (self.specialist, self.manager, self.admin):
            for vals in (
                {"state": "answered"},
                {"decision": "upheld", "decision_reasons": "Да"},
                {"answer_date": date(2025, 11, 4)},
            ):
                with self.subTest(user=user.login, vals=vals):
                    with self.assertRaises(UserError):
                        complaint.with_user(user).write(vals)
        self.assertEqual(complaint.state, "registered")
        self.assertFalse(complaint.decision)

    def test_other_centre_invisible(self):
        complaint = self._registered(date(2025, 11, 3))
        self.assertNotIn(
            complaint, self.Complaint.with_user(self.manager_other).search([])
        )
        with self.assertRaises(AccessError):
            complaint.with_user(self.manager_other).read(["name"])

    def test_registered_complaint_not_deleted(self):
        complaint = self._registered(date(2025, 11, 3))
        with self.assertRaises(UserError):
            complaint.with_user(self.manager).unlink()


@tagged("post_install", "-at_install")
class TestComplaintJsonRpc(HttpCase, ComplaintCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.citizen = new_test_user(
            cls.env,
            login="mgp_cmp_citizen",
            password="mgp_cmp_citizen_pwd1",
            groups="base.group_portal",
            partner_id=cls.person.id,
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
        )

    def _call(self, method, args, kwargs=None):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/mgp.complaint/{method}",
            {
                "model": "mgp.complaint",
                "method": method,
                "args": args,
                "kwargs": kwargs or {},
            },
        )

    def test_staff_cannot_set_protected_fields(self):
        complaint = self._registered(date(2025, 11, 3))
        self.authenticate(self.manager.login, self.manager.login)
        for vals in ({"state": "answered"}, {"decision": "upheld"}):
            with self.subTest(vals=vals):
                with mute_logger("odoo.http"), self.assertRaises(JsonRpcException):
                    self._call("write", [[complaint.id], vals])
        # the context carries no grant
        with mute_logger("odoo.http"), self.assertRaises(JsonRpcException):
            self._call(
                "write",
                [[complaint.id], {"state": "answered"}],
                {"context": {"mgp_engine": True, "default_state": "answered"}},
            )
        with mute_logger("odoo.http"), self.assertRaises(JsonRpcException):
            self._call(
                "create",
                [
                    {
                        "partner_id": self.person.id,
                        "subject": "other",
                        "description": "x",
                        "decision": "upheld",
                    }
                ],
            )
        complaint.invalidate_recordset()
        self.assertEqual(complaint.state, "registered")
        self.assertFalse(complaint.decision)

    def test_portal_cannot_write_or_create(self):
        complaint = self._registered(date(2025, 11, 3))
        self.authenticate(self.citizen.login, "mgp_cmp_citizen_pwd1")
        result = self._call("read", [[complaint.id], ["name", "state"]])
        self.assertEqual(result[0]["state"], "registered")
        with mute_logger("odoo.http"), self.assertRaises(JsonRpcException):
            self._call("write", [[complaint.id], {"state": "answered"}])
        with mute_logger("odoo.http"), self.assertRaises(JsonRpcException):
            self._call("write", [[complaint.id], {"description": "изменено"}])
        with mute_logger("odoo.http"), self.assertRaises(JsonRpcException):
            self._call(
                "create",
                [
                    {
                        "partner_id": self.person.id,
                        "subject": "other",
                        "description": "x",
                    }
                ],
            )
        with mute_logger("odoo.http"), self.assertRaises(JsonRpcException):
            self._call("action_decide", [[complaint.id], "upheld", "Да", "other"])
        complaint.invalidate_recordset()
        self.assertEqual(complaint.state, "registered")


class TestComplaintConcerns(ComplaintCommon):
    def test_only_suite_records(self):
        with self.assertRaises(ValidationError):
            self._complaint(res_model="res.users", res_id=self.specialist.id)
