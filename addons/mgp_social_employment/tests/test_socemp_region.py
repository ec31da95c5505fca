# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Acceptance of issue 21: a region's ministry and its two authorised
organisations keep the social-employment register and its exchange for a
period (01.12.2025 - 31.01.2026, across the New Year holidays: 31.12.2025
and 01-11.01.2026 are days off), as their real users over JSON-RPC, in
Russian, the terms through the deadline engine.

Seed 003 (Vladimir region, распоряжение № 359-р):
- 003:81 «информирует участников ... об инвалидах, нуждающихся ... в
  соответствии с ИПРА» — the ministry's need notice;
- 003:41 «с их согласия» — nothing starts without the consent;
- 003:108 «об отсутствии медицинских противопоказаний» — the medical
  conclusion;
- 003:110-114 — 5 working days to send a request, 5 to answer it, 3 to say
  it cannot be answered.

The hand count of the period (4 persons, 7 records):

====  ========  ====================  ==========  ==========  ===========
org   person    final state           consent     medical     municipality
====  ========  ====================  ==========  ==========  ===========
A     Иванов    ended (moved)         05.12       checked     Владимир
A     Петрова   ended (withdrawn)     05.12       checked     —
A     Сидоров   informed (under age)  refused     —           —
B     Иванов    consented             10.12       —           —
B     Петрова   ended (contraind.)    10.12       checked     —
B     Сидоров   identified            —           —           —
B     Кузьмина  receiving             10.12       checked     Владимир
====  ========  ====================  ==========  ==========  ===========

by organisation A 3, B 4; by service «содействие» 2 (Иванов, Кузьмина),
«информирование» 1 (Петрова); by municipality Владимир 2, not given 3
(Петрова, Сидоров, Иванов of B); consent 5 of 7 (71,43 %), medical
conclusion 4 of 7 (57,14 %).

Requests (due dates by hand, working days only):

- R1 A/Иванов → МСЭ, needed 26.12.2025: send due 14.01 (sent 30.12, on
  time); answer due 16.01 (19.01, late); «cannot answer» notice cancelled;
- R2 A/Петрова → municipality, needed 12.01: send due 19.01 (13.01, on
  time); «cannot answer» notice due 16.01 given 20.01 (late), which closes
  the answer due 20.01 on time;
- R3 A/Петрова → МСЭ, needed 19.01: send due 26.01 (20.01, on time); the
  withdrawal of 22.01 cancels it with its answer terms;
- R4 ministry → A/Иванов, received 30.12: reply due 16.01 (13.01, on time);
- R5 ministry → B/Кузьмина, received 14.01: reply due 21.01 (23.01, late);
- R6 B/Кузьмина → МСЭ, needed 12.01, never sent: send due 19.01, open past
  due at the end of the period (late).

So: sending 4 (3 on time, 1 late, 75,00 %); answer 2 (1, 1, 50,00 %);
«cannot answer» notice 1 (0, 1, 0,00 %); the organisations' reply 2 (1, 1,
50,00 %); their «cannot answer» notice 0.
"""

import base64
import json
from datetime import date

from odoo.tests import HttpCase, tagged

from odoo.addons.mgp_base.tests.common import pdf_text

from .common import MEDICAL_PDF, MEDICAL_TYPE, SocempCommon
from .test_figures import xlsx_rows

RECORD = "mgp.socemp.record"
REQUEST = "mgp.mse.request"


@tagged("post_install", "-at_install")
class TestSocempRegion(SocempCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for user in (
            cls.ministry_user,
            cls.org_a_user,
            cls.org_b_user,
            cls.centre_user,
        ):
            user.write({"lang": "ru_RU", "tz": "Europe/Moscow"})
        cls.person_3 = cls.env["res.partner"].create(
            {"name": "Кузьмина Елена Викторовна", "mgp_birth_date": date(1978, 4, 2)}
        )
        cls.person_4 = cls.env["res.partner"].create(
            {"name": "Орлов Павел Андреевич", "mgp_birth_date": date(1980, 6, 15)}
        )
        cls.calendar = cls.env.ref("mgp_base.calendar_ru")

    def setUp(self):
        super().setUp()
        self._logged = None

    # ------------------------------------------------------------------
    # JSON-RPC as the real users, with the context the web client sends
    # (the user's language, his current company only)
    # ------------------------------------------------------------------
    def _as(self, user):
        if self._logged != user:
            self.authenticate(user.login, user.login)
            self._logged = user
        return user

    def _call(self, user, model, method, args, kwargs=None):
        user = self._as(user)
        kwargs = dict(kwargs or {})
        kwargs.setdefault(
            "context",
            {
                "lang": "ru_RU",
                "tz": "Europe/Moscow",
                "allowed_company_ids": [user.company_id.id],
            },
        )
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
                        "kwargs": kwargs,
                    },
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        return response.json()

    def _ok(self, user, model, method, args, kwargs=None):
        answer = self._call(user, model, method, args, kwargs)
        error = answer.get("error", {}).get("data", {}).get("message")
        self.assertFalse(error, f"{user.login} {model}.{method}: {error}")
        return answer["result"]

    def _refused(self, user, model, method, args, kwargs=None):
        answer = self._call(user, model, method, args, kwargs)
        self.assertIn("error", answer, f"{user.login} {model}.{method} passed")
        return answer["error"]["data"]["message"]

    def _record(self, user, record_id, fields):
        [row] = self._ok(user, RECORD, "read", [[record_id], fields])
        return row

    def _medical(self, user, record_id, result, received):
        """The organisation records the medical conclusion (003:108) and
        files and checks it on the record's checklist."""
        self._ok(
            user,
            RECORD,
            "write",
            [
                [record_id],
                {
                    "medical_date": received,
                    "medical_organisation": "ГБУЗ ВО «Городская больница № 2»",
                    "medical_number": f"МЗ-{record_id}",
                    "medical_result": result,
                },
            ],
        )
        [line] = self._ok(
            user,
            "mgp.document.line",
            "search",
            [
                [
                    ("res_model", "=", RECORD),
                    ("res_id", "=", record_id),
                    ("type_id", "=", self.env.ref(MEDICAL_TYPE).id),
                ]
            ],
        )
        self._ok(
            user,
            "mgp.document.line",
            "write",
            [
                [line],
                {
                    "file": base64.b64encode(MEDICAL_PDF).decode(),
                    "file_name": "zaklyuchenie.pdf",
                    "received_date": received,
                },
            ],
        )
        self._ok(user, "mgp.document.line", "action_mark_checked", [[line]])

    def _request(self, user, record_id, direction, participant, subject, day):
        """A request through the record's wizard, as the form does."""
        [wizard] = self._ok(
            user,
            "mgp.socemp.request.wizard",
            "create",
            [
                [
                    {
                        "record_id": record_id,
                        "direction": direction,
                        "participant_id": participant.id,
                        "subject": subject,
                        "date": day,
                    }
                ]
            ],
        )
        action = self._ok(
            user, "mgp.socemp.request.wizard", "action_confirm", [[wizard]]
        )
        return action["res_id"]

    def _due(self, request_id, code):
        # the server wrote them in this transaction: read them afresh
        self.env.invalidate_all()
        deadline = (
            self.env[REQUEST]
            .browse(request_id)
            .deadline_ids.filtered(lambda d: d.code == code)
        )
        self.assertEqual(len(deadline), 1, code)
        return deadline

    def _assert_term(self, request_id, code, start, days, due, state, late=None):
        """The engine's due date: the hand count and the calendar agree."""
        deadline = self._due(request_id, code)
        self.assertEqual(deadline.date_due, due, code)
        self.assertEqual(
            self.calendar.add_working_days(start, days, self.region.id), due, code
        )
        self.assertEqual(deadline.state, state, code)
        if late is not None:
            self.assertEqual(deadline.is_late, late, code)
        return deadline

    # ------------------------------------------------------------------
    def test_region_keeps_the_register_for_a_period(self):
        ministry, org_a, org_b = self.ministry_user, self.org_a_user, self.org_b_user
        persons = self.person | self.person_2 | self.young

        # 003:81 — the ministry tells both organisations of three persons
        [notice] = self._ok(
            ministry,
            "mgp.socemp.notice",
            "create",
            [
                [
                    {
                        "date": "2025-12-01",
                        "sender_id": self.ministry.id,
                        "recipient_ids": [(6, 0, (self.org_a | self.org_b).ids)],
                        "partner_ids": [(6, 0, persons.ids)],
                        "note": "Сведения из ИПРА, поступившие из бюро МСЭ",
                    }
                ]
            ],
        )
        self._ok(ministry, "mgp.socemp.notice", "action_send", [[notice]])
        # read by whom, acknowledged by whom
        self._ok(org_a, "mgp.socemp.notice", "action_acknowledge", [[notice]])
        self._ok(org_b, "mgp.socemp.notice", "action_mark_read", [[notice]])
        acks = {
            row["participant_id"][0]: row
            for row in self._ok(
                ministry,
                "mgp.socemp.notice.ack",
                "search_read",
                [
                    [("notice_id", "=", notice)],
                    ["participant_id", "read_user_id", "ack_user_id", "date_ack"],
                ],
            )
        }
        self.assertEqual(acks[self.org_a.id]["read_user_id"][0], org_a.id)
        self.assertEqual(acks[self.org_a.id]["ack_user_id"][0], org_a.id)
        self.assertEqual(acks[self.org_b.id]["read_user_id"][0], org_b.id)
        self.assertFalse(acks[self.org_b.id]["ack_user_id"])
        self.assertFalse(acks[self.org_b.id]["date_ack"])
        # the centre is not a participant (003:51): no access to notices
        self.assertEqual(
            self._call(
                self.centre_user,
                "mgp.socemp.notice",
                "search",
                [[("id", "=", notice)]],
            )["error"]["data"]["name"],
            "odoo.exceptions.AccessError",
        )

        # each organisation puts the notice's persons in its register
        self._ok(org_a, "mgp.socemp.notice", "action_create_records", [[notice]])
        self._ok(org_b, "mgp.socemp.notice", "action_create_records", [[notice]])

        def ids_of(user, org):
            rows = self._ok(
                user,
                RECORD,
                "search_read",
                [
                    [("need_notice_id", "=", notice)],
                    ["partner_id", "organisation_id", "state", "need_source"],
                ],
            )
            self.assertTrue(all(row["state"] == "identified" for row in rows))
            self.assertTrue(all(row["need_source"] == "ministry" for row in rows))
            return {
                row["partner_id"][0]: row["id"]
                for row in rows
                if row["organisation_id"][0] == org.id
            }

        a = ids_of(org_a, self.org_a)
        b = ids_of(org_b, self.org_b)
        self.assertEqual(set(a), set(persons.ids))
        self.assertEqual(set(b), set(persons.ids))
        # an organisation sees only its own records (ids_of filtered nothing)
        seen_a = self._ok(org_a, RECORD, "search", [[]])
        self.assertEqual(set(seen_a), set(a.values()))
        self.assertIn(
            "AccessError",
            self._call(org_b, RECORD, "read", [[a[self.person.id]], ["partner_id"]])[
                "error"
            ]["data"]["name"],
        )
        # the fourth person comes to organisation B on her own
        [b_kuz] = self._ok(
            org_b,
            RECORD,
            "create",
            [
                [
                    {
                        "partner_id": self.person_3.id,
                        "organisation_id": self.org_b.id,
                        "date_identified": "2025-12-02",
                        "need_source": "person",
                        "municipality_id": self.municipality.id,
                        "ipra_recommendation": "Нуждается в социальной занятости",
                    }
                ]
            ],
        )
        b[self.person_3.id] = b_kuz
        # nor does an organisation write into another's register
        error = self._call(
            org_a,
            RECORD,
            "create",
            [
                [
                    {
                        "partner_id": self.person_4.id,
                        "organisation_id": self.org_b.id,
                        "date_identified": "2025-12-02",
                    }
                ]
            ],
        )["error"]["data"]["name"]
        self.assertEqual(error, "odoo.exceptions.AccessError")

        # ---------------- organisation A ----------------
        a_iv, a_pet, a_sid = (
            a[self.person.id],
            a[self.person_2.id],
            a[self.young.id],
        )
        self._ok(
            org_a, RECORD, "write", [[a_iv], {"municipality_id": self.municipality.id}]
        )
        for rec in (a_iv, a_pet, a_sid):
            self._ok(org_a, RECORD, "action_inform", [[rec], "2025-12-03"])
        # no service without consent (003:41)
        message = self._refused(org_a, RECORD, "action_start", [[a_iv], "2025-12-04"])
        self.assertIn("невозможно", message)
        self.assertIn("«Проинформирован»", message)
        message = self._refused(
            org_a,
            "mgp.socemp.record.line",
            "create",
            [
                [
                    {
                        "record_id": a_iv,
                        "service_id": self.service_assist.id,
                        "date_start": "2025-12-04",
                    }
                ]
            ],
        )
        self.assertIn("с согласия инвалида", message)
        # the state is not written around the engine, whatever the context
        message = self._refused(
            org_a, RECORD, "write", [[a_iv], {"state": "receiving"}]
        )
        self.assertEqual(self._record(org_a, a_iv, ["state"])["state"], "informed")
        for rec in (a_iv, a_pet):
            self.assertTrue(
                self._ok(
                    org_a,
                    RECORD,
                    "action_consent",
                    [[rec], "2025-12-05"],
                    {
                        "consent_form": "paper",
                        "scope": "Услуги социальной занятости и обмен документами",
                        "context": {
                            "lang": "ru_RU",
                            "allowed_company_ids": [self.company_a.id],
                            "default_state": "receiving",
                            "default_date_start": "2020-01-01",
                        },
                    },
                )
            )
        row = self._record(
            org_a, a_iv, ["state", "consent_date", "consent_form", "date_start"]
        )
        self.assertEqual(
            (row["state"], row["consent_date"], row["consent_form"], row["date_start"]),
            ("consented", "2025-12-05", "paper", False),
        )
        # a person under the working age is refused (born 01.03.2009)
        message = self._refused(
            org_a, RECORD, "action_consent", [[a_sid], "2025-12-05"]
        )
        self.assertIn("трудоспособного возраста", message)
        self.assertIn("от 18 до 65 лет", message)
        self.assertEqual(self._record(org_a, a_sid, ["state"])["state"], "informed")
        # the medical conclusion first (003:108), then the services
        message = self._refused(org_a, RECORD, "action_start", [[a_iv], "2025-12-08"])
        self.assertIn("заключение медицинской организации", message)
        for rec in (a_iv, a_pet):
            self._medical(org_a, rec, "none", "2025-12-04")
            self._ok(org_a, RECORD, "action_start", [[rec], "2025-12-08"])
        self._ok(
            org_a,
            "mgp.socemp.record.line",
            "create",
            [
                [
                    {
                        "record_id": a_iv,
                        "service_id": self.service_assist.id,
                        "date_start": "2025-12-09",
                        "result": "Подобрано место занятости",
                    },
                    {
                        "record_id": a_pet,
                        "service_id": self.service_inform.id,
                        "date_start": "2025-12-09",
                    },
                ]
            ],
        )
        self.assertEqual(self._record(org_a, a_iv, ["state"])["state"], "receiving")

        # R1: A asks the МСЭ bureau for the IPRA extract (003:110, 114)
        r1 = self._request(
            org_a, a_iv, "outgoing", self.mse, "Выписка из ИПРА", "2025-12-26"
        )
        self._assert_term(
            r1, "req_send", date(2025, 12, 26), 5, date(2026, 1, 14), "open"
        )
        self._ok(org_a, REQUEST, "action_send", [[r1], "2025-12-30", "2025-12-30"])
        self._assert_term(
            r1, "req_send", date(2025, 12, 26), 5, date(2026, 1, 14), "done", False
        )
        answer = self._assert_term(
            r1, "req_answer", date(2025, 12, 30), 5, date(2026, 1, 16), "open"
        )
        notice_term = self._assert_term(
            r1, "socemp_req_notice", date(2025, 12, 30), 3, date(2026, 1, 14), "open"
        )
        # the addressee's terms (the bureau's), the sending the organisation's
        self.assertTrue(answer.external and notice_term.external)
        self.assertFalse(self._due(r1, "req_send").external)
        self._ok(
            org_a,
            REQUEST,
            "action_register_reply",
            [[r1], "2026-01-19"],
            {"note": "Выписка получена"},
        )
        self._assert_term(
            r1, "req_answer", date(2025, 12, 30), 5, date(2026, 1, 16), "done", True
        )
        self.assertEqual(self._due(r1, "socemp_req_notice").state, "cancelled")
        # the document received is recorded, with its channel, and journaled
        [doc] = self._ok(
            org_a,
            "mgp.socemp.document",
            "create",
            [
                [
                    {
                        "name": "Выписка из ИПРА",
                        "record_id": a_iv,
                        "request_id": r1,
                        "kind": "ipra",
                        "direction": "received",
                        "participant_id": self.mse.id,
                        "date": "2026-01-19",
                    }
                ]
            ],
        )
        [doc_row] = self._ok(
            org_a,
            "mgp.socemp.document",
            "read",
            [[doc], ["channel", "channel_address"]],
        )
        self.assertEqual(
            (doc_row["channel"], doc_row["channel_address"]),
            ("protected", "vipnet://mse-33"),
        )
        self.env.invalidate_all()
        journal = self.env["mgp.access.log"].search(
            [
                ("operation", "=", "exchange"),
                ("res_model", "=", RECORD),
                ("res_id", "=", a_iv),
            ]
        )
        self.assertEqual(journal.user_id, org_a)
        self.assertEqual(journal.partner_id, self.person)
        self.assertIn("vipnet://mse-33", journal.reason)

        # R4: the ministry's request received by A (A's own terms)
        r4 = self._request(
            org_a, a_iv, "incoming", self.ministry, "Сведения о занятости", "2025-12-30"
        )
        reply = self._assert_term(
            r4, "req_reply", date(2025, 12, 30), 5, date(2026, 1, 16), "open"
        )
        self.assertFalse(reply.external)
        self.assertEqual(reply.company_id, self.company_a)
        self._assert_term(
            r4, "req_impossible", date(2025, 12, 30), 3, date(2026, 1, 14), "open"
        )
        self._ok(org_a, REQUEST, "action_register_reply", [[r4], "2026-01-13"])
        self._assert_term(
            r4, "req_reply", date(2025, 12, 30), 5, date(2026, 1, 16), "done", False
        )
        self.assertEqual(self._due(r4, "req_impossible").state, "cancelled")

        # R2: the municipality cannot answer, and says so late (003:112)
        r2 = self._request(
            org_a,
            a_pet,
            "outgoing",
            self.municipality,
            "Справка о месте жительства",
            "2026-01-12",
        )
        self._assert_term(
            r2, "req_send", date(2026, 1, 12), 5, date(2026, 1, 19), "open"
        )
        self._ok(org_a, REQUEST, "action_send", [[r2], "2026-01-13", "2026-01-13"])
        self._ok(
            org_a,
            REQUEST,
            "action_register_impossible",
            [[r2], "Сведения отсутствуют"],
            {"date": "2026-01-20"},
        )
        self._assert_term(
            r2,
            "socemp_req_notice",
            date(2026, 1, 13),
            3,
            date(2026, 1, 16),
            "done",
            True,
        )
        self._assert_term(
            r2, "req_answer", date(2026, 1, 13), 5, date(2026, 1, 20), "done", False
        )

        # R3 waits when Петрова withdraws her consent: the record ends and
        # the exchange of its documents stops
        r3 = self._request(
            org_a, a_pet, "outgoing", self.mse, "Сведения ИПРА", "2026-01-19"
        )
        self._ok(org_a, REQUEST, "action_send", [[r3], "2026-01-20", "2026-01-20"])
        self._assert_term(
            r3, "req_send", date(2026, 1, 19), 5, date(2026, 1, 26), "done", False
        )
        self._ok(org_a, RECORD, "action_withdraw_consent", [[a_pet], "2026-01-22"])
        row = self._record(
            org_a,
            a_pet,
            ["state", "consent_withdrawn_date", "end_reason_id", "exchange_allowed"],
        )
        self.assertEqual(row["state"], "ended")
        self.assertEqual(row["consent_withdrawn_date"], "2026-01-22")
        self.assertFalse(row["exchange_allowed"])
        [r3_row] = self._ok(org_a, REQUEST, "read", [[r3], ["state"]])
        self.assertEqual(r3_row["state"], "cancelled")
        self.assertFalse(
            self.env[REQUEST]
            .browse(r3)
            .deadline_ids.filtered(lambda d: d.state == "open")
        )
        message = self._refused(
            org_a,
            "mgp.socemp.document",
            "create",
            [
                [
                    {
                        "name": "Ответ бюро МСЭ",
                        "record_id": a_pet,
                        "request_id": r3,
                        "kind": "answer",
                        "direction": "received",
                        "participant_id": self.mse.id,
                        "date": "2026-01-23",
                    }
                ]
            ],
        )
        self.assertIn("Обмен документами", message)
        self.assertIn("отозвано", message)
        message = self._refused_request(org_a, a_pet)
        self.assertIn("Обмен документами", message)
        [line] = self._ok(
            org_a,
            "mgp.socemp.record.line",
            "search_read",
            [[("record_id", "=", a_pet)], ["date_end"]],
        )
        self.assertEqual(line["date_end"], "2026-01-22", "her service ends with it")

        # Иванов moves to another region: A ends his record
        self._ok(
            org_a, RECORD, "action_end", [[a_iv], "moved"], {"end_date": "2026-01-29"}
        )
        row = self._record(org_a, a_iv, ["state", "date_end", "consent_withdrawn_date"])
        self.assertEqual((row["state"], row["date_end"]), ("ended", "2026-01-29"))
        self.assertFalse(row["consent_withdrawn_date"])

        # ---------------- organisation B ----------------
        b_iv, b_pet, b_sid = (
            b[self.person.id],
            b[self.person_2.id],
            b[self.young.id],
        )
        for rec in (b_iv, b_pet, b_kuz):
            self._ok(org_b, RECORD, "action_inform", [[rec], "2025-12-08"])
            self._ok(org_b, RECORD, "action_consent", [[rec], "2025-12-10"])
        # a contraindication in the medical conclusion refuses the start
        self._medical(org_b, b_pet, "contraindicated", "2025-12-11")
        message = self._refused(org_b, RECORD, "action_start", [[b_pet], "2025-12-12"])
        self.assertIn("противопоказания", message)
        self._ok(
            org_b,
            RECORD,
            "action_end",
            [[b_pet], "contraindication"],
            {"end_date": "2025-12-12"},
        )
        self._medical(org_b, b_kuz, "none", "2025-12-11")
        self._ok(org_b, RECORD, "action_start", [[b_kuz], "2025-12-15"])
        self._ok(
            org_b,
            "mgp.socemp.record.line",
            "create",
            [
                [
                    {
                        "record_id": b_kuz,
                        "service_id": self.service_assist.id,
                        "date_start": "2025-12-16",
                    }
                ]
            ],
        )
        # B does not give «информирование» (the region's list of its services)
        message = self._refused(
            org_b,
            "mgp.socemp.record.line",
            "create",
            [
                [
                    {
                        "record_id": b_kuz,
                        "service_id": self.service_inform.id,
                        "date_start": "2025-12-16",
                    }
                ]
            ],
        )
        self.assertIn(self.org_b.name, message)
        # R5: the ministry asks B, B answers late
        r5 = self._request(
            org_b,
            b_kuz,
            "incoming",
            self.ministry,
            "Сведения о занятости",
            "2026-01-14",
        )
        self._ok(org_b, REQUEST, "action_register_reply", [[r5], "2026-01-23"])
        self._assert_term(
            r5, "req_reply", date(2026, 1, 14), 5, date(2026, 1, 21), "done", True
        )
        self._assert_term(
            r5, "req_impossible", date(2026, 1, 14), 3, date(2026, 1, 19), "cancelled"
        )
        # R6: prepared and never sent
        r6 = self._request(
            org_b, b_kuz, "outgoing", self.mse, "Сведения ИПРА", "2026-01-12"
        )
        self._assert_term(
            r6, "req_send", date(2026, 1, 12), 5, date(2026, 1, 19), "open"
        )
        # A does not see B's requests, the ministry sees them all
        self.assertEqual(
            self._ok(org_a, REQUEST, "search", [[("id", "in", [r5, r6])]]), []
        )

        # every state of the path in the register now
        states = {
            row["id"]: row["state"]
            for row in self._ok(
                ministry,
                RECORD,
                "search_read",
                [[("organisation_id", "in", (self.org_a | self.org_b).ids)], ["state"]],
            )
        }
        self.assertEqual(
            states,
            {
                a_iv: "ended",
                a_pet: "ended",
                a_sid: "informed",
                b_iv: "consented",
                b_pet: "ended",
                b_sid: "identified",
                b_kuz: "receiving",
            },
        )
        # the ministry opens any record's form, its own company active
        [form] = self._ok(ministry, RECORD, "get_views", [[[False, "form"]]])[
            "views"
        ].values()
        self.assertTrue(form["arch"])
        [full] = self._ok(ministry, RECORD, "read", [[a_iv]])
        self.assertEqual(full["state"], "ended")
        self.assertEqual(full["partner_id"][0], self.person.id)
        # the centre's specialists: nothing, unless the region shares
        self.assertEqual(self._ok(self.centre_user, RECORD, "search", [[]]), [])
        self.assertEqual(
            self._ok(self.centre_user, REQUEST, "search", [[("id", "in", [r1, r5])]]),
            [],
        )

        self._check_figures(ministry)

    def _refused_request(self, user, record_id):
        """A new request of an ended record is refused (the exchange is
        stopped)."""
        [wizard] = self._ok(
            user,
            "mgp.socemp.request.wizard",
            "create",
            [
                [
                    {
                        "record_id": record_id,
                        "direction": "outgoing",
                        "participant_id": self.mse.id,
                        "subject": "Повторный запрос",
                        "date": "2026-01-23",
                    }
                ]
            ],
        )
        return self._refused(
            user, "mgp.socemp.request.wizard", "action_confirm", [[wizard]]
        )

    def _check_figures(self, ministry):
        """The ministry's figures of the period, on screen, in PDF and in
        XLSX, against the hand count of the module's docstring — with the
        ministry's own company the only one active, as the web client
        starts."""
        # an organisation cannot read them
        self.assertIn(
            "AccessError",
            self._call(
                self.org_a_user,
                "mgp.socemp.figures",
                "create",
                [[{"date_from": "2025-12-01", "date_to": "2026-01-31"}]],
            )["error"]["data"]["name"],
        )
        [wizard] = self._ok(
            ministry,
            "mgp.socemp.figures",
            "create",
            [
                [
                    {
                        "date_from": "2025-12-01",
                        "date_to": "2026-01-31",
                        "organisation_ids": [(6, 0, (self.org_a | self.org_b).ids)],
                    }
                ]
            ],
        )
        [shown] = self._ok(
            ministry,
            "mgp.socemp.figures",
            "read",
            [[wizard], ["persons", "consent_share", "medical_share"]],
        )
        self.assertEqual(
            (shown["persons"], shown["consent_share"], shown["medical_share"]),
            (4, 71.43, 57.14),
        )
        requests_by_hand = {
            "Направление запроса уполномоченной организацией": (4, 3, 1, 75.0),
            "Ответ участника на запрос организации": (2, 1, 1, 50.0),
            "Уведомление участника о невозможности выполнения запроса": (1, 0, 1, 0.0),
            "Ответ организации на полученный запрос": (2, 1, 1, 50.0),
            "Уведомление организации о невозможности выполнения запроса": (
                0,
                0,
                0,
                0.0,
            ),
        }

        # XLSX, downloaded as the web client does
        action = self._ok(
            ministry, "mgp.socemp.figures", "action_export_xlsx", [[wizard]]
        )
        response = self.url_open(action["url"])
        self.assertEqual(response.status_code, 200)
        rows = xlsx_rows(response.content)
        self.assertIn(["Инвалидов в учете", 4.0], rows)
        self.assertIn([self.org_a.name, 3.0], rows)
        self.assertIn([self.org_b.name, 4.0], rows)
        self.assertIn([self.service_assist.name, 2.0], rows)
        self.assertIn([self.service_inform.name, 1.0], rows)
        self.assertIn([self.municipality.name, 2.0], rows)
        self.assertIn(["Не указано", 3.0], rows)
        self.assertIn(["С согласием инвалида", 5.0, 7.0, 71.43], rows)
        self.assertIn(["С медицинским заключением", 4.0, 7.0, 57.14], rows)
        for label, (total, on_time, late, share) in requests_by_hand.items():
            row = next(r for r in rows if r and str(r[0]).startswith(label))
            self.assertEqual(row[1:], [total, on_time, late, share], label)

        # PDF, printed as the web client does (rendered for real: the test
        # mode prints HTML unless told)
        pdf_url = (
            f"/report/pdf/mgp_social_employment.report_socemp_figures/{wizard}"
            "?context="
            + json.dumps(
                {
                    "lang": "ru_RU",
                    "allowed_company_ids": [ministry.company_id.id],
                    "force_report_rendering": True,
                }
            )
        )
        response = self.url_open(pdf_url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        text = pdf_text(response.content)
        self.assertIn("Отчетный период: с 01.12.2025 по 31.01.2026", text)
        self.assertIn("Инвалидов в учете: 4 (записей учета: 7)", text)
        self.assertIn(f"{self.org_a.name} 3", text)
        self.assertIn(f"{self.org_b.name} 4", text)
        self.assertIn(f"{self.service_assist.name} 2", text)
        self.assertIn(f"{self.municipality.name} 2", text)
        self.assertIn("Не указано 3", text)
        self.assertIn("С согласием инвалида 5 7 71,43", text)
        self.assertIn("С медицинским заключением 4 7 57,14", text)
        for label, (total, on_time, late, share) in requests_by_hand.items():
            printed = f"{total} {on_time} {late} " + f"{share:.2f}".replace(".", ",")
            self.assertRegex(text, rf"{label}[^0-9]*\d+ раб\. д\w+\)? {printed}")
        # an organisation's user does not print the ministry's figures
        self._as(self.org_a_user)
        response = self.url_open(pdf_url)
        self.assertNotEqual(response.status_code, 200)
