# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json
from datetime import date

from odoo.tests import HttpCase, new_test_user, tagged

from .common import SocempCommon


@tagged("post_install", "-at_install")
class TestPortal(SocempCommon, HttpCase):
    """An authorised organisation acting through the portal (the issue:
    «as users of their own companies (or through the portal)»): its
    representative reads its register and the requests it has to answer,
    nothing of another organisation's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        contact_a = Partner.create({"name": "ГБУСО «Интернат»", "is_company": True})
        contact_b = Partner.create({"name": "ГБУСО «КЦСОН»", "is_company": True})
        cls.org_a.partner_id = contact_a
        cls.org_b.partner_id = contact_b
        cls.portal_a = cls._portal_user("test_socemp_portal_a", contact_a)
        cls.portal_b = cls._portal_user("test_socemp_portal_b", contact_b)
        cls.portal_none = cls._portal_user(
            "test_socemp_portal_none",
            Partner.create({"name": "ООО «Прочее»", "is_company": True}),
        )
        Record = cls.env["mgp.socemp.record"]
        cls.record_a = Record.create(
            {
                "partner_id": cls.person.id,
                "organisation_id": cls.org_a.id,
                "date_identified": date(2025, 12, 1),
                "medical_date": date(2025, 12, 4),
                "medical_result": "none",
            }
        )
        cls.record_a.action_consent(date(2025, 12, 5))
        cls.record_b = Record.create(
            {
                "partner_id": cls.person_2.id,
                "organisation_id": cls.org_b.id,
                "date_identified": date(2025, 12, 2),
            }
        )
        cls.request = cls.record_a._mgp_request_receive(
            cls.ministry, "Сведения о ходе социальной занятости", date(2025, 12, 30)
        )

    @classmethod
    def _portal_user(cls, login, organisation):
        contact = cls.env["res.partner"].create(
            {"name": f"Представитель {login}", "parent_id": organisation.id}
        )
        return new_test_user(
            cls.env,
            login=login,
            groups="base.group_portal",
            partner_id=contact.id,
            company_id=cls.company_a.id,
            company_ids=[(6, 0, cls.company_a.ids)],
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

    def test_representative_sees_its_register_and_requests(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        response = self.url_open("/my/socemp")
        self.assertEqual(response.status_code, 200)
        page = response.text
        self.assertIn(self.person.name, page)
        self.assertNotIn(self.person_2.name, page)
        self.assertIn("Сведения о ходе социальной занятости", page)
        self.assertIn(self.ministry.name, page)
        # 003:114, 112: 5 and 3 working days of 30.12.2025 across the New
        # Year holidays
        self.assertIn("01/16/2026", page)
        self.assertIn("01/14/2026", page)
        home = self.url_open("/my").text
        self.assertIn('href="/my/socemp"', home)

    def test_other_organisation_sees_nothing_of_it(self):
        self.authenticate(self.portal_b.login, self.portal_b.login)
        page = self.url_open("/my/socemp").text
        self.assertIn(self.person_2.name, page)
        self.assertNotIn(self.person.name, page)
        self.assertNotIn("Сведения о ходе социальной занятости", page)
        result = self._call("mgp.socemp.record", "read", [self.record_a.ids, ["name"]])
        self.assertEqual(result["error"]["data"]["name"], "odoo.exceptions.AccessError")
        found = self._call("mgp.socemp.record", "search_read", [[], ["name"]])
        self.assertEqual([row["id"] for row in found["result"]], self.record_b.ids)
        grouped = self._call(
            "mgp.socemp.record",
            "web_read_group",
            [],
            {"domain": [], "groupby": ["partner_id"], "aggregates": ["__count"]},
        )
        self.assertEqual(
            [group["partner_id"][0] for group in grouped["result"]["groups"]],
            self.person_2.ids,
        )
        # the portal reads the register, never changes it
        result = self._call(
            "mgp.socemp.record", "action_start", [self.record_b.ids, "2025-12-08"]
        )
        self.assertIn("error", result)
        result = self._call(
            "mgp.mse.request",
            "search_read",
            [[("id", "=", self.request.id)], ["subject"]],
        )
        self.assertEqual(result["error"]["data"]["name"], "odoo.exceptions.AccessError")

    def test_not_a_representative_refused(self):
        self.authenticate(self.portal_none.login, self.portal_none.login)
        self.assertEqual(self.url_open("/my/socemp").status_code, 403)
        self.assertNotIn('href="/my/socemp"', self.url_open("/my").text)
