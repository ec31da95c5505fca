# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import MgpApiCommon, make_snils


@tagged("post_install", "-at_install")
class TestExport(MgpApiCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Case = cls.env["mgp.accompaniment"]

    def _start(self, external_id, number, key=None):
        status, data = self.api(
            "POST",
            "/plan-agreements",
            self.agreement(external_id, snils=make_snils(number)),
            key=key,
        )
        self.assertEqual(status, 201, data)
        return self.Case.browse(data["case"]["id"])

    def test_cases_delta(self):
        """The key sees its centre's cases it may read, paged, oldest change
        first; never another centre's."""
        first = self._start("exp-1", 200300401)
        second = self._start("exp-2", 200300402)
        other = self._start("exp-3", 200300403, key=self.key_other)
        status, page = self.api("GET", "/cases")
        self.assertEqual(status, 200, page)
        ids = [item["id"] for item in page["items"]]
        self.assertIn(first.id, ids)
        self.assertIn(second.id, ids)
        self.assertNotIn(other.id, ids)
        self.assertEqual(page["count"], len(ids))
        item = next(item for item in page["items"] if item["id"] == first.id)
        self.assertEqual(item["number"], first.name)
        self.assertEqual(item["state"], "new")
        self.assertEqual(item["centre"], self.company.name)
        self.assertEqual(item["plan_number"], "ИПСЗ-77")
        self.assertEqual(item["person"]["snils"], first.partner_id.mgp_snils)
        self.assertEqual(item["person"]["disability_group"], "2")

        status, page = self.api("GET", "/cases", params={"limit": 1, "offset": 1})
        self.assertEqual(status, 200)
        self.assertEqual(len(page["items"]), 1)
        self.assertEqual((page["limit"], page["offset"]), (1, 1))
        self.assertEqual(page["count"], len(ids))

        status, page = self.api(
            "GET", "/cases", params={"updated_since": "2099-01-01T00:00:00Z"}
        )
        self.assertEqual((status, page["items"], page["count"]), (200, [], 0))

    def test_cases_query_validation(self):
        status, error = self.api(
            "GET", "/cases", params={"updated_since": "вчера", "limit": 0}
        )
        self.assertEqual(status, 422, error)
        fields = error["error"]["fields"]
        self.assertEqual(set(fields), {"updated_since", "limit"})
        self.assertIn("ГГГГ", fields["updated_since"])
        status, error = self.api("GET", "/cases", key=False)
        self.assertEqual(status, 401)

    def test_case_by_number(self):
        """One case by its number: 200 for the centre's, 403 for another
        centre's, 404 for none."""
        case = self._start("exp-4", 200300404)
        status, data = self.api("GET", f"/cases/{case.name}")
        self.assertEqual(status, 200, data)
        self.assertEqual(data["case"]["id"], case.id)
        self.assertEqual(data["case"]["plan_date"], str(case.plan_agreed_date))

        others = self._start("exp-5", 200300405, key=self.key_other)
        others |= self._start("exp-6", 200300406, key=self.key_other)
        foreign = others.filtered(
            lambda c: (
                not self.Case.search_count(
                    [("company_id", "=", self.company.id), ("name", "=", c.name)]
                )
            )
        )[:1]
        self.assertTrue(foreign)
        status, error = self.api("GET", f"/cases/{foreign.name}")
        self.assertEqual(status, 403, error)
        self.assertEqual(error["error"]["code"], "forbidden")
        self.assertNotIn(foreign.partner_id.name, str(error))

        status, error = self.api("GET", "/cases/НЕТ-ТАКОГО")
        self.assertEqual(status, 404, error)
        self.assertEqual(error["error"]["code"], "not_found")

    def test_plans(self):
        """The workplace plans the key's user may read."""
        employer = self.env["res.partner"].create(
            {"name": "ООО «Работодатель API»", "is_company": True}
        )
        plan = (
            self.env["mgp.workplace.plan"]
            .with_user(self.api_user)
            ._mgp_register_appeal(
                {
                    "company_id": self.company.id,
                    "employer_id": employer.id,
                    "appeal_date": self.today,
                    "worker_name": "Работник Тест",
                    "worker_snils": make_snils(200300407),
                    "worker_position": "Оператор",
                    "help_expected": "Наставник",
                }
            )
        )
        status, page = self.api("GET", "/plans")
        self.assertEqual(status, 200, page)
        item = next(item for item in page["items"] if item["id"] == plan.id)
        self.assertEqual(item["number"], plan.name)
        self.assertEqual(item["employer"], employer.name)
        self.assertEqual(item["centre"], self.company.name)
        status, page = self.api("GET", "/plans", key=self.key_other)
        self.assertNotIn(plan.id, [item["id"] for item in page["items"]])
