# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Registers are kept (issue 18 §3): issued, numbered and counted records
are deleted by nobody over JSON-RPC — a manager, a regional administrator,
an administrator of the system — and are archived with a reason instead."""

from datetime import date

from odoo.tests import HttpCase, JsonRpcException, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.mgp_workplace_plan.tests.common import WorkplaceCommon


class RpcMixin:
    def _rpc(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def _refused(self, model, method, args, kwargs=None):
        with mute_logger("odoo.http"), self.assertRaises(JsonRpcException):
            self._rpc(model, method, args, kwargs)


@tagged("post_install", "-at_install")
class TestRegistersKept(RpcMixin, HttpCase, WorkplaceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sysadmin = new_test_user(
            cls.env,
            login="mgp_reg_sysadmin",
            groups="base.group_system,mgp_base.group_admin",
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
        )

    def setUp(self):
        super().setUp()
        # a case with an approved order and a certificate
        self.case = self._active_case(date(2025, 11, 5), date(2025, 11, 10))
        self.plan = self._sent_plan()
        self.contract = self._new_contract(self.ngo_a, number="Д-Р")
        request = (
            self.env["mgp.mse.request"]
            .with_user(self.specialist)
            .create({"partner_id": self.person_2.id, "company_id": self.company.id})
        )
        request.action_send(date(2025, 11, 3))
        request.action_register_answer("needed", date(2025, 11, 5))
        self.request = request
        self.deadline = self.case.deadline_ids[:1]
        self.complaint = (
            self.env["mgp.complaint"]
            .with_user(self.specialist)
            .create(
                {
                    "partner_id": self.person.id,
                    "company_id": self.company.id,
                    "res_model": self.case._name,
                    "res_id": self.case.id,
                    "subject": "service_delay",
                    "description": "Нарушен срок.",
                }
            )
        )
        self.complaint.action_register(date(2025, 11, 11))
        self.correction = (
            self.env["mgp.document.correction"]
            .with_user(self.specialist)
            .create(
                {
                    "partner_id": self.person.id,
                    "res_id": self.case.id,
                    "description": "Опечатка в отчестве.",
                    "new_name": "Тестов Тест Тестовичъ",
                }
            )
        )
        self.kept = {
            "mgp.accompaniment": self.case,
            "mgp.workplace.plan": self.plan,
            "mgp.ngo.contract": self.contract,
            "mgp.mse.request": self.request,
            "mgp.deadline": self.deadline,
            "mgp.complaint": self.complaint,
            "mgp.document.correction": self.correction,
            "res.partner": self.ngo_a,
        }

    def _check_nothing_deleted(self, user):
        self.authenticate(user.login, user.login)
        for model, record in self.kept.items():
            with self.subTest(user=user.login, model=model):
                self.assertTrue(record.ids)
                self._refused(model, "unlink", [record.ids])
                self.assertTrue(record.exists(), f"{user.login} deleted {model}")

    def test_manager_deletes_nothing(self):
        self._check_nothing_deleted(self.manager)

    def test_regional_admin_deletes_nothing(self):
        self._check_nothing_deleted(self.admin)

    def test_system_admin_deletes_nothing(self):
        self._check_nothing_deleted(self.sysadmin)

    def test_superuser_deletes_nothing(self):
        for model, record in self.kept.items():
            with self.subTest(model=model):
                with self.assertRaises(Exception):  # noqa: B017 — UserError
                    record.sudo().unlink()
                self.assertTrue(record.exists())

    def test_draft_records_still_deleted(self):
        """What is not yet a record of the register goes as before."""
        case = self._case(date(2025, 11, 5), partner_id=self.person_2.id)
        deadlines = case.deadline_ids
        self.assertTrue(deadlines)
        self.authenticate(self.manager.login, self.manager.login)
        self.assertTrue(self._rpc("mgp.accompaniment", "unlink", [case.ids]))
        self.assertFalse(case.exists())
        self.assertFalse(deadlines.exists(), "the bookkeeping goes with the case")

    def test_archive_with_reason(self):
        self.authenticate(self.manager.login, self.manager.login)
        # no reason, no archiving; the marks are not written by hand
        self._refused("mgp.ngo.contract", "action_mgp_archive", [self.contract.ids, ""])
        self._refused(
            "mgp.ngo.contract",
            "write",
            [self.contract.ids, {"mgp_archived": True, "mgp_archive_reason": "x"}],
        )
        wizard = self._rpc(
            "mgp.register.archive.wizard",
            "create",
            [{"reason": "Договор расторгнут по соглашению сторон"}],
            {
                "context": {
                    "active_model": "mgp.ngo.contract",
                    "active_id": self.contract.id,
                }
            },
        )
        self._rpc("mgp.register.archive.wizard", "action_confirm", [[wizard]])
        self.contract.invalidate_recordset()
        self.assertTrue(self.contract.mgp_archived)
        self.assertEqual(self.contract.mgp_archived_by_id, self.manager)
        self.assertEqual(self.contract.state, "active")
        # archived, it covers no new assignment; still never deleted
        self.assertFalse(self.contract._mgp_covers(self.activities[:1]))
        self._refused("mgp.ngo.contract", "unlink", [self.contract.ids])
        self.assertTrue(self.contract.exists())

    def test_specialist_does_not_archive(self):
        self.authenticate(self.specialist.login, self.specialist.login)
        self._refused("mgp.mse.request", "action_mgp_archive", [self.request.ids, "x"])
        self.assertFalse(self.request.mgp_archived)
