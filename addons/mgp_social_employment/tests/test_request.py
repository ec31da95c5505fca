# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import UserError, ValidationError

from odoo.addons.mgp_base.models.mgp_access_log import journal_flush

from .common import SocempCommon


class TestRequest(SocempCommon):
    """Requests between participants with the 5/5/3 working-day terms
    (003:110-114), across the New Year holidays of 2026 (31.12.2025 and
    1-11.01.2026 are days off)."""

    def _deadline(self, request, code):
        return request.deadline_ids.filtered(lambda d: d.code == code)

    def test_outgoing_terms_across_new_year(self):
        record = self._receiving()
        request = record.with_user(self.org_a_user)._mgp_request_create(
            self.mse, "Сведения ИПРА", date(2025, 12, 26)
        )
        self.assertEqual(request.request_type, "socemp")
        self.assertEqual(request.socemp_sender_id, self.org_a)
        self.assertEqual(request.socemp_addressee_id, self.mse)
        self.assertEqual(request.company_id, self.company_a)
        self.assertEqual(request.channel, "protected")
        send = self._deadline(request, "req_send")
        # 003:110: 5 working days — 29, 30.12.2025, 12, 13, 14.01.2026
        self.assertEqual(send.date_due, date(2026, 1, 14))
        self.assertFalse(send.external, "the organisation's own term")
        request.with_user(self.org_a_user).action_send(
            date(2025, 12, 30), date(2025, 12, 30)
        )
        self.assertEqual(send.state, "done")
        self.assertFalse(send.is_late)
        answer = self._deadline(request, "req_answer")
        notice = self._deadline(request, "socemp_req_notice")
        # 003:114: 5 working days of receipt; 003:112: 3 working days
        self.assertEqual(answer.date_due, date(2026, 1, 16))
        self.assertEqual(notice.date_due, date(2026, 1, 14))
        self.assertTrue(answer.external and notice.external, "the addressee's terms")
        request.with_user(self.org_a_user).action_register_reply(
            date(2026, 1, 19), note="ИПРА получена"
        )
        self.assertEqual(answer.state, "done")
        self.assertTrue(answer.is_late, "answered after 16.01.2026")
        self.assertEqual(notice.state, "cancelled")

    def test_cannot_answer_notice(self):
        record = self._receiving()
        request = record._mgp_request_create(
            self.municipality, "Справка", date(2026, 1, 12)
        )
        request.action_send(date(2026, 1, 12), date(2026, 1, 13))
        request.action_register_impossible("Нет сведений", date(2026, 1, 15))
        notice = self._deadline(request, "socemp_req_notice")
        self.assertEqual(notice.date_due, date(2026, 1, 16))
        self.assertEqual(notice.state, "done")
        self.assertFalse(notice.is_late)
        self.assertEqual(request.impossible_reason, "Нет сведений")

    def test_incoming_terms_owned_by_the_organisation(self):
        record = self._receiving()
        request = record.with_user(self.org_a_user)._mgp_request_receive(
            self.ministry, "Сведения о занятости", date(2025, 12, 30)
        )
        self.assertEqual(request.direction, "incoming")
        self.assertEqual(request.socemp_sender_id, self.ministry)
        self.assertEqual(request.socemp_addressee_id, self.org_a)
        reply = self._deadline(request, "req_reply")
        impossible = self._deadline(request, "req_impossible")
        self.assertEqual(reply.date_due, date(2026, 1, 16))
        self.assertEqual(impossible.date_due, date(2026, 1, 14))
        self.assertFalse(reply.external or impossible.external)
        self.assertEqual(reply.company_id, self.company_a)
        request.with_user(self.org_a_user).action_register_reply(date(2026, 1, 13))
        self.assertEqual(reply.state, "done")
        self.assertFalse(reply.is_late)
        self.assertEqual(impossible.state, "cancelled")

    def test_documents_recorded_and_journaled(self):
        record = self._receiving()
        request = record._mgp_request_create(self.mse, "ИПРА", date(2025, 12, 9))
        Document = self.env["mgp.socemp.document"].with_user(self.org_a_user)
        document = Document.create(
            {
                "name": "Выписка из ИПРА",
                "record_id": record.id,
                "request_id": request.id,
                "kind": "ipra",
                "direction": "received",
                "participant_id": self.mse.id,
                "channel": "protected",
                "date": date(2025, 12, 12),
            }
        )
        self.assertEqual(request.socemp_document_ids, document)
        # the participant's channel, with its protected address (003:101)
        self.assertEqual(document.channel, "protected")
        self.assertEqual(document.channel_address, "vipnet://mse-33")
        paper = Document.create(
            {
                "name": "Справка",
                "record_id": record.id,
                "kind": "other",
                "participant_id": self.municipality.id,
                "date": date(2025, 12, 12),
            }
        )
        self.assertEqual((paper.channel, paper.channel_address), ("paper", False))
        # each exchange is a transfer of the person's data: journaled
        # (queued rows are written before the refused create below rolls its
        # savepoint back)
        journal_flush(self.env)
        rows = self.env["mgp.access.log"].search(
            [
                ("operation", "=", "exchange"),
                ("res_model", "=", record._name),
                ("res_id", "=", record.id),
            ],
            order="id",
        )
        self.assertEqual(len(rows), 2)
        self.assertEqual(rows.partner_id, self.person)
        self.assertEqual(rows.user_id, self.org_a_user)
        self.assertEqual(rows[0].field_names, "socemp_document:ipra")
        self.assertIn("vipnet://mse-33", rows[0].reason)
        self.assertIn(self.municipality.name, rows[1].reason)
        with self.assertRaises(ValidationError):
            Document.create(
                {
                    "name": "Без адреса",
                    "record_id": record.id,
                    "participant_id": self.municipality.id,
                    "channel": "protected",
                }
            )

        self.assertIn(
            "Выписка из ИПРА",
            " ".join(record.message_ids.mapped("body")),
            "the exchange is journaled in the record's chatter",
        )
        with self.assertRaises(UserError):
            document.write({"date": date(2025, 12, 13)})
        with self.assertRaises(UserError):
            document.sudo().unlink()

    def test_hostile_context_does_not_reach_the_request(self):
        record = self._receiving()
        hostile = record.with_context(
            default_state="answered",
            default_date_answer="2020-01-01",
            default_date_received="2020-01-01",
            default_direction="incoming",
        )
        request = hostile._mgp_request_create(self.mse, "ИПРА", date(2025, 12, 9))
        self.assertEqual(request.state, "draft")
        self.assertEqual(request.direction, "outgoing")
        self.assertFalse(request.date_answer or request.date_received)

    def test_organisation_user_sees_only_its_requests(self):
        record = self._receiving()
        request = record._mgp_request_create(self.mse, "ИПРА", date(2025, 12, 9))
        Request = self.env["mgp.mse.request"]
        self.assertIn(request, Request.with_user(self.org_a_user).search([]))
        self.assertNotIn(request, Request.with_user(self.org_b_user).search([]))
        self.assertIn(request, Request.with_user(self.ministry_user).search([]))
        self.assertNotIn(request, Request.with_user(self.centre_user).search([]))
