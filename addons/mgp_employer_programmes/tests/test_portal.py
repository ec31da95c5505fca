# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from freezegun import freeze_time

from odoo.tests import HttpCase, tagged

from .common import ProgrammesCommon


@tagged("post_install", "-at_install")
class TestSubsidyPortal(ProgrammesCommon, HttpCase):
    """The employer's pages over HTTP, as its portal representative."""

    def _login(self, user):
        self.authenticate(user.login, user.login + "_pwd1")

    def test_apply_and_follow(self):
        self._login(self.rep)
        page = self.url_open("/my/subsidy/apply")
        self.assertEqual(page.status_code, 200)
        self.assertIn('lang="en-US"', page.text)
        self.assertIn('<label class="form-label" for="company_id">', page.text)
        self.assertIn("ЕГРЮЛ", page.text)
        refused = self.url_open(
            "/my/subsidy/apply",
            data={
                "csrf_token": self._csrf(),
                "company_id": str(self.company.id),
                "amount_requested": "abc",
            },
        )
        self.assertIn("o_mgp_error_summary", refused.text)
        self.assertIn('aria-invalid="true"', refused.text)
        self.assertFalse(
            self.Application.search([("employer_id", "=", self.employer.id)])
        )
        response = self.url_open(
            "/my/subsidy/apply",
            data={
                "csrf_token": self._csrf(),
                "company_id": str(self.company.id),
                "cost_kind_ids": [str(self.cost_kind.id)],
                "workplace_count": "2",
                "amount_requested": "180000,50",
                "works_description": "Пандус и рабочий стол с регулируемой высотой",
            },
            files={
                "attachments": ("guarantee.pdf", b"%PDF-1.4 test", "application/pdf")
            },
        )
        self.assertEqual(response.status_code, 200)
        application = self.Application.search([("employer_id", "=", self.employer.id)])
        self.assertEqual(len(application), 1)
        self.assertEqual(application.state, "submitted")
        self.assertEqual(application.channel, "portal")
        self.assertEqual(application.workplace_count, 2)
        self.assertEqual(application.amount_requested, 180000.5)
        self.assertTrue(application._mgp_deadline_get("subsidy_review"))
        self.assertIn(f"/my/subsidy/{application.id}", response.url)
        self.assertIn("Documents the centre still needs", response.text)
        listing = self.url_open("/my/subsidy")
        self.assertIn(application.name, listing.text)

    def test_other_employer_gets_404(self):
        application = self._application()
        self._login(self.rep_2)
        self.assertEqual(
            self.url_open(f"/my/subsidy/{application.id}").status_code, 404
        )
        self.assertNotIn(application.name, self.url_open("/my/subsidy").text)
        self._login(self.rep)
        self.assertEqual(
            self.url_open(f"/my/subsidy/{application.id}").status_code, 200
        )

    def test_agreement_page_and_dismissal_report(self):
        agreement = self._paid_agreement()
        workplace = agreement.workplace_ids.with_user(self.specialist)
        employment = workplace.action_hire(self.person, date(2026, 1, 15))
        employment.action_dismiss(date(2026, 7, 15), "own_will")
        url = f"/my/subsidy/agreement/{agreement.id}"
        self.assertEqual(agreement.access_url, url)
        self._login(self.rep_2)
        self.assertEqual(self.url_open(url).status_code, 404)
        self._login(self.rep)
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        self.assertIn(agreement.name, page.text)
        self.assertIn("20.07.2026", page.text)  # the report is due
        # the employer's page prints no name of a worker
        self.assertNotIn(self.person.name, page.text)
        csrf = self._csrf_of(url)
        refused = self.url_open(
            url, data={"csrf_token": csrf, "employment_id": str(employment.id)}
        )
        self.assertIn("o_mgp_error_summary", refused.text)
        self.assertFalse(employment.dismissal_reported_date)
        with freeze_time("2026-07-17"):
            reported = self.url_open(
                url,
                data={"csrf_token": csrf, "employment_id": str(employment.id)},
                files={"attachments": ("order.pdf", b"%PDF-1.4 x", "application/pdf")},
            )
        self.assertIn("success=reported", reported.url)
        self.assertEqual(employment.dismissal_reported_date, date(2026, 7, 17))
        self.assertFalse(employment.dismissal_report_missed)
        self.assertEqual(
            employment._mgp_deadline_get("subsidy_dismissal_report").state, "done"
        )

    def _csrf_of(self, url):
        page = self.url_open(url)
        marker = 'name="csrf_token" value="'
        start = page.text.index(marker) + len(marker)
        return page.text[start : page.text.index('"', start)]

    def _csrf(self):
        page = self.url_open("/my/subsidy/apply")
        marker = 'name="csrf_token" value="'
        start = page.text.index(marker) + len(marker)
        return page.text[start : page.text.index('"', start)]
