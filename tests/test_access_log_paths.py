# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The access journal on the read paths across the suite: a printed form
(the certificate, which prints the СНИЛС), the citizen's portal and the
external API, each journaled with its path, its user and its case."""

import base64
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.mgp_accompaniment.tests.common import AccompanimentCommon


@tagged("post_install", "-at_install")
class TestAccessLogPaths(HttpCase, AccompanimentCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # as served without a replica (see mgp_base/tests/test_access_log.py)
        cls.set_registry_readonly_mode(False)
        cls.citizen = new_test_user(
            cls.env,
            login="mgp_journal_citizen",
            groups="base.group_portal",
            partner_id=cls.person.id,
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
        )
        for user in (cls.specialist, cls.citizen):
            user.password = f"{user.login}-pass1"

    def setUp(self):
        super().setUp()
        self.case = self._active_case(date(2025, 11, 5), date(2025, 11, 7))

    def _entries(self, user, path):
        self.env.cr.flush()
        return self.env["mgp.access.log"].search(
            [
                ("partner_id", "=", self.person.id),
                ("user_id", "=", user.id),
                ("path", "=", path),
            ]
        )

    def test_printed_form_is_journaled(self):
        self.authenticate(self.specialist.login, f"{self.specialist.login}-pass1")
        response = self.url_open(
            f"/report/html/mgp_reports.report_certificate/{self.case.id}"
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.person.mgp_snils, response.text)
        entry = self._entries(self.specialist, "report")
        self.assertEqual(len(entry), 1)
        self.assertEqual(entry.field_names, "mgp_reports.report_certificate")
        self.assertEqual(
            (entry.res_model, entry.res_id), (self.case._name, self.case.id)
        )

    def test_portal_certificate_is_journaled(self):
        self.authenticate(self.citizen.login, f"{self.citizen.login}-pass1")
        response = self.url_open(f"/my/accompaniment/{self.case.id}/certificate/html")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(self._entries(self.citizen, "portal"))

    def test_api_read_is_journaled(self):
        key = (
            self.env["res.users.apikeys"]
            .with_user(self.specialist)
            ._generate(None, "journal", fields.Datetime.now() + relativedelta(hours=2))
        )
        response = self.url_open(
            "/json/2/res.partner/read",
            json={"ids": self.person.ids, "fields": ["mgp_snils"]},
            headers={"Authorization": f"Bearer {key}"},
        )
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(response.json()[0]["mgp_snils"], self.person.mgp_snils)
        self.assertTrue(self._entries(self.specialist, "api"))

    def test_case_form_is_journaled_with_its_case(self):
        """The person's ИПРА data shown on his case are journaled with the
        case."""
        self.authenticate(self.specialist.login, f"{self.specialist.login}-pass1")
        response = self.url_open(
            f"/web/dataset/call_kw/{self.case._name}/web_read",
            json={
                "jsonrpc": "2.0",
                "method": "call",
                "id": 1,
                "params": {
                    "model": self.case._name,
                    "method": "web_read",
                    "args": [self.case.ids],
                    "kwargs": {"specification": {"person_disability_group": {}}},
                },
            },
        )
        self.assertEqual(response.json()["result"][0]["person_disability_group"], "2")
        entry = self._entries(self.specialist, "form").filtered(
            lambda e: e.res_model == self.case._name
        )
        self.assertEqual(entry.res_id, self.case.id)
        self.assertIn("mgp_disability_group", entry.field_names)

    def test_medical_document_is_journaled(self):
        """The IPRA extract of the case: reading its file and downloading it
        are journaled with the document's code (152-ФЗ ст. 10, 19)."""
        line = self.case.mgp_document_line_ids.filtered(
            lambda line: line.type_id.code == "ipra"
        )
        self.assertTrue(line.type_id.medical)
        # the specialist files the scan of the extract
        line.with_user(self.specialist).write(
            {"file": base64.b64encode(b"%PDF-1.4 ipra"), "file_name": "ipra.pdf"}
        )
        self.assertTrue(line.attachment_id)
        self.env["mgp.access.log"].flush_model()
        before = self._entries(self.specialist, "download")
        self.authenticate(self.specialist.login, f"{self.specialist.login}-pass1")
        response = self.url_open(f"/web/content/{line.attachment_id.id}?download=1")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, b"%PDF-1.4 ipra")
        entry = self._entries(self.specialist, "download") - before
        self.assertEqual(len(entry), 1)
        self.assertEqual(entry.field_names, "document:ipra")
        self.assertEqual(
            (entry.res_model, entry.res_id), (self.case._name, self.case.id)
        )
        # read through the ORM (the form's binary field) journals too
        line.with_user(self.specialist).read(["file"])
        self.env.cr.flush()
        reads = self.env["mgp.access.log"].search(
            [
                ("user_id", "=", self.specialist.id),
                ("field_names", "=", "document:ipra"),
                ("path", "=", "server"),
            ]
        )
        self.assertTrue(reads)
        # the identity document is not health data: nothing journaled
        identity = self.case.mgp_document_line_ids - line
        self.assertFalse(identity.type_id.filtered("medical"))
