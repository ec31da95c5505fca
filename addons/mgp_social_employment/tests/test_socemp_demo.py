# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json

from odoo.tests import HttpCase, tagged

STATES = {"identified", "informed", "consented", "receiving", "ended"}


@tagged("post_install", "-at_install")
class TestSocempDemo(HttpCase):
    """The demo of issue 21: a ministry, two authorised organisations and
    persons in every state of the register; its users (password = login)
    log in and read, over JSON-RPC, what their role lets them."""

    def _search_read(self, login, fields):
        self.authenticate(login, login)
        response = self.url_open(
            "/web/dataset/call_kw",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "params": {
                        "model": "mgp.socemp.record",
                        "method": "search_read",
                        "args": [[], fields],
                        "kwargs": {},
                    },
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        answer = response.json()
        self.assertNotIn("error", answer, answer)
        return answer["result"]

    def test_demo_region(self):
        ref = self.env.ref
        ministry = ref("mgp_social_employment.demo_participant_ministry")
        internat = ref("mgp_social_employment.demo_participant_internat")
        kcson = ref("mgp_social_employment.demo_participant_kcson")
        self.assertEqual(ministry.kind, "ministry")
        self.assertEqual({internat.kind, kcson.kind}, {"organisation"})
        self.assertNotEqual(internat.company_id, kcson.company_id)
        self.assertTrue(internat.service_ids and kcson.service_ids)
        demo = self.env["mgp.socemp.record"].search(
            [("organisation_id", "in", (internat | kcson).ids)]
        )
        self.assertEqual(set(demo.mapped("state")), STATES)
        self.assertTrue(demo.filtered(lambda r: r.end_reason_id.code == "withdrawn"))
        self.assertTrue(
            demo.filtered(lambda r: r.end_reason_id.code == "contraindication")
        )

        seen = self._search_read("socemp_ministry", ["state", "organisation_id"])
        self.assertLessEqual(set(demo.ids), {row["id"] for row in seen})
        for login, organisation in (
            ("socemp_internat", internat),
            ("socemp_kcson", kcson),
        ):
            rows = self._search_read(login, ["organisation_id"])
            self.assertTrue(rows, login)
            self.assertEqual(
                {row["organisation_id"][0] for row in rows}, {organisation.id}, login
            )
