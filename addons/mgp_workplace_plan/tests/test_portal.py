# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re
from datetime import date

from freezegun import freeze_time

from odoo.tests import HttpCase, tagged

from .common import WorkplaceCommon


@tagged("post_install", "-at_install")
class TestPortal(HttpCase, WorkplaceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("ru_RU")
        cls.env["ir.module.module"]._load_module_terms(
            ["mgp_base", "mgp_workplace_plan"], ["ru_RU"], overwrite=True
        )
        cls.worker_user = cls._worker_user()

    @classmethod
    def _worker_user(cls):
        from odoo.tests import new_test_user

        return new_test_user(
            cls.env,
            login="mgp_worker",
            password="mgp_worker_pwd1",
            groups="base.group_portal",
            partner_id=cls.person.id,
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
        )

    def _login(self, user):
        self.authenticate(user.login, user.login + "_pwd1")

    def _post(self, url, data=None, files=None):
        page = self.url_open("/my/workplace/appeal")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        data = dict(data or {}, csrf_token=token)
        return self.url_open(url, data=data, files=files, allow_redirects=True)

    def _appeal_data(self, snils):
        return {
            "company_id": str(self.company.id),
            "worker_name": "Новиков Николай Николаевич",
            "worker_snils": snils,
            "worker_position": "Оператор",
            "worker_hire_date": "2026-01-09",
            "help_expected": "Наставник",
            "contact_name": "Кадровик Анна",
            "contact_phone": "+7 4842 00-00-00",
            "contact_email": "hr@employer.example.ru",
        }

    def test_appeal_over_http(self):
        self.rep.lang = "ru_RU"
        self._login(self.rep)
        page = self.url_open("/my/workplace/appeal")
        self.assertEqual(page.status_code, 200)
        self.assertIn('for="worker_snils"', page.text)

        count = self.Plan.search_count([])
        partners = self.env["res.partner"].search_count([])
        bad = self._post("/my/workplace/appeal", self._appeal_data("345-678-912 27"))
        self.assertEqual(bad.status_code, 200)
        self.assertIn("СНИЛС", bad.text)
        self.assertIn("контрольн", bad.text)
        self.assertEqual(self.Plan.search_count([]), count)
        self.assertEqual(self.env["res.partner"].search_count([]), partners)

        pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
        ok = self._post(
            "/my/workplace/appeal",
            self._appeal_data("345-678-912 26"),
            files={"attachments": ("diploma.pdf", pdf, "application/pdf")},
        )
        self.assertEqual(ok.status_code, 200)
        plan = self.Plan.search([("worker_snils", "=", "345-678-912 26")])
        self.assertEqual(len(plan), 1)
        self.assertEqual(plan.employer_id, self.employer)
        self.assertEqual(plan.appeal_channel, "portal")
        self.assertEqual(plan.state, "appealed")
        self.assertTrue(plan.disability_request_id)
        attachments = self.env["ir.attachment"].search(
            [("res_model", "=", plan._name), ("res_id", "=", plan.id)]
        )
        self.assertEqual(attachments.mapped("name"), ["diploma.pdf"])

    def test_bad_upload_refused_nothing_saved(self):
        self._login(self.rep)
        count = self.Plan.search_count([])
        response = self._post(
            "/my/workplace/appeal",
            self._appeal_data("345-678-912 26"),
            files={"attachments": ("virus.exe", b"MZ\x90\x00", "application/pdf")},
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("alert-danger", response.text)
        self.assertEqual(self.Plan.search_count([]), count)

    def test_employers_isolated(self):
        plan = self._offer()
        other = self._appeal(employer_id=self.employer_2.id)
        self._login(self.rep)
        listing = self.url_open("/my/workplace")
        self.assertIn(plan.name, listing.text)
        self.assertNotIn(other.name, listing.text)
        self.assertEqual(self.url_open(f"/my/workplace/{plan.id}").status_code, 200)
        self.assertEqual(self.url_open(f"/my/workplace/{other.id}").status_code, 404)
        # answering another employer's offer
        self._login(self.rep_2)
        response = self._post(f"/my/workplace/{plan.id}/answer", {"answer": "accept"})
        self.assertEqual(response.status_code, 404)
        self.assertEqual(plan.state, "offered")
        # JSON-RPC: the record rules hold as well
        with self.assertRaises(Exception) as caught:
            self.make_jsonrpc_request(
                "/web/dataset/call_kw/mgp.workplace.plan/read",
                {
                    "model": "mgp.workplace.plan",
                    "method": "read",
                    "args": [plan.ids, ["name", "state"]],
                    "kwargs": {},
                },
            )
        self.assertIn("AccessError", str(caught.exception))
        found = self.make_jsonrpc_request(
            "/web/dataset/call_kw/mgp.workplace.plan/search_read",
            {
                "model": "mgp.workplace.plan",
                "method": "search_read",
                "args": [[], ["name"]],
                "kwargs": {},
            },
        )
        self.assertEqual([r["id"] for r in found], other.ids)

    def test_employer_answers_and_comments(self):
        plan = self._offer()
        self._login(self.rep)
        page = self.url_open(f"/my/workplace/{plan.id}")
        self.assertIn('value="accept"', page.text)
        self.assertIn('id="notices_heading"', page.text)  # the offer notice
        with freeze_time("2026-01-12"):
            self._post(f"/my/workplace/{plan.id}/answer", {"answer": "accept"})
        self.assertEqual(plan.state, "analysis")
        self.assertEqual(plan.response, "accepted")
        self.assertEqual(plan.response_date, date(2026, 1, 12))

        plan = plan.with_user(self.specialist)
        with freeze_time("2026-01-20"):
            plan.action_start_draft(date(2026, 1, 13))
            self._add_lines(plan)
            plan.action_to_discussion()
        line = plan.line_ids[0]
        page = self.url_open(f"/my/workplace/{plan.id}")
        self.assertIn(f'for="comment_{line.id}"', page.text)
        self._post(
            f"/my/workplace/line/{line.id}/comment",
            {"comment": "Согласны", "proposed_date": "2026-02-02"},
        )
        self.assertEqual(line.employer_comment, "Согласны")
        self.assertEqual(line.proposed_date, date(2026, 2, 2))
        # another employer cannot comment
        self._login(self.rep_2)
        response = self._post(
            f"/my/workplace/line/{line.id}/comment", {"comment": "Чужой"}
        )
        self.assertEqual(response.status_code, 404)
        self.assertEqual(line.employer_comment, "Согласны")

        new = plan.action_revise()
        with freeze_time("2026-01-21"):
            new.action_send(date(2026, 1, 21))
        self._login(self.rep)
        page = self.url_open(f"/my/workplace/{new.id}")
        self.assertIn(f'href="/my/workplace/{plan.id}"', page.text)  # history
        self.assertIn("plan.pdf", page.text)
        # the worker sees the sent plan, not the drafts
        self._login(self.worker_user)
        listing = self.url_open("/my/workplace")
        self.assertIn(f"/my/workplace/{new.id}", listing.text)
        self.assertEqual(self.url_open(f"/my/workplace/{plan.id}").status_code, 404)
        self.assertEqual(self.url_open(f"/my/workplace/{new.id}").status_code, 200)

    def test_protected_fields_refused_over_jsonrpc(self):
        plan = self._offer()
        self.authenticate(self.specialist.login, self.specialist.login)
        for vals in ({"state": "sent"}, {"version": 5}, {"send_date": "2026-01-10"}):
            with self.assertRaises(Exception) as caught:
                self.make_jsonrpc_request(
                    "/web/dataset/call_kw/mgp.workplace.plan/write",
                    {
                        "model": "mgp.workplace.plan",
                        "method": "write",
                        "args": [plan.ids, vals],
                        "kwargs": {"context": {"mgp_engine": True}},
                    },
                )
            self.assertIn("UserError", str(caught.exception))
        with self.assertRaises(Exception) as caught:
            self.make_jsonrpc_request(
                "/web/dataset/call_kw/mgp.workplace.plan/create",
                {
                    "model": "mgp.workplace.plan",
                    "method": "create",
                    "args": [
                        {
                            "employer_id": self.employer.id,
                            "state": "sent",
                            "company_id": self.company.id,
                        }
                    ],
                    "kwargs": {},
                },
            )
        self.assertIn("UserError", str(caught.exception))
        self.assertEqual(plan.state, "offered")
        self.assertEqual(plan.version, 1)

    def _forged_value(self, plan, name):
        field = plan._fields[name]
        current = plan[name]
        if field.type == "selection":
            values = [key for key, _label in field._description_selection(self.env)]
            return next(value for value in values if value != current)
        if field.type == "many2one":
            other = self.env[field.comodel_name].search(
                [("id", "!=", current.id)], limit=1
            )
            return other.id or None
        return {
            "char": "ПОДДЕЛКА",
            "date": "2025-11-01",
            "integer": 7,
            "boolean": not current,
        }[field.type]

    def test_every_protected_field_refused_over_jsonrpc(self):
        plan = self._offer()
        hostile = {"mgp_engine": True, "install_mode": True, "active_test": False}
        before = plan.read(sorted(plan._mgp_protected_field_names()))[0]
        for user, error in (
            (self.specialist, "UserError"),
            (self.manager, "UserError"),
        ):
            self.authenticate(user.login, user.login)
            for name in sorted(plan._mgp_protected_field_names()):
                if self._forged_value(plan, name) in (False, None):
                    # nothing else to point to (e.g. no correction exists):
                    # writing the unchanged value is no forgery
                    continue
                for context in ({}, hostile):
                    with self.subTest(user=user.login, field=name, context=context):
                        with self.assertRaises(Exception) as caught:
                            self.make_jsonrpc_request(
                                "/web/dataset/call_kw/mgp.workplace.plan/write",
                                {
                                    "model": "mgp.workplace.plan",
                                    "method": "write",
                                    "args": [
                                        plan.ids,
                                        {name: self._forged_value(plan, name)},
                                    ],
                                    "kwargs": {"context": context},
                                },
                            )
                        self.assertIn(error, str(caught.exception))
        # a portal representative of the employer may not write at all
        self._login(self.rep)
        with self.assertRaises(Exception) as caught:
            self.make_jsonrpc_request(
                "/web/dataset/call_kw/mgp.workplace.plan/write",
                {
                    "model": "mgp.workplace.plan",
                    "method": "write",
                    "args": [plan.ids, {"state": "analysis"}],
                    "kwargs": {"context": hostile},
                },
            )
        self.assertIn("AccessError", str(caught.exception))
        plan.invalidate_recordset()
        self.assertEqual(
            plan.read(sorted(plan._mgp_protected_field_names()))[0], before
        )
