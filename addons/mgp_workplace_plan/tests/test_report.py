# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.mgp_base.tests.common import pdf_text

from .common import WorkplaceCommon


@tagged("post_install", "-at_install")
class TestReports(WorkplaceCommon):
    def _pdf(self, xmlid, plan):
        report = self.env.ref(xmlid)
        with self.allow_pdf_render():
            content, kind = (
                self.env["ir.actions.report"]
                .with_context(force_report_rendering=True)
                ._render_qweb_pdf(report, plan.ids)
            )
        self.assertEqual(kind, "pdf")
        return pdf_text(content)

    def test_plan_form_appendix_2(self):
        plan = self._offer().with_user(self.specialist)
        with freeze_time("2026-01-20"):
            plan.action_accept_offer(date(2026, 1, 12))
            plan.action_start_draft(date(2026, 1, 13))
            self._add_lines(plan)
        text = self._pdf("mgp_workplace_plan.action_report_workplace_plan", plan)
        self.assertIn("Приложение 2", text)
        self.assertIn("сопровождении инвалида на рабочем месте", text)
        self.assertIn(plan.name, text)
        self.assertIn(self.employer.name, text)
        self.assertIn("Тестов Тест Тестович", text)
        self.assertIn("Иванов И. И., мастер участка", text)
        self.assertIn("35 часов в неделю", text)
        self.assertIn("19.03.2026", text)
        self.assertIn("(подпись)", text)

    def test_appeal_form_appendix_5(self):
        plan = self._appeal(date(2026, 1, 12), contact_name="Кадровик Анна")
        text = self._pdf("mgp_workplace_plan.action_report_workplace_appeal", plan)
        self.assertIn("Приложение 5", text)
        self.assertIn("Обращение", text)
        self.assertIn("112-233-445 95", text)
        self.assertIn("Оператор", text)
        self.assertIn("12 января 2026 г.", text)
        self.assertIn("Кадровик Анна", text)

    def test_sent_plan_keeps_worker_name(self):
        """Renaming the worker after the plan is sent does not change what
        the sent plan prints (issue 18 §3)."""
        plan = self._sent_plan()
        self.person.with_user(self.specialist).name = "Другов Друг Другович"
        text = self._pdf("mgp_workplace_plan.action_report_workplace_plan", plan)
        self.assertIn("Тестов Тест Тестович", text)
        self.assertNotIn("Другов", text)
