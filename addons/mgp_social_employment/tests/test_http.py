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
        cls.record_b = cls.env["mgp.socemp.record"].create(
            {
                "partner_id": cls.person_2.id,
                "organisation_id": cls.org_b.id,
                "date_identified": date(2025, 12, 2),
            }
        )
        cls.ours = (cls.org_a | cls.org_b).ids

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

    def _login(self, user):
        self.authenticate(user.login, user.login)

    def _records_seen(self):
        result = self._call(
            "mgp.socemp.record",
            "search_read",
            [[("organisation_id", "in", self.ours)], ["partner_id"]],
        )
        return {row["id"] for row in result["result"]}

    def _groups_seen(self):
        result = self._call(
            "mgp.socemp.record",
            "web_read_group",
            [],
            {
                "domain": [("organisation_id", "in", self.ours)],
                "groupby": ["partner_id"],
                "aggregates": ["__count"],
            },
        )
        return {group["partner_id"][0] for group in result["result"]["groups"]}

    def test_need_to_know_per_role_over_rpc(self):
        """search_read and read_group of the register, as each role."""
        expected = {
            self.org_a_user: ({self.record_a.id}, {self.person.id}),
            self.org_b_user: ({self.record_b.id}, {self.person_2.id}),
            self.ministry_user: (
                {self.record_a.id, self.record_b.id},
                {self.person.id, self.person_2.id},
            ),
        }
        for user, (records, persons) in expected.items():
            with self.subTest(user=user.login):
                self._login(user)
                self.assertEqual(self._records_seen(), records)
                self.assertEqual(self._groups_seen(), persons)
        # the centre's specialists: nothing, unless the region shares
        self._login(self.centre_user)
        self.assertEqual(self._records_seen(), set())
        self.assertEqual(self._groups_seen(), set())
        self.region.mgp_socemp_share_centres = True
        self.env.flush_all()
        self._login(self.centre_user)
        self.assertEqual(self._records_seen(), {self.record_a.id, self.record_b.id})

    def test_person_data_search_and_group_over_rpc(self):
        """Another organisation's person: not found by his birth date, not
        grouped nor ordered by it."""
        self._login(self.org_b_user)
        found = self._call(
            "res.partner",
            "search_read",
            [[("mgp_birth_date", "=", "1990-05-17")], ["name"]],
        )["result"]
        self.assertNotIn(self.person.id, [row["id"] for row in found])
        mine = self._call(
            "res.partner",
            "search_read",
            [[("mgp_birth_date", "=", "1985-01-09")], ["name", "mgp_birth_date"]],
        )["result"]
        self.assertEqual([row["id"] for row in mine], self.person_2.ids)
        self.assertEqual(mine[0]["mgp_birth_date"], "1985-01-09")
        grouped = self._call(
            "res.partner",
            "web_read_group",
            [],
            {
                "domain": [("id", "in", (self.person | self.person_2).ids)],
                "groupby": ["mgp_birth_date:day"],
                "aggregates": ["__count"],
            },
        )
        self.assertEqual(
            grouped["error"]["data"]["name"], "odoo.exceptions.AccessError", grouped
        )
        ordered = self._call(
            "mgp.socemp.record",
            "search_read",
            [[], ["name"]],
            {"order": "partner_id.mgp_birth_date"},
        )
        self.assertIn("error", ordered)
        via_record = self._call(
            "mgp.socemp.record",
            "web_read_group",
            [],
            {
                "domain": [],
                "groupby": ["partner_id.mgp_birth_date:year"],
                "aggregates": ["__count"],
            },
        )
        # the rules keep the groups to the organisation's own persons
        years = [
            group["partner_id.mgp_birth_date:year"][1]
            for group in via_record["result"]["groups"]
        ]
        self.assertEqual(years, ["1985"])
        # his own organisation groups its persons by it
        self._login(self.org_a_user)
        grouped = self._call(
            "res.partner",
            "web_read_group",
            [],
            {
                "domain": [("id", "=", self.person.id)],
                "groupby": ["mgp_birth_date:year"],
                "aggregates": ["__count"],
            },
        )
        self.assertEqual(len(grouped["result"]["groups"]), 1, grouped)
