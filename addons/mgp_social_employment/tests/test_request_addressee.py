# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A request addressed to a participant that acts in this installation (the
ministry, another authorised organisation) is answered by that participant's
own users, over JSON-RPC as in the web client, with their own company
active only; its terms are the addressee's and run through the engine
across the New Year holidays (31.12.2025 and 01-11.01.2026 are days off).

Seed 003:110-114: «уполномоченная организация ... в течение 5 рабочих
дней готовит и направляет запрос»; «участник ... в течение 5 рабочих дней
со дня получения запроса направляет информацию» or «в течение 3 рабочих
дней со дня получения запроса уведомляет ... о невозможности ... с
указанием причин»."""

from datetime import date

from odoo.tests import HttpCase, tagged

from . import test_socemp_region as region
from .common import SocempCommon

REQUEST = region.REQUEST


@tagged("post_install", "-at_install")
class TestRequestAddressee(SocempCommon, HttpCase):
    # the JSON-RPC calls of the acceptance test: the user's language and
    # his current company only
    _as = region.TestSocempRegion._as
    _call = region.TestSocempRegion._call
    _ok = region.TestSocempRegion._ok
    _refused = region.TestSocempRegion._refused
    _request = region.TestSocempRegion._request

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for user in (cls.ministry_user, cls.org_a_user, cls.org_b_user):
            user.write({"lang": "ru_RU", "tz": "Europe/Moscow"})
        cls.calendar = cls.env.ref("mgp_base.calendar_ru")

    def setUp(self):
        super().setUp()
        self._logged = None
        self.record = self._receiving(user=self.org_a_user)

    def _term(self, request_id, code):
        """The latest term of ``code`` (a receipt reopens the addressee's)."""
        self.env.invalidate_all()
        deadlines = (
            self.env[REQUEST]
            .browse(request_id)
            .deadline_ids.filtered(lambda d: d.code == code)
            .sorted("id")
        )
        self.assertTrue(deadlines, code)
        return deadlines[-1]

    def _sent(self, addressee, need, sent):
        org_a = self.org_a_user
        request = self._request(
            org_a, self.record.id, "outgoing", addressee, "Сведения", need
        )
        self._ok(org_a, REQUEST, "action_send", [[request], sent, sent])
        return request

    def test_ministry_answers_on_time(self):
        ministry, org_a, org_b = self.ministry_user, self.org_a_user, self.org_b_user
        # needed 26.12.2025, sent and received 30.12: 5 working days of
        # receipt are 12-16.01.2026 (003:114), 3 are 12-14.01 (003:112)
        request = self._sent(self.ministry, "2025-12-26", "2025-12-30")
        answer = self._term(request, "req_answer")
        notice = self._term(request, "socemp_req_notice")
        self.assertEqual(answer.date_due, date(2026, 1, 16))
        self.assertEqual(
            self.calendar.add_working_days(date(2025, 12, 30), 5, self.region.id),
            date(2026, 1, 16),
        )
        self.assertEqual(notice.date_due, date(2026, 1, 14))
        self.assertEqual(answer.company_id, self.company_ministry, "the ministry's")
        self.assertEqual(notice.company_id, self.company_ministry)
        self.assertEqual(
            self._term(request, "req_send").company_id, self.company_a, "A's own"
        )
        # the ministry reads it and its own terms with its company active
        [row] = self._ok(
            ministry, REQUEST, "read", [[request], ["state", "subject", "partner_id"]]
        )
        self.assertEqual(row["state"], "sent")
        self.assertEqual(row["partner_id"][0], self.person.id)
        terms = self._ok(
            ministry,
            "mgp.deadline",
            "search_read",
            [[("res_model", "=", REQUEST), ("res_id", "=", request)], ["code"]],
        )
        self.assertEqual(
            sorted(t["code"] for t in terms), ["req_answer", "socemp_req_notice"]
        )
        # another organisation does not read it, nor finds it
        self._refused(org_b, REQUEST, "read", [[request], ["subject"]])
        self.assertFalse(
            self._ok(org_b, REQUEST, "search", [[("id", "=", request)]]), "B: none"
        )
        # the sender does not answer on the ministry's behalf
        message = self._refused(
            org_a, REQUEST, "action_register_reply", [[request], "2026-01-15"]
        )
        self.assertIn(self.ministry.name, message)
        self.assertIn("отвечает на запрос", message)
        # the ministry registers that it received it on 12.01: its terms run
        # from that day, 13-19.01 (5) and 13-15.01 (3); the sender cannot
        self._refused(
            org_a, REQUEST, "action_socemp_receipt", [[request], "2026-01-12"]
        )
        self._ok(ministry, REQUEST, "action_socemp_receipt", [[request], "2026-01-12"])
        self.assertEqual(notice.state, "cancelled", "the term of 30.12 replaced")
        answer = self._term(request, "req_answer")
        notice = self._term(request, "socemp_req_notice")
        self.assertEqual(answer.date_start, date(2026, 1, 12))
        self.assertEqual(answer.date_due, date(2026, 1, 19))
        self.assertEqual(
            self.calendar.add_working_days(date(2026, 1, 12), 3, self.region.id),
            notice.date_due,
        )
        self.assertEqual(notice.date_due, date(2026, 1, 15))
        self.assertEqual(answer.company_id, self.company_ministry)
        self._ok(
            ministry,
            REQUEST,
            "action_register_reply",
            [[request], "2026-01-16"],
            {
                "note": "Сведения о занятости направлены",
                "document": "Письмо Минсоцзащиты от 16.01.2026 № 12",
                "context": {
                    "lang": "ru_RU",
                    "tz": "Europe/Moscow",
                    "allowed_company_ids": [self.company_ministry.id],
                },
            },
        )
        self.assertEqual((answer.state, answer.is_late), ("done", False))
        self.assertEqual(answer.date_done, date(2026, 1, 16))
        self.assertEqual(notice.state, "cancelled")
        # the answer's document in the record's exchange, channel and journal
        document = self.env["mgp.socemp.document"].search(
            [("request_id", "=", request)]
        )
        self.assertEqual(
            (
                document.kind,
                document.direction,
                document.participant_id,
                document.channel,
            ),
            ("answer", "received", self.ministry, "edms"),
        )
        self.assertEqual(document.record_id, self.record)
        journal = self.env["mgp.access.log"].search(
            [
                ("res_model", "=", "mgp.socemp.record"),
                ("res_id", "=", self.record.id),
                ("user_id", "=", ministry.id),
                ("operation", "=", "exchange"),
            ]
        )
        self.assertTrue(journal, "the transfer journaled as the ministry's user")
        # the sender reads the answer in its register
        [row] = self._ok(org_a, REQUEST, "read", [[request], ["state", "answer_note"]])
        self.assertEqual(row["state"], "answered")
        self.assertEqual(row["answer_note"], "Сведения о занятости направлены")

    def test_buttons_follow_who_answers(self):
        """The form shows each side what it may do: the organisation acts on
        its request as a specialist would (the transitions allowed are the
        check's own), the ministry asked registers the receipt and the
        answer, the sender does not."""
        ministry, org_a = self.ministry_user, self.org_a_user
        request = self._sent(self.ministry, "2025-12-26", "2025-12-30")
        fields = ["mgp_transitions_allowed", "socemp_answerer"]
        [sender] = self._ok(org_a, REQUEST, "read", [[request], fields])
        [asked] = self._ok(ministry, REQUEST, "read", [[request], fields])
        self.assertEqual(sender["socemp_answerer"], "other")
        self.assertEqual(asked["socemp_answerer"], "user")
        for row in (sender, asked):
            self.assertIn("action_socemp_receipt", row["mgp_transitions_allowed"])
            self.assertIn("action_register_reply", row["mgp_transitions_allowed"])
        # a request to an external participant: the sender registers it all
        external = self._request(
            org_a, self.record.id, "outgoing", self.mse, "Сведения", "2025-12-26"
        )
        [row] = self._ok(org_a, REQUEST, "read", [[external], ["socemp_answerer"]])
        self.assertFalse(row["socemp_answerer"])

    def test_ministry_reads_every_request(self):
        # A's request to the bureau (an external participant): the ministry
        # reads it with its own company active only (003:77)
        request = self._sent(self.mse, "2026-01-12", "2026-01-13")
        rows = self._ok(
            self.ministry_user,
            REQUEST,
            "search_read",
            [[("request_type", "=", "socemp")], ["id"]],
        )
        self.assertIn(request, [row["id"] for row in rows])
        self._refused(self.org_b_user, REQUEST, "read", [[request], ["subject"]])
        self._refused(self.centre_user, REQUEST, "read", [[request], ["subject"]])

    def test_organisation_cannot_answer_within_three_days(self):
        org_a, org_b = self.org_a_user, self.org_b_user
        # sent 12.01, received 13.01: the notice is due in 3 working days of
        # receipt, 14-16.01 (003:112); the answer in 5, 14-20.01 (003:114)
        request = self._request(
            org_a, self.record.id, "outgoing", self.org_b, "Справка", "2026-01-12"
        )
        self._ok(org_a, REQUEST, "action_send", [[request], "2026-01-12", "2026-01-13"])
        notice = self._term(request, "socemp_req_notice")
        answer = self._term(request, "req_answer")
        self.assertEqual(notice.date_due, date(2026, 1, 16))
        self.assertEqual(answer.date_due, date(2026, 1, 20))
        self.assertEqual(notice.company_id, self.company_b)
        # B does not read A's record: the request carries what it needs
        self._refused(org_b, "mgp.socemp.record", "read", [[self.record.id], ["name"]])
        self._refused(
            org_b, REQUEST, "action_register_impossible", [[request], " "], {}
        )
        self._refused(
            org_a,
            REQUEST,
            "action_register_impossible",
            [[request], "Нет сведений"],
        )
        self._ok(
            org_b,
            REQUEST,
            "action_register_impossible",
            [[request], "Сведений о лице нет в организации", "2026-01-15"],
        )
        self.assertEqual((notice.state, notice.is_late), ("done", False))
        self.assertEqual(answer.state, "done", "the notice closes the answer")
        [row] = self._ok(org_a, REQUEST, "read", [[request], ["state"]])
        self.assertEqual(row["state"], "impossible")

    def test_withdrawal_stops_the_addressee(self):
        org_a, org_b = self.org_a_user, self.org_b_user
        request = self._sent(self.org_b, "2026-01-12", "2026-01-13")
        self._ok(
            org_a,
            "mgp.socemp.record",
            "action_withdraw_consent",
            [[self.record.id], "2026-01-14"],
        )
        # the addressee's terms, in B's company, go with the request
        self.assertEqual(self._term(request, "req_answer").state, "cancelled")
        self.assertEqual(self._term(request, "socemp_req_notice").state, "cancelled")
        [row] = self._ok(org_b, REQUEST, "read", [[request], ["state"]])
        self.assertEqual(row["state"], "cancelled")
        self._refused(
            org_b, REQUEST, "action_register_reply", [[request], "2026-01-15"]
        )
