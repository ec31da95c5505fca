# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Issue 18, re-probed over HTTP as the real users: the findings whose
model-level tests had no probe through the routes an attacker uses."""

import re
from datetime import date

from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.mgp_accompaniment.tests.common import AccompanimentCommon

POLYGLOT = b"%PDF-1.4\n<html><body><script>alert(1)</script></body></html>\n%%EOF\n"


@tagged("post_install", "-at_install")
class TestReprobe(HttpCase, AccompanimentCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        contact = cls.env["res.partner"].create(
            {"name": "Представитель П", "parent_id": cls.ngo_a.id}
        )
        cls.ngo_user = new_test_user(
            cls.env,
            login="mgp_reprobe_ngo",
            password="mgp_reprobe_ngo_pwd1",
            groups="base.group_portal",
            partner_id=contact.id,
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
        )
        cls.contract = cls._new_contract(cls.ngo_a, "Д-ПРОБА")

    def _ngo_case(self):
        case = self._case(date(2025, 11, 5), activities=self.activities[:2])
        case.action_decide_need(True, date(2025, 11, 5))
        case.action_record_ngo_consent(self.ngo_a, date(2025, 11, 6))
        case.action_assign_ngo(self.ngo_a, self.contract, assign_date=date(2025, 11, 6))
        return case

    def test_polyglot_pdf_refused_in_the_ngo_portal(self):
        """A web page behind a PDF header, uploaded as an NGO's result."""
        case = self._ngo_case()
        line = case.line_ids[:1]
        self.authenticate("mgp_reprobe_ngo", "mgp_reprobe_ngo_pwd1")
        page = self.url_open(f"/my/ngo/case/{case.id}")
        self.assertEqual(page.status_code, 200)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        response = self.url_open(
            f"/my/ngo/line/{line.id}/result",
            data={
                "csrf_token": token,
                "date_done": "2025-11-20",
                "result": "Проведены переговоры",
            },
            files={"attachments": ("act.pdf", POLYGLOT, "application/pdf")},
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("error=", response.url)
        self.env.invalidate_all()
        self.assertFalse(line.result)
        self.assertFalse(line.result_attachment_ids)
        self.assertFalse(
            self.env["ir.attachment"].search_count(
                [("name", "=", "act.pdf"), ("res_model", "=", line._name)]
            )
        )

    def test_chatter_post_not_forged(self):
        """The web client's chatter route: the author is who posts, the date
        is now, whatever the request says."""
        case = self._case()
        self.authenticate(self.specialist.login, self.specialist.login)
        self.make_jsonrpc_request(
            "/mail/message/post",
            {
                "thread_model": case._name,
                "thread_id": case.id,
                "post_data": {
                    "body": "Согласовано руководителем.",
                    "author_id": self.manager.partner_id.id,
                    "date": "2020-01-01 10:00:00",
                    "message_type": "comment",
                    "subtype_xmlid": "mail.mt_note",
                },
            },
        )
        message = case.message_ids.filtered(lambda m: "Согласовано" in (m.body or ""))
        self.assertEqual(len(message), 1)
        self.assertEqual(message.author_id, self.specialist.partner_id)
        self.assertGreater(message.date.year, 2020)
