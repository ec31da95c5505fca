# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re
from datetime import date

from freezegun import freeze_time

from odoo.tests import HttpCase, tagged

from .common import QuotaCommon


@tagged("post_install", "-at_install")
class TestQuotaPortal(HttpCase, QuotaCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("ru_RU")
        cls.env["ir.module.module"]._load_module_terms(
            ["mgp_base", "mgp_quota"], ["ru_RU"], overwrite=True
        )

    def _login(self, user):
        self.authenticate(user.login, user.login + "_pwd1")

    def _post(self, url, data):
        page = self.url_open("/my/quota")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        return self.url_open(
            url, data=dict(data, csrf_token=token), allow_redirects=True
        )

    def _form(self, **extra):
        data = {
            "rows": "3",
            "headcount_avg": "120",
            "headcount_excluded": "20",
            "vacancy_count": "1",
            "line_0_worker_name": "Инвалидов Пётр Петрович",
            "line_0_position": "Оператор",
            "line_0_disability_group": "1",
            "line_0_way": "own",
            "line_0_contract_date": "2025-05-12",
            "line_1_worker_name": "Работникова Анна Сергеевна",
            "line_1_disability_group": "3",
            "line_1_way": "agreement",
        }
        data.update(extra)
        return data

    def test_file_and_submit_a_report_over_http(self):
        self._login(self.rep)
        page = self.url_open("/my/quota")
        self.assertEqual(page.status_code, 200)
        page = self.url_open("/my/quota/new")
        self.assertEqual(page.status_code, 200)
        self.assertIn('for="headcount_avg"', page.text)
        self.assertIn('for="line_0_worker_name"', page.text)
        with freeze_time("2026-04-03 09:00:00"):
            response = self._post(
                "/my/quota/new", self._form(date_from="2026-02-10", submit="1")
            )
        self.assertEqual(response.status_code, 200)
        report = self.Report.search([("employer_id", "=", self.employer.id)])
        self.assertEqual(len(report), 1)
        self.assertEqual(report.company_id, self.company_region)
        self.assertEqual(
            (report.date_from, report.date_to), (date(2026, 1, 1), date(2026, 3, 31))
        )
        self.assertEqual(report.state, "submitted")
        self.assertEqual(report.channel, "portal")
        self.assertEqual(report.quota, 3)
        self.assertEqual(report.fulfilled, 3.0)  # group I counts twice
        self.assertEqual(
            report.line_ids.mapped("worker_name"),
            ["Инвалидов Пётр Петрович", "Работникова Анна Сергеевна"],
        )
        self.assertIn(report.name, response.text)
        # submitted: shown, no more edited
        with freeze_time("2026-04-03 10:00:00"):
            response = self._post(
                f"/my/quota/{report.id}", self._form(headcount_avg="5")
            )
        self.assertEqual(report.headcount_avg, 120)
        self.assertIn("o_mgp_error_summary", response.text)

    def test_draft_saved_then_returned_then_resubmitted(self):
        self._login(self.rep)
        with freeze_time("2026-04-03 09:00:00"):
            self._post("/my/quota/new", self._form(date_from="2026-01-01"))
        report = self.Report.search([("employer_id", "=", self.employer.id)])
        self.assertEqual(report.state, "draft")
        with freeze_time("2026-04-06 09:00:00"):
            self._post(f"/my/quota/{report.id}", self._form(submit="1"))
            self.assertEqual(report.state, "submitted")
            report.with_user(self.specialist_region).action_return(
                "Укажите дату договора второго работника"
            )
        self._login(self.rep)
        page = self.url_open(f"/my/quota/{report.id}")
        self.assertIn("Укажите дату договора второго работника", page.text)
        self._login(self.rep)
        with freeze_time("2026-04-07 09:00:00"):
            self._post(
                f"/my/quota/{report.id}",
                self._form(line_1_contract_date="2025-09-01", submit="1"),
            )
        self.assertEqual(report.state, "submitted")
        self.assertEqual(report.line_ids[1].contract_date, date(2025, 9, 1))
        report.with_user(self.specialist_region).action_accept()
        self.assertEqual(report.state, "accepted")

    def test_errors_shown_and_focused(self):
        self.rep.lang = "ru_RU"
        self._login(self.rep)
        response = self._post(
            "/my/quota/new",
            self._form(date_from="", headcount_avg="сто", line_1_disability_group=""),
        )
        self.assertEqual(response.status_code, 200)
        text = response.text
        self.assertIn('role="alert"', text)
        self.assertIn('autofocus="autofocus"', text)
        self.assertIn('href="#headcount_avg"', text)
        self.assertIn('href="#date_from"', text)
        self.assertIn('href="#line_1_disability_group"', text)
        self.assertRegex(text, r'id="headcount_avg"[^>]*aria-invalid="true"')
        # what was typed is kept
        self.assertIn("Инвалидов Пётр Петрович", text)
        self.assertIn('lang="ru-RU"', text)
        self.assertIn("Введите целое число", text)
        self.assertFalse(self.Report.search([("employer_id", "=", self.employer.id)]))

    def test_isolation_between_employers(self):
        report = self._report()
        report_2 = self._report(self.employer_2)
        self._login(self.rep_2)
        self.assertEqual(self.url_open(f"/my/quota/{report.id}").status_code, 404)
        page = self.url_open("/my/quota")
        self.assertIn(report_2.name, page.text)
        self.assertNotIn(report.name, page.text)
        response = self._post(f"/my/quota/{report.id}", self._form(submit="1"))
        self.assertEqual(response.status_code, 404)
        self.assertEqual(report.state, "draft")

    def test_staff_user_has_no_employer_form(self):
        self.authenticate(self.specialist_region.login, self.specialist_region.login)
        self.assertEqual(self.url_open("/my/quota/new").status_code, 404)

    def test_exemption_documents_go_through_the_upload_checks(self):
        """The documents of an exemption are checked like every upload of the
        suite: a web page sent as a PDF is refused and nothing is kept."""
        self._login(self.rep)
        ground = self.env.ref("mgp_quota.quota_exemption_bankruptcy")
        form = self._form(
            date_from="2026-02-10",
            exempt="1",
            exemption_ground_id=str(ground.id),
            exemption_note="Решение арбитражного суда",
        )
        page = self.url_open("/my/quota")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        form["csrf_token"] = token
        with freeze_time("2026-04-03 09:00:00"):
            response = self.url_open(
                "/my/quota/new",
                data=form,
                files={
                    "exemption_files": (
                        "решение.pdf",
                        b"<html><body><script>alert(1)</script></body></html>",
                        "application/pdf",
                    )
                },
            )
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_mgp_error_summary", response.text)
        self.assertFalse(self.Report.search([("employer_id", "=", self.employer.id)]))
        pdf = b"%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< >>\n%%EOF\n"
        with freeze_time("2026-04-03 09:00:00"):
            self.url_open(
                "/my/quota/new",
                data=form,
                files={"exemption_files": ("решение.pdf", pdf, "application/pdf")},
            )
        report = self.Report.search([("employer_id", "=", self.employer.id)])
        self.assertEqual(len(report), 1)
        self.assertEqual(
            report.exemption_attachment_ids.mapped("name"), ["решение.pdf"]
        )
        self.assertEqual(report.exemption_attachment_ids.mimetype, "application/pdf")
