# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    def test_admin_adds_calendar_day_in_browser(self):
        """A regional administrator adds a day off in the web client."""
        # the tour types a date in the US format
        self.env.ref("base.user_admin").lang = "en_US"
        self.start_tour("/odoo", "mgp_base_calendar_day_tour", login="admin")
        day = self.env["mgp.calendar.day"].search([("date", "=", "2031-12-24")])
        self.assertEqual(day.name, "Региональный выходной тур")
        self.assertEqual(day.source, "manual")
        self.assertFalse(self.env["mgp.calendar"].is_working_day(date(2031, 12, 24)))

    def test_login_page_in_russian(self):
        self.env.ref("base.lang_ru").active = True
        response = self.url_open("/web/login", headers={"Accept-Language": "ru"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("oe_login_form", response.text)
