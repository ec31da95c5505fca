# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.mgp_base.tests.common import pdf_text

from .common import ProgrammesCommon


@tagged("post_install", "-at_install")
class TestSubsidyReports(ProgrammesCommon):
    def _pdf(self, xmlid, records):
        report = self.env.ref(xmlid)
        with self.allow_pdf_render():
            content, kind = (
                self.env["ir.actions.report"]
                .with_context(force_report_rendering=True)
                ._render_qweb_pdf(report, records.ids)
            )
        self.assertEqual(kind, "pdf")
        return pdf_text(content)

    def test_claim_letter(self):
        agreement = self._paid_agreement().with_user(self.specialist)
        workplace = agreement.workplace_ids
        workplace.action_hire(self.person, date(2026, 1, 15))
        workplace.employment_ids.action_dismiss(date(2026, 7, 15), "employer_no_fault")
        with freeze_time("2026-07-20"):
            agreement.action_claim_refund()
        text = self._pdf(
            "mgp_employer_programmes.action_report_subsidy_claim", agreement
        )
        self.assertIn("Требование", text)
        self.assertIn("о возврате субсидии", text)
        self.assertIn(agreement.name, text)
        self.assertIn(self.employer.name, text)
        self.assertIn("50410.96", text)
        self.assertIn("50 410,96 руб.", text)
        self.assertIn("пятьдесят тысяч четыреста десять", text)
        self.assertIn("по инициативе работодателя", text)
        self.assertIn("20 июля 2026 г.", text)
        self.assertIn("(подпись)", text)

    def test_claim_letter_refused_without_refund(self):
        agreement = self._paid_agreement()
        with self.assertRaises(UserError):
            self._pdf("mgp_employer_programmes.action_report_subsidy_claim", agreement)

    def test_refusal_notice(self):
        application = self._application()
        with freeze_time("2026-01-15"):
            application.action_submit(date(2026, 1, 12))
            application.action_refuse("false_data", None, date(2026, 1, 15))
        text = self._pdf(
            "mgp_employer_programmes.action_report_subsidy_refusal", application
        )
        self.assertIn("Уведомление", text)
        self.assertIn("об отказе в заключении соглашения", text)
        self.assertIn("указание недостоверных сведений", text)
        self.assertIn("15 января 2026 г.", text)
