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
