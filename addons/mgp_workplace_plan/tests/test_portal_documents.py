# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, tagged

from .common import WorkplaceCommon


@tagged("post_install", "-at_install")
class TestPortalDocuments(HttpCase, WorkplaceCommon):
    """The sent plan is also an accessible web page for its employer."""

    def test_plan_as_web_page(self):
        plan = self._sent_plan()
        draft = self._appeal(snils="123-456-789 64")
        self.authenticate(self.rep.login, self.rep.login + "_pwd1")
        page = self.url_open(f"/my/workplace/{plan.id}")
        self.assertIn(f"/my/workplace/{plan.id}/plan/html", page.text)
        response = self.url_open(f"/my/workplace/{plan.id}/plan/html")
        self.assertEqual(response.status_code, 200)
        for text in (
            'lang="ru"',
            "Приложение 2",
            plan.name,
            self.employer.name,
            "Тестов Тест Тестович",
            "Иванов И. И., мастер участка",
            f"/my/workplace/{plan.id}/plan.pdf",
        ):
            self.assertIn(text, response.text)
        # a plan not yet sent has no form; another employer sees nothing
        self.assertEqual(
            self.url_open(f"/my/workplace/{draft.id}/plan/html").status_code, 404
        )
        self.authenticate(self.rep_2.login, self.rep_2.login + "_pwd1")
        self.assertEqual(
            self.url_open(f"/my/workplace/{plan.id}/plan/html").status_code, 404
        )
