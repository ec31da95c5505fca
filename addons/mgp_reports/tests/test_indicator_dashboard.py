# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import AccessError

from .indicator_common import MgpIndicatorCommon


class TestIndicatorDashboard(MgpIndicatorCommon):
    """The head of the centre's dashboard: tiles and the lists they open."""

    def test_dashboard(self):
        Dashboard = self.env["mgp.indicator.dashboard"].with_user(self.manager)
        action = Dashboard.action_open_dashboard(today=date(2026, 6, 30))
        dashboard = Dashboard.browse(action["res_id"])
        Case = self.env["mgp.accompaniment"].with_user(self.manager)
        self.assertEqual(
            dashboard.cases_active, Case.search_count([("state", "=", "active")])
        )
        tile = dashboard.with_context(mgp_case_state="active").action_open_cases()
        self.assertEqual(
            Case.search(tile["domain"]), Case.search([("state", "=", "active")])
        )
        Deadline = self.env["mgp.deadline"].with_user(self.manager)
        late = Deadline.search(dashboard.action_open_late()["domain"])
        self.assertEqual(len(late), dashboard.deadlines_late)
        self.assertTrue(all(d.sla_status == "late" and not d.external for d in late))
        # lines by procedure and by specialist open their procedures
        by_user = dashboard.user_line_ids.filtered(
            lambda line: line.user_id == self.specialist
        )
        self.assertEqual(
            by_user.late + by_user.at_risk,
            len(Deadline.search(by_user.action_open()["domain"])),
        )
        self.assertTrue(dashboard.procedure_line_ids)
        # I1/I2 of the current year (to 30 June 2026) and their trend
        self.assertEqual(dashboard.wizard_id.date_from, date(2026, 1, 1))
        self.assertEqual(dashboard.i1_share, 42.86)
        self.assertIn("I2 — 2026-01: 100.00", dashboard.trend)
        trend = dashboard.action_open_trend()
        self.assertEqual(trend["views"][0][1], "graph")
        self.assertEqual(
            dashboard.action_open_certificates_ending()["domain"],
            [("certificate_expiring", "=", True)],
        )

    def test_dashboard_is_for_managers(self):
        with self.assertRaises(AccessError):
            self.env["mgp.indicator.dashboard"].with_user(
                self.specialist
            ).action_open_dashboard()

    def test_menu_actions_and_views(self):
        """The menu's server action opens the dashboard; the analysis views
        load for a manager."""
        action = (
            self.env.ref("mgp_reports.mgp_indicator_dashboard_action")
            .with_user(self.manager)
            .run()
        )
        self.assertEqual(action["res_model"], "mgp.indicator.dashboard")
        views = (
            self.env["mgp.indicator.value"]
            .with_user(self.manager)
            .get_views(
                [(False, "list"), (False, "pivot"), (False, "graph"), (False, "search")]
            )
        )
        self.assertEqual(set(views["views"]), {"list", "pivot", "graph", "search"})
        form = (
            self.env["mgp.indicator.dashboard"]
            .with_user(self.manager)
            .get_views([(False, "form")])
        )
        self.assertIn("action_open_trend", form["views"]["form"]["arch"])
