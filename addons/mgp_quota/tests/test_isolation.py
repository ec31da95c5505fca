# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, JsonRpcException, tagged
from odoo.tools import mute_logger

from .common import QuotaCommon

MODELS = ("mgp.quota.report", "mgp.quota.workplace", "mgp.quota.referral")


@tagged("post_install", "-at_install")
class TestQuotaIsolation(HttpCase, QuotaCommon):
    """Over JSON-RPC, as a client sends it: a specialist of one centre reads,
    searches and groups nothing of another centre's quota reports,
    workplaces and referrals; an employer's representative nothing of
    another employer's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.seeker = cls.env["res.partner"].create(
            {"name": "Соискатель Квотный", "mgp_disability_group": "3"}
        )
        cls.records = {}
        for key, employer, company in (
            ("own", cls.employer, cls.company_region),
            ("own_2", cls.employer_2, cls.company_region),
            ("other", cls.employer_other, cls.company_other),
        ):
            report = cls.Report.create(
                {
                    "employer_id": employer.id,
                    "company_id": company.id,
                    "period": "quarter",
                    "date_from": "2026-01-01",
                    "date_to": "2026-03-31",
                    "headcount_avg": 150,
                }
            )
            workplace = cls.env["mgp.quota.workplace"].create(
                {
                    "name": "Оператор",
                    "employer_id": employer.id,
                    "company_id": company.id,
                }
            )
            referral = cls.env["mgp.quota.referral"].create(
                {
                    "partner_id": cls.seeker.id,
                    "workplace_id": workplace.id,
                    "company_id": company.id,
                }
            )
            # sent: the employer sees it in the portal
            referral.action_send()
            cls.records[key] = {
                "mgp.quota.report": report,
                "mgp.quota.workplace": workplace,
                "mgp.quota.referral": referral,
            }

    def _call(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def _assert_sees_only(self, seen, hidden):
        """Every read path of JSON-RPC returns ``seen`` and none of ``hidden``."""
        for model in MODELS:
            with self.subTest(model=model):
                visible = seen[model]
                secret = hidden[model]
                found = self._call(model, "search_read", [[]], {"fields": ["id"]})
                self.assertEqual({row["id"] for row in found}, set(visible.ids))
                self.assertEqual(
                    self._call(model, "search_count", [[("id", "=", secret.id)]]), 0
                )
                with (
                    mute_logger("odoo.http"),
                    self.assertRaisesRegex(JsonRpcException, "AccessError"),
                ):
                    self._call(model, "read", [secret.ids, ["name"]])
                groups = self._call(
                    model,
                    "formatted_read_group",
                    [[], ["employer_id"], ["id:array_agg", "__count"]],
                )
                self.assertEqual(
                    {i for group in groups for i in group["id:array_agg"]},
                    set(visible.ids),
                )
                self.assertNotIn(
                    secret.employer_id.id,
                    [group["employer_id"][0] for group in groups],
                )
                web = self._call(
                    model,
                    "web_read_group",
                    [[], ["company_id"], ["__count"]],
                )
                self.assertEqual(
                    sum(group["__count"] for group in web["groups"]), len(visible)
                )

    def test_between_centres(self):
        self.authenticate(self.specialist_other.login, self.specialist_other.login)
        other, own, own_2 = (
            self.records["other"],
            self.records["own"],
            self.records["own_2"],
        )
        self._assert_sees_only(other, own)
        self._assert_sees_only(other, own_2)
        # and the quota sum of the reports is the centre's own only
        [total] = self._call(
            "mgp.quota.report", "formatted_read_group", [[], [], ["quota:sum"]]
        )
        self.assertEqual(total["quota:sum"], other["mgp.quota.report"].quota)
        # the Kaluga specialist sees his centre's, none of the other's
        self.authenticate(self.specialist_region.login, self.specialist_region.login)
        seen = {model: own[model] | own_2[model] for model in MODELS}
        self._assert_sees_only(seen, other)

    def test_between_employers_in_the_portal(self):
        self.authenticate(self.rep_2.login, self.rep_2.login + "_pwd1")
        own, own_2 = self.records["own"], self.records["own_2"]
        self._assert_sees_only(own_2, own)
        self._assert_sees_only(own_2, self.records["other"])
        self.authenticate(self.rep.login, self.rep.login + "_pwd1")
        self._assert_sees_only(own, own_2)
