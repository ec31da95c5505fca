# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import threading

import requests

from odoo.tests import tagged

from .common import BASE, MgpApiCommon, make_snils

CYRILLIC = r"[А-Яа-яЁё]"


@tagged("post_install", "-at_install")
class TestPlanAgreements(MgpApiCommon):
    def test_start_case(self):
        """An agreement starts the case in the key's centre as the back office
        does (number, deadline of the need decision), registers the person;
        the same call again returns the same case."""
        body = self.agreement()
        status, data = self.api("POST", "/plan-agreements", body)
        self.assertEqual(status, 201, data)
        case = self.env["mgp.accompaniment"].browse(data["case"]["id"])
        self.assertEqual(data["case"]["number"], case.name)
        self.assertNotEqual(case.name, "/")
        self.assertEqual(case.company_id, self.company)
        self.assertEqual(case.state, "new")
        self.assertEqual(case.plan_agreed_date, self.today)
        self.assertEqual(
            (case.mgp_plan_number, case.mgp_plan_kind), ("ИПСЗ-77", "plan")
        )
        self.assertEqual(case.eligibility_basis, "group")
        self.assertEqual(
            case.deadline_ids.filtered(lambda d: d.state == "open").mapped("code"),
            ["s1_need_decision"],
        )
        person = case.partner_id
        self.assertEqual(person.mgp_snils, body["person"]["snils"])
        self.assertEqual(person.mgp_disability_group, "2")
        self.assertEqual(str(person.mgp_birth_date), "1990-05-17")
        self.assertEqual(case.create_uid, self.api_user)

        # the same call (the СНИЛС written otherwise is the same СНИЛС)
        body["person"]["snils"] = body["person"]["snils"].replace("-", "")
        status, again = self.api("POST", "/plan-agreements", body)
        self.assertEqual(status, 200, again)
        self.assertEqual(again, data)
        self.assertEqual(
            self.env["mgp.accompaniment"].search_count(
                [("partner_id", "=", person.id)]
            ),
            1,
        )

    def test_existing_person(self):
        """A person known by his СНИЛС is not registered twice; his disability
        data already entered are kept."""
        snils = make_snils(100200301)
        person = self.env["res.partner"].create(
            {"name": "Петров Пётр", "mgp_snils": snils, "mgp_disability_group": "3"}
        )
        status, data = self.api(
            "POST", "/plan-agreements", self.agreement("ecp-2", snils=snils)
        )
        self.assertEqual(status, 201, data)
        case = self.env["mgp.accompaniment"].browse(data["case"]["id"])
        self.assertEqual(case.partner_id, person)
        self.assertEqual(person.mgp_disability_group, "3")

    def test_conflict(self):
        """Another body under the same external id is refused with 409 and
        starts nothing."""
        status, data = self.api("POST", "/plan-agreements", self.agreement("ecp-3"))
        self.assertEqual(status, 201)
        changed = self.agreement("ecp-3")
        changed["plan"]["number"] = "ИПСЗ-78"
        cases = self.env["mgp.accompaniment"].search_count([])
        status, error = self.api("POST", "/plan-agreements", changed)
        self.assertEqual(status, 409, error)
        self.assertEqual(error["error"]["code"], "conflict")
        self.assertRegex(error["error"]["message"], CYRILLIC)
        self.assertEqual(self.env["mgp.accompaniment"].search_count([]), cases)
        # the same external id in another centre is another agreement
        status, other = self.api(
            "POST",
            "/plan-agreements",
            self.agreement("ecp-3", snils=make_snils(100200302)),
            key=self.key_other,
        )
        self.assertEqual(status, 201, other)
        self.assertNotEqual(other["case"]["id"], data["case"]["id"])

    def test_unauthorized(self):
        """No key, a wrong key: 401 in JSON; nothing is created."""
        cases = self.env["mgp.accompaniment"].search_count([])
        status, error = self.api(
            "POST", "/plan-agreements", self.agreement(), key=False
        )
        self.assertEqual(status, 401)
        self.assertEqual(error["error"]["code"], "unauthorized")
        status, error = self.api(
            "POST", "/plan-agreements", self.agreement(), key="not-a-key"
        )
        self.assertEqual(status, 401)
        self.assertEqual(self.env["mgp.accompaniment"].search_count([]), cases)

    def test_validation(self):
        """A bad СНИЛС, a bad date, a missing field, a value out of its list:
        422 with a Russian message for each field; nothing is created."""
        body = self.agreement("ecp-4")
        body["person"]["snils"] = "112-233-445 96"
        body["person"]["disability_group"] = "4"
        body["plan"]["date"] = "2026-02-30"
        del body["plan"]["kind"]
        body["extra"] = 1
        persons = self.env["res.partner"].search_count([])
        status, error = self.api("POST", "/plan-agreements", body)
        self.assertEqual(status, 422, error)
        self.assertEqual(error["error"]["code"], "validation_error")
        fields = error["error"]["fields"]
        self.assertEqual(
            set(fields),
            {
                "person.snils",
                "person.disability_group",
                "plan.date",
                "plan.kind",
                "extra",
            },
        )
        for message in fields.values():
            self.assertRegex(message, CYRILLIC)
        self.assertIn("СНИЛС", fields["person.snils"])
        self.assertEqual(self.env["res.partner"].search_count([]), persons)

        body = self.agreement("ecp-4")
        body["person"]["snils"] = "12345"
        body["plan"]["date"] = "20.11.2026"
        status, error = self.api("POST", "/plan-agreements", body)
        self.assertEqual(status, 422)
        self.assertIn("11", error["error"]["fields"]["person.snils"])
        self.assertIn("ГГГГ-ММ-ДД", error["error"]["fields"]["plan.date"])

        status, error = self.api("POST", "/plan-agreements", "{not json")
        self.assertEqual(status, 422)
        self.assertIn("body", error["error"]["fields"])

        # English on request
        status, error = self.api(
            "POST", "/plan-agreements", body, headers={"Accept-Language": "en"}
        )
        self.assertEqual(
            error["error"]["fields"]["person.snils"], "SNILS must consist of 11 digits."
        )

    def test_engine_rules(self):
        """The rules of the engine apply: a person without disability data
        cannot start the service, a plan agreed in the future is refused; the
        refused call keeps nothing (neither the person nor the external id)."""
        body = self.agreement("ecp-5", snils=make_snils(100200303))
        del body["person"]["disability_group"]
        status, error = self.api("POST", "/plan-agreements", body)
        self.assertEqual(status, 422, error)
        self.assertEqual(error["error"]["code"], "unprocessable")
        self.assertRegex(error["error"]["message"], CYRILLIC)
        self.assertFalse(
            self.env["res.partner"].search(
                [("mgp_snils", "=", body["person"]["snils"])]
            )
        )
        self.assertFalse(
            self.env["mgp.api.request"].search([("external_id", "=", "ecp-5")])
        )
        # the corrected agreement under the same id is accepted
        body["person"]["disability_group"] = "1"
        status, data = self.api("POST", "/plan-agreements", body)
        self.assertEqual(status, 201, data)

        body = self.agreement("ecp-6", snils=make_snils(100200304))
        body["plan"]["date"] = "2099-01-15"
        status, error = self.api("POST", "/plan-agreements", body)
        self.assertEqual(status, 422, error)
        self.assertEqual(error["error"]["code"], "unprocessable")

    def test_parallel_identical_calls(self):
        """Two identical calls at the same time start one case: one 201, one
        200 with the same case."""
        body = self.agreement("ecp-7", snils=make_snils(100200305))
        results = []

        url = self.base_url() + BASE + "/plan-agreements"
        headers = {"Authorization": f"Bearer {self.key}"}

        def call():
            # a session of its own per thread: two clients at the same time
            response = requests.post(url, json=body, headers=headers, timeout=60)
            results.append((response.status_code, response.json()))

        threads = [threading.Thread(target=call) for _i in range(2)]
        with self.allow_requests(all_requests=True):
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=60)
        self.assertEqual(sorted(status for status, _data in results), [200, 201])
        self.assertEqual(results[0][1], results[1][1])
        self.assertEqual(
            self.env["mgp.api.request"].search_count([("external_id", "=", "ecp-7")]),
            1,
        )
        self.assertEqual(
            self.env["mgp.accompaniment"].search_count(
                [("partner_id.mgp_snils", "=", body["person"]["snils"])]
            ),
            1,
        )
