# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.tests import HttpCase, tagged

from .common import AccompanimentCommon


@tagged("post_install", "-at_install")
class TestUi(HttpCase, AccompanimentCommon):
    def test_specialist_runs_a_case_in_browser(self):
        """A specialist registers an agreed plan, decides on the need and
        appoints the accompanying employee."""
        self.start_tour(
            "/odoo/action-mgp_accompaniment.mgp_accompaniment_action",
            "mgp_accompaniment_case_tour",
            login=self.specialist.login,
        )
        case = self.Case.search([("personal_file_number", "=", "ЛД-тур")])
        self.assertEqual(case.partner_id, self.person)
        self.assertEqual(case.plan_agreed_date, date(2025, 10, 31))
        self.assertEqual(case.state, "assignment")
        self.assertEqual(case.need, "needed")
        self.assertEqual(case._mgp_deadline_get("s1_need_decision").state, "done")
        self.assertEqual(case._mgp_deadline_get("s1_assignment").state, "open")
        self.assertEqual(case.line_ids.activity_id, self.act_1)
        self.assertEqual(case.responsible_user_id, self.specialist_2)
        self.assertEqual(case.order_state, "draft")
        self.assertFalse(case.order_number)  # numbered when a manager signs it
