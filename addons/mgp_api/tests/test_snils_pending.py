# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.mgp_base.models.res_partner import snils_checksum
from odoo.addons.mgp_base.tests.common import MgpCommon


def make_snils(nine):
    return f"{nine[:3]}-{nine[3:6]}-{nine[6:9]} {snils_checksum(nine):02d}"


@tagged("post_install", "-at_install")
class TestSnilsPendingMatch(HttpCase, MgpCommon):
    """Creating a person answers nothing about whether a СНИЛС is
    registered elsewhere (no oracle): a СНИЛС of a person the user may not
    read is accepted on a new person flagged a possible duplicate, which
    a regional administrator who reads both sees and merges."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        companies = cls.company | cls.company_other
        cls.region_admin = new_test_user(
            cls.env,
            login="mgp_region_admin",
            groups="mgp_base.group_admin",
            company_id=cls.company.id,
            company_ids=[(6, 0, companies.ids)],
        )

    def _rpc(self, model, method, args, kwargs=None):
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
        answer = response.json()
        answer.pop("id", None)
        return answer

    def _shape(self, value):
        """The answer with its values replaced by their types."""
        if isinstance(value, dict):
            return {key: self._shape(item) for key, item in value.items()}
        if isinstance(value, list):
            return [self._shape(item) for item in value[:1]]
        return type(value).__name__

    def _create_as_other_centre(self, snils, name):
        spec = {
            "display_name": {},
            "mgp_snils": {},
            "mgp_duplicate_ids": {"fields": {"display_name": {}}},
        }
        return self._rpc(
            "res.partner",
            "web_save",
            [[], {"name": name, "is_company": False, "mgp_snils": snils}],
            {"specification": spec},
        )

    def test_same_answer_whether_the_snils_exists(self):
        self.authenticate(self.specialist_other.login, self.specialist_other.login)
        taken = self._create_as_other_centre(self.person.mgp_snils, "Иванов Иван")
        fresh = self._create_as_other_centre(make_snils("234567891"), "Петров Пётр")
        self.assertNotIn("error", taken, taken.get("error"))
        self.assertEqual(self._shape(taken), self._shape(fresh))
        for answer in (taken, fresh):
            self.assertEqual(answer["result"][0]["mgp_duplicate_ids"], [])
        # the flag itself is not his to read (an access error for both)
        answers = [
            self._rpc(
                "res.partner",
                "read",
                [[answer["result"][0]["id"]]],
                {"fields": ["mgp_snils_pending"]},
            )
            for answer in (taken, fresh)
        ]
        self.assertIn("error", answers[0])
        self.assertEqual(
            answers[0]["error"]["data"]["message"],
            answers[1]["error"]["data"]["message"],
        )
        # the same on a write of the СНИЛС of an existing person of his own
        own = self._create_as_other_centre(False, "Сидоров Сидор")["result"][0]["id"]
        answer = self._rpc(
            "res.partner", "write", [[own], {"mgp_snils": self.person.mgp_snils}]
        )
        self.assertEqual(answer.get("result"), True, answer.get("error"))
        self.logout()

        duplicate = self.env["res.partner"].browse(taken["result"][0]["id"])
        second = self.env["res.partner"].browse(own)
        self.assertTrue(duplicate.mgp_snils_pending)
        self.assertTrue(second.mgp_snils_pending)
        self.assertFalse(
            self.env["res.partner"].browse(fresh["result"][0]["id"]).mgp_snils_pending
        )
        self.assertFalse(self.person.mgp_snils_pending)

        # the regional administrator sees the pending matches and merges them
        self.authenticate(self.region_admin.login, self.region_admin.login)
        answer = self._rpc(
            "res.partner",
            "search_read",
            [[("mgp_snils_pending", "=", True)]],
            {"fields": ["mgp_duplicate_ids"]},
        )
        rows = {row["id"]: row for row in answer["result"]}
        self.assertEqual(set(rows), {duplicate.id, second.id})
        self.assertIn(self.person.id, rows[duplicate.id]["mgp_duplicate_ids"])
        for pending in (duplicate, second):
            wizard = self._rpc(
                "mgp.person.merge",
                "create",
                [{"partner_id": self.person.id, "duplicate_id": pending.id}],
            )
            answer = self._rpc("mgp.person.merge", "action_merge", [[wizard["result"]]])
            self.assertNotIn("error", answer, answer.get("error"))
        self.assertFalse((duplicate | second).exists())
        self.assertEqual(self.person.mgp_snils, "112-233-445 95")
        self.assertFalse(self.person.mgp_snils_pending)

    def test_who_reads_the_other_person_is_told(self):
        # the regional administrator may read the person: refused by name
        with self.assertRaisesRegex(ValidationError, self.person.name):
            self.env["res.partner"].with_user(self.region_admin).create(
                {"name": "Дубль", "mgp_snils": self.person.mgp_snils}
            )
        # the database's uniqueness holds among the persons not pending
        with self.assertRaises(ValidationError):
            self.env["res.partner"].create(
                {"name": "Дубль", "mgp_snils": self.person.mgp_snils}
            )
        # the flag is the server's: a client cannot set or clear it
        partner = (
            self.env["res.partner"]
            .with_user(self.region_admin)
            .create({"name": "Новый", "mgp_snils_pending": True})
        )
        self.assertFalse(partner.mgp_snils_pending)
