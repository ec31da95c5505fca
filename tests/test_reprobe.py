# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Issue 18, re-probed over HTTP as the real users: the findings whose
model-level tests had no probe through the routes an attacker uses."""

import base64
import re
import xmlrpc.client
from datetime import date

from odoo import http
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException

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


@tagged("post_install", "-at_install")
class TestReprobeDemo(HttpCase):
    """The second re-probe of the served demo (issue 18, «Done when»): what
    a demo user got through over JSON-RPC, each refused now. These tests
    read the demo records that scripts/test.sh installs."""

    def _call(self, login, model, method, args, kwargs=None):
        self.authenticate(login, login)
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def _refused(self, login, record, vals, error="odoo.exceptions.UserError"):
        """``login`` writes ``vals`` on ``record``: refused, nothing changed."""
        before = {name: record.sudo()[name] for name in vals}
        with self.assertRaises(JsonRpcException) as caught:
            self._call(login, record._name, "write", [record.ids, vals])
        self.assertEqual(caught.exception.args[0], error)
        self.env.invalidate_all()
        for name, value in before.items():
            self.assertEqual(record.sudo()[name], value, f"{record._name}.{name}")

    def test_computed_fields_not_written(self):
        """What a record computes — a subsidy's total and refund, an aid's
        total, a quota's shortfall, a complaint's review term, a
        certificate's notes, a workplace's centre — is not written over RPC."""
        workplace = self.env.ref("mgp_employer_programmes.demo_subsidy_workplace_1")
        agreement = workplace.agreement_id
        self._refused("specialist1", agreement, {"amount_total": 1.0})
        self._refused("specialist1", agreement, {"refund_state": "due"})
        self._refused("specialist1", agreement, {"retention_end": "2024-02-02"})
        self._refused("admin", workplace, {"refund_amount": 7.5})
        other = self.env["res.company"].search(
            [("id", "!=", workplace.company_id.id)], limit=1
        )
        self._refused("specialist1", workplace, {"company_id": other.id})
        aid = self.env.ref("mgp_employer_programmes.demo_business_aid_1")
        self._refused("specialist1", aid, {"aid_total": aid.aid_total + 7.5})
        report = self.env.ref("mgp_quota.demo_quota_report_accepted")
        self._refused("manager", report, {"shortfall": report.shortfall + 7.5})
        self._refused("manager", report, {"special_required": 99})
        complaint = self.env.ref("mgp_complaint_accompaniment.demo_complaint_01")
        term = "standard" if complaint.review_term == "short" else "short"
        self._refused("specialist1", complaint, {"review_term": term})
        case = (
            self.env["mgp.accompaniment"]
            .with_user(self.env.ref("mgp_base.demo_user_specialist_1"))
            .search([], limit=1)
        )
        self._refused("specialist1", case, {"certificate_notes": "Подделано"})

    def test_partner_computed_fields_not_written(self):
        """A person's commercial entity (which the portal rules follow), his
        share flag and normalised e-mail are the server's: refused on write,
        dropped on create."""
        person = self.env.ref("mgp_base.demo_person_01")
        employer = self.env.ref("mgp_accompaniment.demo_employer")
        for vals in (
            {"commercial_partner_id": employer.id},
            {"partner_share": not person.partner_share},
            {"email_normalized": "other@example.com"},
        ):
            self._refused("specialist1", person, vals)
        # the same values as stored pass (a client saving what it read)
        self._call(
            "specialist1",
            "res.partner",
            "write",
            [person.ids, {"commercial_partner_id": person.commercial_partner_id.id}],
        )
        new_id = self._call(
            "specialist1",
            "res.partner",
            "create",
            [{"name": "Новый Н. Н.", "commercial_partner_id": employer.id}],
        )
        new = self.env["res.partner"].browse(new_id)
        self.assertEqual(new.commercial_partner_id, new)

    def test_application_not_relinked_to_a_case(self):
        application = self.env.ref("mgp_ngo_registry.demo_application_paper")
        case = self.env.ref("mgp_accompaniment.demo_case_01")
        self._refused("specialist1", application, {"accompaniment_id": case.id})

    def test_kept_records_not_deleted(self):
        """Registered enquiries, a closed inspection, filed reports of local
        acts, a submitted NGO application, and the workplaces and
        employments of a paid subsidy stay, whoever deletes them."""
        for login, xmlid in (
            ("manager", "mgp_enquiry.demo_enquiry_01"),
            ("manager", "mgp_enquiry.demo_enquiry_03"),
            ("manager", "mgp_enquiry.demo_inspection_01"),
            ("manager", "mgp_quota.demo_quota_local_acts_old"),
            ("manager", "mgp_quota.demo_quota_local_acts_last"),
            ("manager", "mgp_ngo_registry.demo_application_paper"),
            ("manager", "mgp_ngo_registry.demo_application_portal"),
            ("admin", "mgp_employer_programmes.demo_subsidy_employment_1"),
            ("admin", "mgp_employer_programmes.demo_subsidy_workplace_1"),
        ):
            record = self.env.ref(xmlid)
            with self.assertRaises(JsonRpcException, msg=xmlid):
                self._call(login, record._name, "unlink", [record.ids])
            self.assertTrue(record.exists(), xmlid)

    def test_chatter_message_created_directly_not_forged(self):
        """``mail.message`` ``create`` over RPC: the author is who creates
        it, the date is now."""
        case = self.env.ref("mgp_accompaniment.demo_case_01")
        manager = self.env.ref("mgp_base.demo_user_manager")
        for vals in (
            {"author_id": manager.partner_id.id},
            {"date": "2020-01-01 10:00:00"},
        ):
            with self.assertRaises(JsonRpcException) as caught:
                self._call(
                    "specialist1",
                    "mail.message",
                    "create",
                    [
                        {
                            "model": case._name,
                            "res_id": case.id,
                            "body": "Согласовано руководителем.",
                            "message_type": "comment",
                            **vals,
                        }
                    ],
                )
            self.assertEqual(caught.exception.args[0], "odoo.exceptions.UserError")
        self.assertFalse(
            self.env["mail.message"].search_count(
                [("model", "=", case._name), ("body", "ilike", "Согласовано руков")]
            )
        )

    def test_chatter_post_over_the_external_api_not_forged(self):
        """``message_post`` through ``execute_kw`` (XML-RPC and
        ``/jsonrpc``) with another's author or a back date: refused; in the
        user's own name, posted."""
        case = self.env.ref("mgp_accompaniment.demo_case_01")
        manager = self.env.ref("mgp_base.demo_user_manager")
        specialist = self.env.ref("mgp_base.demo_user_specialist_1")
        db = self.env.cr.dbname
        uid = self.xmlrpc_common.authenticate(db, "specialist1", "specialist1", {})
        self.assertEqual(uid, specialist.id)
        forged = (
            {"author_id": manager.partner_id.id},
            {"date": "2020-01-01 10:00:00"},
        )
        for kwargs in forged:
            body = {"body": "Согласовано руководителем.", **kwargs}
            with self.assertRaises(xmlrpc.client.Fault) as caught:
                self.xmlrpc_object.execute_kw(
                    db, uid, "specialist1", case._name, "message_post", [case.ids], body
                )
            self.assertIn("in your own name", caught.exception.faultString)
            with self.assertRaises(JsonRpcException) as caught:
                self.make_jsonrpc_request(
                    "/jsonrpc",
                    {
                        "service": "object",
                        "method": "execute_kw",
                        "args": [
                            db,
                            uid,
                            "specialist1",
                            case._name,
                            "message_post",
                            [case.ids],
                            body,
                        ],
                    },
                )
            self.assertEqual(caught.exception.args[0], "odoo.exceptions.UserError")
        self.assertFalse(
            self.env["mail.message"].search_count(
                [("model", "=", case._name), ("body", "ilike", "Согласовано руков")]
            )
        )
        self.xmlrpc_object.execute_kw(
            db,
            uid,
            "specialist1",
            case._name,
            "message_post",
            [case.ids],
            {"body": "Беседа проведена.", "author_id": specialist.partner_id.id},
        )
        message = case.message_ids.filtered(lambda m: "Беседа" in (m.body or ""))
        self.assertEqual(message.author_id, specialist.partner_id)

    def test_composer_author_not_forged(self):
        """The mail composer posts in the name of its ``author_id``: another
        person's is refused, the user's own and his centre's accepted."""
        case = self.env.ref("mgp_accompaniment.demo_case_01")
        manager = self.env.ref("mgp_base.demo_user_manager")
        specialist = self.env.ref("mgp_base.demo_user_specialist_1")
        values = {
            "model": case._name,
            "res_ids": str(case.ids),
            "composition_mode": "comment",
            "body": "Согласовано руководителем.",
            "subtype_id": self.env.ref("mail.mt_note").id,
        }
        with self.assertRaises(JsonRpcException) as caught:
            self._call(
                "specialist1",
                "mail.compose.message",
                "create",
                [{**values, "author_id": manager.partner_id.id}],
            )
        self.assertEqual(caught.exception.args[0], "odoo.exceptions.UserError")
        composer_id = self._call(
            "specialist1",
            "mail.compose.message",
            "create",
            [{**values, "author_id": specialist.partner_id.id}],
        )
        with self.assertRaises(JsonRpcException):
            self._call(
                "specialist1",
                "mail.compose.message",
                "write",
                [[composer_id], {"author_id": manager.partner_id.id}],
            )
        self._call(
            "specialist1", "mail.compose.message", "action_send_mail", [[composer_id]]
        )
        message = case.message_ids.filtered(lambda m: "Согласовано" in (m.body or ""))
        self.assertEqual(message.author_id, specialist.partner_id)

    def test_polyglot_pdf_refused_as_a_direct_attachment(self):
        """``ir.attachment`` ``create``/``write`` over RPC on a case: a web
        page behind a PDF header is refused, a PDF accepted."""
        case = self.env.ref("mgp_accompaniment.demo_case_01")
        polyglot = base64.b64encode(POLYGLOT).decode()
        clean = base64.b64encode(b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n").decode()
        values = {"name": "act.pdf", "res_model": case._name, "res_id": case.id}
        for extra in (
            {"datas": polyglot},
            {"datas": polyglot, "name": "act.bin"},
            {"datas": polyglot, "mimetype": "application/pdf", "name": "act"},
        ):
            with self.assertRaises(JsonRpcException) as caught:
                self._call(
                    "specialist1", "ir.attachment", "create", [{**values, **extra}]
                )
            self.assertEqual(
                caught.exception.args[0], "odoo.exceptions.ValidationError"
            )
        attachment_id = self._call(
            "specialist1", "ir.attachment", "create", [{**values, "datas": clean}]
        )
        with self.assertRaises(JsonRpcException):
            self._call(
                "specialist1",
                "ir.attachment",
                "write",
                [[attachment_id], {"datas": polyglot}],
            )
        attachment = self.env["ir.attachment"].browse(attachment_id)
        self.assertTrue(attachment.raw.startswith(b"%PDF-1.4\n1 0 obj"))
        # the chatter's upload route
        self.authenticate("specialist1", "specialist1")
        response = self.url_open(
            "/mail/attachment/upload",
            data={
                "csrf_token": http.Request.csrf_token(self),
                "thread_id": case.id,
                "thread_model": case._name,
            },
            files={"ufile": ("upload.pdf", POLYGLOT, "application/pdf")},
        )
        self.assertNotEqual(response.status_code, 200)
        self.assertFalse(
            self.env["ir.attachment"].search_count([("name", "=", "upload.pdf")])
        )
        response = self.url_open(
            "/mail/attachment/upload",
            data={
                "csrf_token": http.Request.csrf_token(self),
                "thread_id": case.id,
                "thread_model": case._name,
            },
            files={"ufile": ("clean.pdf", base64.b64decode(clean), "application/pdf")},
        )
        self.assertEqual(response.status_code, 200)
        self.assertFalse(
            self.env["ir.attachment"].search_count(
                [("res_model", "=", case._name), ("name", "in", ["act.bin", "act"])]
            )
        )

    def test_complaint_about_no_record_registered_without_a_crash(self):
        """A complaint about the centre (no record of the suite) is created
        over RPC: its concerned users are none, no server error."""
        person = self.env.ref("mgp_base.demo_person_06")
        complaint_id = self._call(
            "specialist1",
            "mgp.complaint",
            "create",
            [
                {
                    "partner_id": person.id,
                    "complainant_type": "citizen",
                    "subject": "other",
                    "description": "Жалоба на работу центра",
                    "channel": "paper",
                    "addressed_to": "centre",
                }
            ],
        )
        complaint = self.env["mgp.complaint"].browse(complaint_id)
        self.assertTrue(complaint.exists())
        self.assertFalse(complaint.sudo().concerned_user_ids)
