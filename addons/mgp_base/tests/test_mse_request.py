# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import UserError, ValidationError

from .common import MgpCommon


class TestMseRequest(MgpCommon):
    def _request(self, **vals):
        return (
            self.env["mgp.mse.request"]
            .with_user(self.specialist)
            .create(dict({"partner_id": self.person.id}, **vals))
        )

    def test_selection_values_checked_on_create(self):
        """A value outside a selection is refused, given in the values or
        as a default of the context, one record or a batch."""
        with self.assertRaisesRegex(ValidationError, "«pigeon»"):
            self._request(channel="pigeon")
        Request = self.env["mgp.mse.request"].with_user(self.specialist)
        with self.assertRaisesRegex(ValidationError, "«pigeon»"):
            Request.with_context(default_channel="pigeon").create(
                [{"partner_id": self.person.id}, {"partner_id": self.person.id}]
            )
        requests = Request.create(
            [{"partner_id": self.person.id}, {"partner_id": self.person.id}]
        )
        self.assertEqual(requests.mapped("channel"), ["smev", "smev"])

    def test_register_answer(self):
        request = self._request()
        self.assertTrue(request.name.startswith("МСЭ-"))
        request.action_send(date_sent=date(2026, 2, 2), date_received=date(2026, 2, 3))
        self.assertEqual(request.state, "sent")
        request.action_register_answer("needed", date(2026, 2, 9))
        self.assertEqual(request.state, "answered")
        self.assertEqual(request.recommendation, "needed")
        self.assertEqual(request.date_answer, date(2026, 2, 9))
        with self.assertRaises(UserError):
            request.action_register_answer("not_needed", date(2026, 2, 10))
        with self.assertRaises(UserError):
            request.action_cancel()

    def test_wizard(self):
        request = self._request()
        request.action_send(date_sent=date(2026, 2, 2))
        action = request.action_open_answer_wizard()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.specialist)
            .with_context(**action["context"])
            .create({"recommendation": "not_needed", "answer_note": "Не нуждается"})
        )
        wizard.action_confirm()
        self.assertEqual(request.recommendation, "not_needed")
        self.assertEqual(request.answer_note, "Не нуждается")

    def test_notes_and_portal_notices(self):
        """The engine's one note and one list of the portal's notices: a
        note of the centre is never among the notices."""
        request = self._request()
        request._mgp_post_note("Внутренняя заметка")
        request.message_post(
            body="Уведомление гражданину",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        notices = request._mgp_portal_notices()
        self.assertEqual(len(notices), 1)
        self.assertIn("Уведомление гражданину", notices.body)
        action = request.action_open_answer_wizard()
        self.assertEqual(action["target"], "new")
        self.assertEqual(action["context"]["default_request_id"], request.id)

    def test_bad_input(self):
        request = self._request()
        with self.assertRaises(UserError):
            request.action_register_answer("maybe", date(2026, 2, 9))
        with self.assertRaises(ValidationError):
            request.action_send(
                date_sent=date(2026, 2, 5), date_received=date(2026, 2, 1)
            )
        self.assertEqual(request.state, "draft")
        request.action_send(date_sent=date(2026, 2, 5))
        with self.assertRaises(UserError):
            request.action_send()


class TestInteragencyRequest(MgpCommon):
    """The register of interagency requests (seed 003 §3.5–3.6)."""

    def _request(self, **vals):
        return (
            self.env["mgp.mse.request"]
            .with_user(self.specialist)
            .create(dict({"partner_id": self.person.id}, **vals))
        )

    def _deadline(self, request, code):
        return request._mgp_deadline_get(code)

    def test_disability_request_answered(self):
        request = self._request(
            request_type="disability",
            bureau="ОСФР по Калужской области",
            date_info_received=date(2026, 3, 2),
        )
        self.assertEqual(request.channel, "smev")
        send = self._deadline(request, "req_send")
        self.assertEqual(send.date_due, date(2026, 3, 10))  # 8 March is a holiday
        request.action_send(date_sent=date(2026, 3, 3))
        self.assertEqual(send.state, "done")
        answer = self._deadline(request, "req_answer")
        self.assertTrue(answer.external)  # the other body's deadline
        self.assertEqual(answer.date_due, date(2026, 3, 11))
        request.action_register_reply(date(2026, 3, 5), disability_confirmed=True)
        self.assertEqual(request.state, "answered")
        self.assertTrue(request.disability_confirmed)
        self.assertEqual(answer.state, "done")
        with self.assertRaises(UserError):  # once
            request.action_register_reply(date(2026, 3, 6))

    def test_cannot_be_answered(self):
        request = self._request(request_type="disability")
        request.action_send(date_sent=date(2026, 3, 3))
        with self.assertRaises(UserError):  # a reason is required
            request.action_register_impossible(" ", date(2026, 3, 4))
        request.action_register_impossible("Сведения отсутствуют", date(2026, 3, 4))
        self.assertEqual(request.state, "impossible")
        self.assertEqual(request.impossible_reason, "Сведения отсутствуют")
        self.assertFalse(request.deadline_ids.filtered(lambda d: d.state == "open"))

    def test_incoming_request_answered_by_the_centre(self):
        request = self._request(
            request_type="other",
            direction="incoming",
            bureau="Отделение СФР",
            date_received=date(2026, 3, 2),
        )
        reply = self._deadline(request, "req_reply")
        notice = self._deadline(request, "req_impossible")
        self.assertEqual(reply.date_due, date(2026, 3, 10))
        self.assertEqual(notice.date_due, date(2026, 3, 5))
        with self.assertRaises(ValidationError):  # not before the request
            request.action_register_reply(date(2026, 3, 1))
        request.action_register_reply(date(2026, 3, 4), note="Сведения направлены")
        self.assertEqual(reply.state, "done")
        self.assertEqual(notice.state, "cancelled")

    def test_answer_fields_only_through_actions(self):
        request = self._request(request_type="disability")
        for vals in (
            {"state": "answered"},
            {"disability_confirmed": True},
            {"date_answer": date(2026, 3, 4)},
            {"res_model": "res.partner", "res_id": self.person.id},
        ):
            with self.assertRaises(UserError):
                request.with_user(self.manager).write(vals)
        self.assertEqual(request.state, "draft")
        with self.assertRaises(UserError):
            self._request(state="answered", recommendation="needed")
