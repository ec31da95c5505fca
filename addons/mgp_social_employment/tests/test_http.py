# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json
from datetime import date

from odoo.tests import HttpCase, tagged

from .common import SocempCommon


@tagged("post_install", "-at_install")
class TestHttp(SocempCommon, HttpCase):
    """The register over JSON-RPC as its real users: the rules hold on the
    path a client takes, whatever context it sends."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.record_a = cls.env["mgp.socemp.record"].create(
            {
                "partner_id": cls.person.id,
                "organisation_id": cls.org_a.id,
                "date_identified": date(2025, 12, 1),
            }
        )

    def _call(self, model, method, args, kwargs=None):
        response = self.url_open(
            "/web/dataset/call_kw",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "params": {
                        "model": model,
                        "method": method,
                        "args": args,
                        "kwargs": kwargs or {},
                    },
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        return response.json()

    def test_other_organisation_refused(self):
        self.authenticate(self.org_b_user.login, self.org_b_user.login)
        result = self._call(
            "mgp.socemp.record", "read", [self.record_a.ids, ["partner_id"]]
        )
        self.assertEqual(result["error"]["data"]["name"], "odoo.exceptions.AccessError")
        result = self._call(
            "mgp.socemp.record", "action_consent", [self.record_a.ids, "2025-12-05"]
        )
        self.assertIn("error", result)
        self.assertFalse(self.record_a.consent_date)

    def test_consent_over_rpc_with_hostile_context(self):
        self.authenticate(self.org_a_user.login, self.org_a_user.login)
        result = self._call(
            "mgp.socemp.record",
            "write",
            [self.record_a.ids, {"state": "receiving"}],
        )
        self.assertEqual(result["error"]["data"]["name"], "odoo.exceptions.UserError")
        result = self._call(
            "mgp.socemp.record",
            "action_consent",
            [self.record_a.ids, "2025-12-05"],
            {
                "context": {
                    "default_state": "receiving",
                    "default_date_start": "2020-01-01",
                }
            },
        )
        self.assertTrue(result.get("result"), result)
        self.assertEqual(self.record_a.state, "consented")
        self.assertFalse(self.record_a.date_start)
        result = self._call(
            "mgp.socemp.record", "action_start", [self.record_a.ids, "2025-12-08"]
        )
        self.assertIn("medical conclusion", result["error"]["data"]["message"])
        self.assertEqual(self.record_a.state, "consented")

    def test_birth_date_masked_over_rpc(self):
        self.authenticate(self.org_b_user.login, self.org_b_user.login)
        result = self._call(
            "res.partner", "read", [self.person.ids, ["name", "mgp_birth_date"]]
        )
        self.assertEqual(result["result"][0]["name"], self.person.name)
        self.assertFalse(result["result"][0]["mgp_birth_date"])
        self.authenticate(self.org_a_user.login, self.org_a_user.login)
        result = self._call(
            "res.partner", "read", [self.person.ids, ["mgp_birth_date"]]
        )
        self.assertEqual(result["result"][0]["mgp_birth_date"], "1990-05-17")
