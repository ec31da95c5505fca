# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.mgp_base.tests.common import pdf_text
from odoo.addons.mgp_base.tests.common_documents import provide_documents

from .common import ProgrammesCommon

MODULE = "mgp_employer_programmes"


@tagged("post_install", "-at_install")
class TestProgrammeForms(ProgrammesCommon):
    """The application, the agreement and the training referral print in
    Russian, amounts with kopecks and in words."""

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

    def test_application_form(self):
        application = self._application(amount_requested=100000.5)
        with freeze_time("2026-01-12"):
            application.action_submit(date(2026, 1, 12))
        text = self._pdf(
            "mgp_employer_programmes.action_report_subsidy_application", application
        )
        self.assertIn("Заявка", text)
        self.assertIn(application.name, text)
        self.assertIn(self.employer.name, text)
        self.assertIn("100 000,50 руб.", text)
        self.assertIn("сто тысяч", text)
        self.assertIn("12 января 2026 г.", text)

    def test_agreement_form(self):
        agreement = self._paid_agreement(amount=95000.25)
        text = self._pdf(
            "mgp_employer_programmes.action_report_subsidy_agreement", agreement
        )
        self.assertIn("Соглашение", text)
        self.assertIn(agreement.name, text)
        self.assertIn("95 000,25 руб.", text)
        self.assertIn("девяносто пять тысяч", text)
        self.assertIn("3 рабочих дней", text)
        self.assertIn("(подпись)", text)

    def test_training_referral_form(self):
        school = self.env["res.partner"].create(
            {"name": "ГАПОУ «Колледж»", "is_company": True}
        )
        referral = (
            self.env["mgp.training.referral"]
            .with_user(self.specialist)
            .create(
                {
                    "partner_id": self.person.id,
                    "company_id": self.company.id,
                    "ground": "no_qualification",
                    "aim": "demand",
                    "profession_id": self.env.ref(
                        "mgp_employer_programmes.training_profession_1"
                    ).id,
                    "ipra_recommends": True,
                    "school_id": school.id,
                    "school_license": "Л035-01234-40/00123456",
                    "school_contract": "К-12",
                    "stipend_amount": 2250.5,
                }
            )
        )
        provide_documents(referral)
        with freeze_time("2026-02-02"):
            referral.action_refer(date(2026, 2, 2))
        text = self._pdf(
            "mgp_employer_programmes.action_report_training_referral", referral
        )
        self.assertIn("Направление", text)
        self.assertIn(self.person.name, text)
        self.assertIn(referral.profession_id.name, text)
        self.assertIn("2 февраля 2026 г.", text)
        self.assertIn("2 250,50 руб.", text)

    def test_business_aid_contract_form(self):
        aid = (
            self.env["mgp.business.aid"]
            .with_user(self.specialist)
            .create(
                {
                    "partner_id": self.person.id,
                    "company_id": self.company.id,
                    "date_application": date(2026, 2, 2),
                    "birth_date": date(1990, 5, 17),
                    "unemployed_date": date(2026, 1, 20),
                    "registered_at_residence": True,
                    "business_activity": "Ремонт обуви",
                    "legal_form": "entrepreneur",
                    "purpose_ids": [
                        (6, 0, self.env.ref(f"{MODULE}.business_purpose_3").ids)
                    ],
                }
            )
        )
        provide_documents(aid)
        with freeze_time("2026-03-01"):
            aid.action_to_commission()
            with self.assertRaisesRegex(UserError, "not signed"):
                self._pdf(f"{MODULE}.action_report_business_aid_contract", aid)
            aid.commission_mse_member = "Иванова И. И., бюро МСЭ № 3"
            aid.action_commission_decision(True, date(2026, 2, 20), "К-15")
            aid.action_sign_contract("Д-7", date(2026, 2, 25))
        text = self._pdf(f"{MODULE}.action_report_business_aid_contract", aid)
        self.assertIn("Договор № Д-7", text)
        self.assertIn("25 февраля 2026 г.", text)
        self.assertIn(self.person.name, text)
        self.assertIn("№ К-15", text)
        self.assertIn("Иванова И. И.", text)
        self.assertIn("индивидуальный предприниматель", text)
        self.assertIn("58 800,00 руб.", text)
        self.assertIn("63 800,00 руб.", text)
        self.assertIn("шестьдесят три тысячи восемьсот", text)
        self.assertIn("однократно", text)
        self.assertIn("не менее 12 месяцев", text)

    def _aid(self):
        aid = (
            self.env["mgp.business.aid"]
            .with_user(self.specialist)
            .create(
                {
                    "partner_id": self.person.id,
                    "company_id": self.company.id,
                    "date_application": date(2026, 2, 2),
                    "birth_date": date(1990, 5, 17),
                    "unemployed_date": date(2026, 1, 20),
                    "registered_at_residence": True,
                    "business_activity": "Ремонт обуви",
                    "legal_form": "farm",
                    "plan_amount": 120000.4,
                    "purpose_ids": [
                        (6, 0, self.env.ref(f"{MODULE}.business_purpose_3").ids)
                    ],
                }
            )
        )
        provide_documents(aid)
        return aid

    def test_business_aid_application_form(self):
        aid = self._aid()
        text = self._pdf(f"{MODULE}.action_report_business_aid_application", aid)
        self.assertIn("Заявление", text)
        self.assertIn(aid.name, text)
        self.assertIn("2 февраля 2026 г.", text)
        self.assertIn("17 мая 1990 г.", text)
        self.assertIn(self.person.name, text)
        self.assertIn("крестьянского (фермерского) хозяйства", text)
        self.assertIn("Ремонт обуви", text)
        self.assertIn("120 000,40 руб.", text)
        self.assertIn(self.env.ref(f"{MODULE}.business_purpose_3").name, text)
        self.assertIn("однократно", text)

    def test_business_aid_refusal_notice(self):
        aid = self._aid()
        with freeze_time("2026-03-01"):
            aid.action_to_commission()
            with self.assertRaisesRegex(UserError, "refused has a notice"):
                self._pdf(f"{MODULE}.action_report_business_aid_refusal", aid)
            aid.action_commission_decision(
                False, date(2026, 2, 20), "К-16", "Бизнес-план не обоснован"
            )
        self.assertEqual(aid.state, "refused")
        text = self._pdf(f"{MODULE}.action_report_business_aid_refusal", aid)
        self.assertIn("Уведомление", text)
        self.assertIn("об отказе", text)
        self.assertIn(aid.name, text)
        self.assertIn("№ К-16", text)
        self.assertIn("20 февраля 2026 г.", text)
        self.assertIn("Бизнес-план не обоснован", text)
        self.assertIn("медико-социальной экспертизы", text)
