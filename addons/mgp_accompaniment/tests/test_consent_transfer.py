# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.tests import HttpCase, new_test_user, tagged

from .common import AccompanimentCommon

PASSWORD = "mgp_transfer_ngo_pwd1"


@tagged("post_install", "-at_install")
class TestConsentTransfer(HttpCase, AccompanimentCommon):
    """Every path by which the NGO's user reads a case gives the person only
    with his valid consent to the transfer (152-ФЗ ст. 9–10), and a
    withdrawal stops it at once: JSON-RPC reads, grouping and ordering, the
    case's messages, the notifications, the portal pages, the certificate
    and the contract — probed over HTTP as the real NGO user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        contact = cls.env["res.partner"].create(
            {"name": "Представитель Т", "parent_id": cls.ngo_a.id}
        )
        cls.ngo_user = new_test_user(
            cls.env,
            login="mgp_transfer_ngo",
            password=PASSWORD,
            groups="base.group_portal",
            partner_id=contact.id,
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
        )
        cls.contract = cls._new_contract(cls.ngo_a, "Д-ПЕРЕД")

    def setUp(self):
        super().setUp()
        case = self._case(
            date(2025, 11, 5), activities=self.activities[:2], partner_id=self.person.id
        )
        case.action_decide_need(True, date(2025, 11, 5))
        case.action_record_ngo_consent(self.ngo_a, date(2025, 11, 6))
        case.action_assign_ngo(self.ngo_a, self.contract, assign_date=date(2025, 11, 6))
        case.action_issue_certificate(date(2025, 11, 7))
        # a message of the case the NGO could read in the portal's chatter
        case.message_post(
            body=f"Встреча с {self.person.name}", subtype_xmlid="mail.mt_comment"
        )
        self.case = case
        self.consent = self.consents.filtered(lambda c: c.partner_id == self.person)

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
        return response.json()

    def _probe(self):
        """What the NGO's user reads of the person, path by path."""
        self.authenticate("mgp_transfer_ngo", PASSWORD)
        name = self.person.name
        case_id = self.case.id
        seen = {}
        answer = self._rpc(
            "mgp.accompaniment", "read", [[case_id]], {"fields": ["partner_id"]}
        )
        seen["read"] = name in str(answer.get("result"))
        answer = self._rpc(
            "mgp.accompaniment",
            "web_search_read",
            [[("id", "=", case_id)]],
            {"specification": {"partner_id": {"fields": {"display_name": {}}}}},
        )
        seen["web_search_read"] = name in str(answer.get("result"))
        for method in ("formatted_read_group", "web_read_group"):
            answer = self._rpc(
                "mgp.accompaniment",
                method,
                [[("id", "=", case_id)]],
                {"groupby": ["partner_id"], "aggregates": ["__count"]},
            )
            seen[method] = name in str(answer.get("result"))
            seen[f"{method} refused"] = "error" in answer
        answer = self._rpc(
            "mgp.accompaniment",
            "search",
            [[("ngo_id", "=", self.ngo_a.id)]],
            {"order": "partner_id"},
        )
        seen["order refused"] = "error" in answer
        answer = self._rpc(
            "mgp.accompaniment",
            "search_count",
            [[("id", "=", case_id), ("partner_id.name", "ilike", name)]],
        )
        seen["domain"] = answer.get("result") == 1
        answer = self.make_jsonrpc_request(
            "/mail/thread/messages",
            {
                "thread_model": "mgp.accompaniment",
                "thread_id": case_id,
                "fetch_params": {"limit": 30},
            },
        )
        seen["messages"] = name in str(answer)
        answer = self._rpc(
            "mail.message",
            "search_read",
            [[("model", "=", "mgp.accompaniment"), ("res_id", "=", case_id)]],
            {"fields": ["body"]},
        )
        seen["message search"] = name in str(answer.get("result"))
        for key, url in (
            ("portal list", "/my/ngo/cases"),
            ("portal case", f"/my/ngo/case/{case_id}"),
            ("certificate", f"/report/pdf/mgp_reports.report_certificate/{case_id}"),
            (
                "certificate html",
                f"/report/html/mgp_reports.report_certificate/{case_id}",
            ),
            ("citizen page", f"/my/accompaniment/{case_id}/certificate"),
        ):
            page = self.url_open(url)
            seen[key] = page.status_code == 200 and name in page.text
        # the contract is the centre's: the NGO's user never reads it
        answer = self._rpc(
            "mgp.ngo.contract",
            "read",
            [self.contract.ids],
            {"fields": ["number", "note"]},
        )
        seen["contract"] = "error" not in answer
        self.logout()
        return seen

    def _notified(self):
        """Whether a comment on the case notifies the NGO's user."""
        self.case.message_subscribe(partner_ids=self.ngo_user.partner_id.ids)
        message = self.case.message_post(
            body="Уведомление по делу",
            subtype_xmlid="mail.mt_comment",
            message_type="comment",
        )
        return self.ngo_user.partner_id in message.notification_ids.res_partner_id

    def test_with_consent(self):
        seen = self._probe()
        # what the NGO needs to accompany the person: his name on its pages
        # and in what it reads of its cases
        for key in ("read", "portal list", "portal case"):
            self.assertTrue(seen[key], key)
        self.assertTrue(seen["formatted_read_group"])
        self.assertTrue(seen["messages"])
        # never the citizen's own certificate, never the centre's contract
        self.assertFalse(seen["certificate"])
        self.assertFalse(seen["certificate html"])
        self.assertFalse(seen["citizen page"])
        self.assertFalse(seen["contract"])
        self.assertTrue(self._notified())

    def test_withdrawal_stops_every_path(self):
        self.consent.with_user(self.specialist).action_withdraw(
            "Отзыв по заявлению", date(2025, 11, 10)
        )
        self.env.cr.flush()  # the journal's queued rows are written
        journal = self.env["mgp.access.log"].search(
            [
                ("partner_id", "=", self.person.id),
                ("res_model", "=", "mgp.consent"),
                ("res_id", "=", self.consent.id),
            ]
        )
        self.assertTrue(journal)
        seen = self._probe()
        for key in (
            "read",
            "web_search_read",
            "formatted_read_group",
            "web_read_group",
            "domain",
            "messages",
            "message search",
            "portal list",
            "portal case",
            "certificate",
            "certificate html",
            "citizen page",
            "contract",
        ):
            self.assertFalse(seen[key], key)
        self.assertTrue(seen["formatted_read_group refused"])
        self.assertTrue(seen["order refused"])
        self.assertFalse(self._notified())
        # the NGO still sees its case, without the person
        self.authenticate("mgp_transfer_ngo", PASSWORD)
        answer = self._rpc(
            "mgp.accompaniment",
            "read",
            [self.case.ids],
            {"fields": ["name", "partner_id", "state"]},
        )
        row = answer["result"][0]
        self.assertEqual(row["name"], self.case.name)
        self.assertFalse(row["partner_id"])
        # the centre's staff still read the person
        self.assertEqual(self.case.with_user(self.specialist).partner_id, self.person)
