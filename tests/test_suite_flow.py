# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The whole measure across addons, as its users live it.

An organisation applies for the NGO registry in the portal, the centre
includes it, a specialist runs a case from the agreed plan to the
certificate with that NGO for part of the activities and an employee for
the rest, the NGO reports its result in the portal, the citizen downloads
the certificate, and the case ends with employment.
"""

import re
from datetime import date

from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.mgp_base.tests.common import pdf_text
from odoo.addons.mgp_base.tests.common_consent import give_consent
from odoo.addons.mgp_ngo_registry.tests.common import make_inn, make_ogrn


@tagged("post_install", "-at_install")
class TestSuiteFlow(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.ref("mgp_base.calendar_ru")._refresh_years([2025, 2026, 2027])
        cls.company = cls.env["res.company"].create({"name": "ЦЗН Сквозной"})
        users = {}
        for login, group in (
            ("flow_specialist", "group_specialist"),
            ("flow_employee", "group_specialist"),
            ("flow_manager", "group_manager"),
        ):
            users[login] = new_test_user(
                cls.env,
                login=login,
                groups=f"mgp_base.{group}",
                company_id=cls.company.id,
                company_ids=[(6, 0, cls.company.ids)],
                email=f"{login}@example.ru",
                name=login.replace("_", " ").title(),
            )
        cls.specialist = users["flow_specialist"]
        cls.employee = users["flow_employee"]
        cls.manager = users["flow_manager"]
        cls.activities = cls.env["mgp.activity"].search(
            [("service", "=", "employment")], order="sequence, id", limit=7
        )
        cls.person = cls.env["res.partner"].create(
            {
                "name": "Сквозной Иван Петрович",
                "company_id": cls.company.id,
                "email": "flow.person@example.ru",
                "mgp_snils": "156-789-012 11",
                "mgp_disability_group": "3",
            }
        )
        give_consent(cls.person)
        cls.citizen = cls._portal_user("flow_citizen", cls.person)
        cls.representative = cls._portal_user(
            "flow_ngo",
            cls.env["res.partner"].create(
                {"name": "Заявитель Организации", "email": "flow.ngo@example.ru"}
            ),
        )

    @classmethod
    def _portal_user(cls, login, partner):
        return new_test_user(
            cls.env,
            login=login,
            password=f"{login}-pass1",
            groups="base.group_portal",
            partner_id=partner.id,
            name=partner.name,
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
        )

    def _login(self, user):
        self.authenticate(user.login, f"{user.login}-pass1")

    def _token(self, url):
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200, url)
        return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)

    def _pdf_text(self, content):
        return pdf_text(content)

    def test_measure_end_to_end(self):
        # 1. the organisation applies in the portal
        self._login(self.representative)
        inn = make_inn("402799123")
        data = [
            ("csrf_token", self._token("/my/ngo/application/new")),
            ("org_name", "АНО «Сквозная помощь»"),
            ("inn", inn),
            ("ogrn", make_ogrn("116402799123")),
            ("address", "г. Калуга, ул. Ленина, д. 1"),
            ("head_name", "Петрова Анна Сергеевна"),
            ("head_position", "Директор"),
            ("phone", "+7 4842 10-20-30"),
            ("email", "help@example.ru"),
            ("conditions", "Безвозмездно, по договору с центром занятости"),
            ("territory", "г. Калуга"),
            ("capacity", "4"),
            ("staff_name_0", "Сурдина Ольга Ивановна"),
            ("staff_job_0", "Сурдопереводчик"),
            ("staff_doc_0", "Удостоверение № 12"),
            ("staff_date_0", "2024-03-01"),
            ("schedule", "Пн–Пт 9:00–18:00"),
            ("accessibility", "Пандус, лифт"),
        ]
        data += [("activity_ids", str(a.id)) for a in self.activities[:2]]
        data += [("staff_activity_ids_0", str(a.id)) for a in self.activities[:2]]
        data += [
            ("help_form_ids", str(f.id))
            for f in self.env["mgp.ngo.help.form"].search([], limit=2)
        ]
        response = self.url_open("/my/ngo/application/new", data=data)
        self.assertEqual(response.status_code, 200)
        application = self.env["mgp.ngo.application"].search([("inn", "=", inn)])
        self.assertEqual(application.state, "submitted")
        self.assertEqual(application.channel, "portal")
        ngo = application.partner_id
        self.assertTrue(ngo)
        self.assertEqual(self.representative.commercial_partner_id, ngo)

        # 2. the centre reviews and includes it
        application.company_id = self.company
        application.with_user(self.manager).action_take_review()
        application.with_user(self.manager).action_approve()
        self.assertEqual(ngo.mgp_ngo_state, "included")
        self.assertTrue(ngo.mgp_ngo_registry_number)
        self.assertEqual(ngo.mgp_ngo_activity_ids, self.activities[:2])
        public = self.url_open("/mgp/ngo-registry")
        self.assertIn(ngo.mgp_ngo_registry_number, public.text)

        # 3. a case from the agreed plan (Friday 2025-10-31)
        Case = self.env["mgp.accompaniment"].with_user(self.specialist)
        case = Case.create(
            {
                "partner_id": self.person.id,
                "company_id": self.company.id,
                "plan_agreed_date": date(2025, 10, 31),
                "personal_file_number": "ЛД-77",
                "personal_file_date": date(2025, 10, 31),
                "line_ids": [
                    (0, 0, {"activity_id": a.id, "date_planned": date(2025, 11, 10)})
                    for a in self.activities[:3]
                ],
            }
        )
        self.assertEqual(
            case._mgp_deadline_get("s1_need_decision").date_due, date(2025, 11, 1)
        )
        # the identity document and the IPRA extract, seen and checked
        documents = case.mgp_document_line_ids
        self.assertEqual(len(documents), 2)
        documents.write({"received_date": date(2025, 10, 31)})
        documents.action_mark_checked()
        case.action_decide_need(True, date(2025, 11, 1))
        self.assertEqual(case.state, "assignment")
        self.assertEqual(
            case._mgp_deadline_get("s1_assignment").date_due, date(2025, 11, 5)
        )
        candidates = case._get_ngo_candidates()
        self.assertIn(ngo, candidates)
        self.assertTrue(all(c.mgp_ngo_state == "included" for c in candidates))

        # 4. the NGO consents to the contract: it takes two activities, the
        # employee the third
        case.action_record_ngo_consent(ngo, date(2025, 11, 5))
        wizard = (
            self.env["mgp.accompaniment.assign.wizard"]
            .with_user(self.specialist)
            .create(
                {
                    "accompaniment_id": case.id,
                    "ngo_id": ngo.id,
                    "contract_mode": "new",
                    "contract_number": "Д-77",
                    "contract_date": date(2025, 11, 5),
                    "responsible_user_id": self.employee.id,
                    "order_date": date(2025, 11, 5),
                }
            )
        )
        wizard.action_confirm()
        case.with_user(self.manager).action_approve_order(date(2025, 11, 5))
        ngo_lines = case.line_ids.filtered(lambda line: line.performer == "ngo")
        self.assertEqual(ngo_lines.activity_id, self.activities[:2])
        self.assertEqual(
            (case.line_ids - ngo_lines).performer, "centre", "the rest stays"
        )
        self.assertEqual(case._mgp_deadline_get("s1_assignment").state, "done")
        case.action_issue_certificate(date(2025, 11, 6))
        self.assertEqual(case.state, "active")
        self.assertEqual(case.date_end, date(2026, 5, 6))
        self.assertIn("АНО «Сквозная помощь»", case.certificate_notes)
        case.action_send_certificate(date(2025, 11, 7))
        self.assertEqual(case._mgp_deadline_get("s1_certificate_send").state, "done")

        # 5. the NGO sees its case and reports a result
        self._login(self.representative)
        page = self.url_open(f"/my/ngo/case/{case.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.person.name, page.text)
        self.assertNotIn(self.person.mgp_snils, page.text)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        line = ngo_lines[0]
        response = self.url_open(
            f"/my/ngo/line/{line.id}/result",
            data={
                "csrf_token": token,
                "date_done": "2025-11-12",
                "result": "Переговоры проведены с сурдопереводчиком",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.env.invalidate_all()
        self.assertEqual(line.result, "Переговоры проведены с сурдопереводчиком")
        self.assertEqual(line.date_done, date(2025, 11, 12))

        # 6. the citizen downloads the certificate (Odoo serves the report's
        # HTML instead of a PDF under test; the PDF itself is rendered below)
        self._login(self.citizen)
        response = self.url_open(f"/my/accompaniment/{case.id}/certificate")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        self.assertIn(case.certificate_number, response.content.decode())
        report = (
            self.env["ir.actions.report"]
            .with_user(self.specialist)
            .with_context(force_report_rendering=True)
        )
        with self.allow_pdf_render():
            pdf, report_type = report._render_qweb_pdf(
                "mgp_reports.action_report_certificate", case.ids
            )
        self.assertEqual(report_type, "pdf")
        text = " ".join(self._pdf_text(pdf).split())
        for expected in (
            "Сквозной Иван Петрович",
            "156-789-012 11",
            "6 ноября 2025 г.",
            "6 мая 2026 г.",
            "АНО «Сквозная помощь»",
            case.certificate_number,
        ):
            self.assertIn(expected, text)

        # 7. employment ends the service and opens the results deadline
        employer = self.env["res.partner"].create(
            {"name": "ООО «Работа рядом»", "is_company": True}
        )
        case.action_mark_employed(date(2025, 12, 1), employer.id)
        self.assertEqual(case.state, "employed")
        self.assertEqual(case.employer_id, employer)
        results = case._mgp_deadline_get("s1_results")
        self.assertEqual(results.date_start, date(2025, 12, 1))
        self.assertEqual(results.date_due, date(2025, 12, 8))
        open_codes = case.deadline_ids.filtered(lambda d: d.state == "open").mapped(
            "code"
        )
        self.assertEqual(open_codes, ["s1_results"])

    def test_colleague_lists_deadlines_of_a_case_he_cannot_open(self):
        """Deadlines show the case's label even to a specialist who may not
        open the case itself (another specialist's case)."""
        case = (
            self.env["mgp.accompaniment"]
            .with_user(self.specialist)
            .create(
                {
                    "partner_id": self.person.id,
                    "company_id": self.company.id,
                    "plan_agreed_date": date(2025, 10, 31),
                    "personal_file_number": "ЛД-78",
                    "personal_file_date": date(2025, 10, 31),
                }
            )
        )
        Case = self.env["mgp.accompaniment"].with_user(self.employee)
        self.assertFalse(Case.search([("id", "=", case.id)]))
        rows = (
            self.env["mgp.deadline"]
            .with_user(self.employee)
            .search_read([("res_id", "=", case.id)], ["res_name", "date_due"])
        )
        self.assertEqual(rows[0]["res_name"], case.name)
        self.assertEqual(rows[0]["date_due"], date(2025, 11, 1))
