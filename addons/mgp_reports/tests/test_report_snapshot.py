# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Issued documents print what they printed at issue (issue 18 §3):
renaming the person afterwards changes neither his order nor his
certificate; writing the snapshot by hand is refused."""

from datetime import date

from odoo.tests import HttpCase, JsonRpcException, tagged
from odoo.tools import mute_logger

from .common import MgpReportsCommon


@tagged("post_install", "-at_install")
class TestReportSnapshot(HttpCase, MgpReportsCommon):
    def _rpc(self, model, method, args):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": {}},
        )

    def test_renamed_person_keeps_issued_documents(self):
        case = self._create_case(self.activity_talks)
        case.with_user(self.specialist).action_decide_need(True, date(2026, 3, 13))
        case.with_user(self.specialist).action_assign_employee(
            self.specialist_2, date(2026, 3, 13)
        )
        case.with_user(self.manager).action_approve_order(date(2026, 3, 13))
        case.with_user(self.specialist).action_issue_certificate(date(2026, 3, 16))
        # the specialist of the case renames the person afterwards
        self.authenticate(self.specialist.login, self.specialist.login)
        self._rpc(
            "res.partner",
            "write",
            [self.person.ids, {"name": "Петрова Мария Ивановна"}],
        )
        self.assertEqual(self.person.name, "Петрова Мария Ивановна")
        for report in (
            "mgp_reports.action_report_certificate",
            "mgp_reports.action_report_order",
        ):
            with self.subTest(report=report):
                text = self._render_pdf_text(report, case)
                self.assertIn("Иванова Мария Петровна", text)
                self.assertNotIn("Петрова Мария Ивановна", text)
        self.assertIn(
            "СНИЛС: 112-233-445 95",
            self._render_pdf_text("mgp_reports.action_report_certificate", case),
        )
        # the snapshot is the issue's, nobody writes it
        for user in (self.specialist, self.admin):
            self.authenticate(user.login, user.login)
            with mute_logger("odoo.http"), self.assertRaises(JsonRpcException):
                self._rpc(
                    "mgp.accompaniment",
                    "write",
                    [case.ids, {"mgp_print_snapshot": {"certificate": {"name": "X"}}}],
                )
            with mute_logger("odoo.http"), self.assertRaises(JsonRpcException):
                self._rpc(
                    "mgp.accompaniment", "read", [case.ids, ["mgp_print_snapshot"]]
                )

    def test_document_not_yet_issued_prints_current_name(self):
        case = self._create_case(self.activity_talks)
        case.with_user(self.specialist).action_decide_need(True, date(2026, 3, 13))
        case.with_user(self.specialist).action_assign_employee(
            self.specialist_2, date(2026, 3, 13)
        )
        self.person.name = "Петрова Мария Ивановна"
        self.assertIn(
            "Петрова Мария Ивановна",
            self._render_pdf_text("mgp_reports.action_report_order", case),
        )
