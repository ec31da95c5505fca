# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields
from odoo.tests import tagged

from .common import MgpApiCommon, make_snils


@tagged("post_install", "-at_install")
class TestInteragencyAnswers(MgpApiCommon):
    def _mse_request(self, number, user, key):
        status, data = self.api(
            "POST",
            "/plan-agreements",
            self.agreement(f"mse-{number}", snils=make_snils(number)),
            key=key,
        )
        self.assertEqual(status, 201, data)
        case = self.env["mgp.accompaniment"].browse(data["case"]["id"])
        case.with_user(user).action_request_mse()
        return case, case.mse_request_id

    def test_register_answer(self):
        """The answer is registered through the request's action: the case
        waits for the need decision on the МСЭ recommendation."""
        case, request = self._mse_request(300400501, self.api_user, self.key)
        today = fields.Date.to_string(self.today)
        body = {
            "request_number": request.name,
            "recommendation": "needed",
            "date": today,
        }
        status, data = self.api("POST", "/interagency-answers", body)
        self.assertEqual(status, 200, data)
        self.assertEqual(
            data["request"],
            {"id": request.id, "number": request.name, "state": "answered"},
        )
        self.assertEqual(request.recommendation, "needed")
        self.assertEqual(case.state, "mse")
        self.assertEqual(case._mgp_deadline_get("s1_need_decision_mse").state, "open")
        # the same answer again (a retry) changes nothing
        status, again = self.api("POST", "/interagency-answers", body)
        self.assertEqual((status, again), (200, data))
        # another answer to an answered request is refused by the action
        body["recommendation"] = "not_needed"
        status, error = self.api("POST", "/interagency-answers", body)
        self.assertEqual(status, 422, error)
        self.assertEqual(error["error"]["code"], "unprocessable")
        self.assertEqual(request.recommendation, "needed")

    def test_refusals(self):
        """Another centre's request: 403; an unknown number: 404; a wrong
        recommendation or date: 422 per field; no key: 401."""
        requests = self._mse_request(300400502, self.api_user_other, self.key_other)[1]
        requests |= self._mse_request(300400503, self.api_user_other, self.key_other)[1]
        # a number the key's centre does not have too
        request = requests.filtered(
            lambda r: (
                not self.env["mgp.mse.request"].search_count(
                    [("company_id", "=", self.company.id), ("name", "=", r.name)]
                )
            )
        )[:1]
        self.assertTrue(request)
        body = {
            "request_number": request.name,
            "recommendation": "needed",
            "date": fields.Date.to_string(self.today),
        }
        status, error = self.api("POST", "/interagency-answers", body)
        self.assertEqual(status, 403, error)
        self.assertEqual(error["error"]["code"], "forbidden")
        self.assertEqual(request.state, "draft")
        status, error = self.api(
            "POST", "/interagency-answers", dict(body, request_number="НЕТ-1")
        )
        self.assertEqual(status, 404, error)
        status, error = self.api(
            "POST",
            "/interagency-answers",
            dict(body, recommendation="maybe", date="31.12.2026"),
        )
        self.assertEqual(status, 422, error)
        self.assertEqual(set(error["error"]["fields"]), {"recommendation", "date"})
        status, error = self.api("POST", "/interagency-answers", body, key=False)
        self.assertEqual(status, 401)
