# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Acceptance of issue 20: a centre runs the three programmes of seed 004
(§4 subsidies for equipping workplaces, §6 aid for starting a business,
§7 training in new professions) for a year, in Russian, from the
application to the refund; every term comes from the deadline engine,
every figure is printed (PDF) and exported (XLSX) and read back against a
hand count."""

import base64
import io
import pathlib
import re
from datetime import date

import openpyxl
from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.mgp_base.tests.common import pdf_text
from odoo.addons.mgp_base.tests.common_documents import provide_documents

from .common import ProgrammesCommon

PDF = b"%PDF-1.4 year"
MODULE = "mgp_employer_programmes"


@tagged("post_install", "-at_install")
class TestProgrammesYear(ProgrammesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        names = [
            "Сидоров Сергей Сергеевич",  # 3: second hire on workplace 2
            "Кузнецова Ольга Ивановна",  # 4: hire under agreement 2
            "Смирнов Алексей Павлович",  # 5: business aid kept 12 months
            "Волкова Мария Андреевна",  # 6: business stopped early
            "Орлов Игорь Денисович",  # 7: business aid refused
            "Зайцева Анна Олеговна",  # 8: training completed, employer
            "Морозов Денис Ильич",  # 9: training dropped
        ]
        cls.people = {
            number: Partner.create(
                {
                    "name": name,
                    "company_id": cls.company.id,
                    "mgp_disability_group": "3",
                }
            )
            for number, name in enumerate(names, start=3)
        }
        cls.school = Partner.create({"name": "ГАПОУ «Колледж»", "is_company": True})
        cls.Aid = cls.env["mgp.business.aid"].with_user(cls.specialist)
        cls.Referral = cls.env["mgp.training.referral"].with_user(cls.specialist)
        cls.ru = {"lang": "ru_RU"}

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _pdf(self, xmlid, records):
        report = self.env.ref(xmlid)
        with self.allow_pdf_render():
            content, kind = (
                self.env["ir.actions.report"]
                .with_context(force_report_rendering=True, lang="ru_RU")
                ._render_qweb_pdf(report, records.ids)
            )
        self.assertEqual(kind, "pdf")
        return pdf_text(content)

    def _due(self, record, code):
        deadline = record._mgp_deadline_get(code)
        self.assertTrue(deadline, code)
        # the date is the engine's, computed from the rule and the calendar
        self.assertEqual(
            deadline.date_due,
            self.env["mgp.deadline.rule"]._mgp_due_date(
                code, deadline.date_start, record.company_id.state_id.id
            ),
        )
        return deadline

    def _figures(self, date_from, date_to):
        wizard = (
            self.env["mgp.programme.figures.wizard"]
            .with_user(self.specialist)
            .with_context(**self.ru)
            .create(
                {
                    "date_from": date_from,
                    "date_to": date_to,
                    "company_ids": [(6, 0, self.company.ids)],
                }
            )
        )
        wizard.action_export_xlsx()
        book = openpyxl.load_workbook(
            io.BytesIO(base64.b64decode(wizard.xlsx_file)), read_only=True
        )
        xlsx = {
            row[1]: row[2]
            for row in book.active.iter_rows(min_row=5, values_only=True)
            if row[1]
        }
        lines = {line.key: line for line in wizard.line_ids}
        return wizard, lines, xlsx

    def _check_figures(self, wizard, lines, xlsx, expected):
        """Every figure: the wizard's line, its drill-down, the XLSX cell
        and the PDF row equal the hand count."""
        self.assertEqual(set(lines), set(expected))
        text = self._pdf(f"{MODULE}.action_report_programme_figures", wizard)
        for key, (value, records) in expected.items():
            line = lines[key]
            self.assertAlmostEqual(line.value, value, places=2, msg=key)
            self.assertAlmostEqual(xlsx[line.name], value, places=2, msg=key)
            shown = f"{value:.2f}" if line.is_amount else str(int(value))
            self.assertIn(f"{line.name} {shown}", text, key)
            action = line.action_open()
            opened = self.env[action["res_model"]].search(action["domain"])
            if records is not None:
                self.assertEqual(opened, records, key)
        return text

    # ------------------------------------------------------------------
    # The year
    # ------------------------------------------------------------------
    def test_a_centre_runs_the_three_programmes_for_a_year(self):
        # each programme's story runs day by day on its own clock
        with freeze_time("2026-01-09") as clock:
            subsidy = self._subsidies(clock)
        with freeze_time("2026-02-02") as clock:
            business = self._business_aids(clock)
        with freeze_time("2026-01-20") as clock:
            training = self._training(clock)
        with freeze_time("2026-12-31") as clock:
            self._year_figures(subsidy, business, training)
            self._twelve_months_later(clock, subsidy, business)

    def test_no_term_is_counted_by_hand(self):
        """Every term of the addons comes from the deadline engine: no
        timedelta counted in days anywhere in their code."""
        addons = pathlib.Path(__file__).resolve().parents[2]
        pattern = re.compile("timedelta" + r"\(\s*days\s*=")
        offenders = [
            str(path.relative_to(addons))
            for name in (MODULE, "mgp_quota_programmes")
            for path in (addons / name).rglob("*.py")
            if pattern.search(path.read_text(encoding="utf-8"))
        ]
        self.assertEqual(offenders, [])
        # the four terms of the programmes are rules of the engine
        Rule = self.env["mgp.deadline.rule"]
        for code, unit, length in (
            ("subsidy_review", "working_days", 10),
            ("subsidy_dismissal_report", "working_days", 3),
            ("subsidy_retention", "months", 12),
            ("business_retention", "months", 12),
        ):
            rule = Rule.search([("code", "=", code)], limit=1)
            self.assertEqual((rule.unit, rule.days), (unit, length), code)

    # ------------------------------------------------------------------
    # §4 Subsidies for equipping workplaces
    # ------------------------------------------------------------------
    def _subsidies(self, clock):
        Application = self.Application.with_context(**self.ru)
        # 09.01.2026: the quota employer applies in the portal; the review
        # term of 10 working days is the engine's (seed 004:104)
        first = Application.with_user(self.rep)._mgp_portal_apply(
            {
                "company_id": self.company.id,
                "cost_kind_ids": self.cost_kind.ids,
                "workplace_count": 2,
                "amount_requested": 180000,
                "works_description": "Пандус, поручни, рабочее место оператора",
            },
            [("smeta.pdf", PDF)],
        )
        first = first.with_user(self.specialist)
        self.assertEqual(first.state, "submitted")
        self.assertEqual(first.date_received, date(2026, 1, 9))
        self.assertEqual(first.channel, "portal")
        review = self._due(first, "subsidy_review")
        # 9 January + 10 working days: 12–16, 19–23 January
        self.assertEqual(review.date_due, date(2026, 1, 23))
        # seed 004:93: the employer subject to the quota has priority
        first.quota_employer = True
        self.assertEqual(first.priority, "1")
        text = self._pdf(f"{MODULE}.action_report_subsidy_application", first)
        self.assertIn("Заявка", text)
        self.assertIn(first.name, text)
        # the checklist of 004:96–103 blocks the grant
        clock.move_to("2026-01-12")
        self.assertEqual(len(first.mgp_document_line_ids), 8)
        with self.assertRaisesRegex(UserError, "документ"):
            first.with_context(**self.ru).action_grant()
        self._complete(first)
        agreement_1 = first.action_grant(date(2026, 1, 12))
        self.assertEqual(review.state, "done")
        agreement_1 = agreement_1.with_user(self.specialist)
        self.assertEqual(agreement_1.state, "draft")
        agreement_1.write(
            {
                "workplace_ids": [
                    (0, 0, {"name": "Оператор ЭВМ", "amount": 100000}),
                    (0, 0, {"name": "Швея", "amount": 80000}),
                ]
            }
        )
        clock.move_to("2026-01-13")
        agreement_1.action_sign(date(2026, 1, 13))
        self.assertEqual(self.budget.amount_used, 180000)
        self.assertEqual(self.budget.amount_left, 70000)
        clock.move_to("2026-01-14")
        agreement_1.with_user(self.manager).action_pay(date(2026, 1, 14))
        self.assertEqual(agreement_1.state, "paid")
        text = self._pdf(f"{MODULE}.action_report_subsidy_agreement", agreement_1)
        self.assertIn("Соглашение", text)
        self.assertIn("180 000,00 руб.", text)
        operator, seamstress = agreement_1.workplace_ids.sorted("id")

        # hires by the centre's referral (seed 004:107)
        clock.move_to("2026-01-15")
        hire_1 = operator.action_hire(self.person, date(2026, 1, 15))
        clock.move_to("2026-02-02")
        hire_2 = seamstress.action_hire(self.person_2, date(2026, 2, 2))
        self.assertEqual(operator.retention_end, date(2027, 1, 15))
        self.assertEqual(seamstress.retention_end, date(2027, 2, 2))

        # 02.03.2026: a second employer applies on paper and is refused
        # with the written notice (seed 004:105)
        clock.move_to("2026-03-02")
        refused = self._application(
            employer_id=self.employer_2.id, amount_requested=90000
        )
        refused.action_submit(date(2026, 3, 2))
        self.assertEqual(refused.priority, "0")
        clock.move_to("2026-03-10")
        refused.action_refuse("documents", "Нет справки банка.", date(2026, 3, 10))
        self.assertEqual(refused.state, "refused")
        self.assertEqual(self._due(refused, "subsidy_review").state, "done")
        notice = refused.message_ids.filtered(lambda m: "отказывает" in (m.body or ""))
        self.assertTrue(notice)
        text = self._pdf(f"{MODULE}.action_report_subsidy_refusal", refused)
        self.assertIn("об отказе в заключении соглашения", text)
        self.assertIn("неполное представление документов", text)
        self.assertIn("10 марта 2026 г.", text)

        # 01.04.2026: the second employer applies again with every paper;
        # the budget limit left (70 000) caps the agreement (seed 004:106)
        clock.move_to("2026-04-01")
        second = self._application(
            employer_id=self.employer_2.id, amount_requested=100000
        )
        second.action_submit(date(2026, 4, 1))
        clock.move_to("2026-04-08")
        self._complete(second)
        agreement_2 = second.action_grant(date(2026, 4, 8)).with_user(self.specialist)
        agreement_2.write(
            {"workplace_ids": [(0, 0, {"name": "Упаковщик", "amount": 100000})]}
        )
        clock.move_to("2026-04-10")
        with self.assertRaisesRegex(UserError, "лимит"):
            agreement_2.with_context(**self.ru).action_sign(date(2026, 4, 10))
        agreement_2.workplace_ids.amount = 70000
        clock.move_to("2026-04-13")
        agreement_2.action_sign(date(2026, 4, 13))
        self.assertEqual(self.budget.amount_used, 250000)
        self.assertEqual(self.budget.amount_left, 0)
        clock.move_to("2026-04-15")
        agreement_2.with_user(self.manager).action_pay(date(2026, 4, 15))
        packer = agreement_2.workplace_ids
        clock.move_to("2026-05-04")
        hire_4 = packer.action_hire(self.people[4], date(2026, 5, 4))

        # 01.06.2026: she resigns; the employer does not report within 3
        # working days (seed 004:112): the subsidy becomes refundable (004:119)
        clock.move_to("2026-06-01")
        hire_4.action_dismiss(date(2026, 6, 1), "own_will")
        report_4 = self._due(hire_4, "subsidy_dismissal_report")
        self.assertTrue(report_4.external)
        self.assertEqual(report_4.date_due, date(2026, 6, 4))
        Employment = self.env["mgp.subsidy.employment"]
        self.assertFalse(Employment._cron_missed_reports(date(2026, 6, 4)))
        self.assertEqual(packer.refund_amount, 0.0)
        self.assertEqual(Employment._cron_missed_reports(date(2026, 6, 5)), hire_4)
        self.assertEqual(packer.refund_ground, "report_missed")
        # 70 000 × (365 − 28) / 365
        self.assertEqual(packer.term_days, 365)
        self.assertEqual(packer.kept_days, 28)
        self.assertAlmostEqual(packer.refund_amount, 64630.14, places=2)
        clock.move_to("2026-06-10")
        agreement_2.action_claim_refund(date(2026, 6, 10))
        text = self._pdf(f"{MODULE}.action_report_subsidy_claim", agreement_2)
        self.assertIn("64 630,14 руб.", text)
        self.assertIn("10 июня 2026 г.", text)
        clock.move_to("2026-06-30")
        agreement_2.action_record_repayment(64630.14, date(2026, 6, 30))
        self.assertEqual(agreement_2.refund_state, "repaid")
        clock.move_to("2026-07-01")
        with self.assertRaisesRegex(UserError, "документ"):
            agreement_2.with_context(**self.ru).action_close(date(2026, 7, 1))
        # the proof of targeted use (seed 004:108–110)
        provide_documents(agreement_2)
        agreement_2.action_close(date(2026, 7, 1))
        self.assertEqual(agreement_2.state, "closed")

        # 15.07.2026: the operator is dismissed on the employer's
        # initiative, not his fault (seed 004:118): refund ≈ half
        clock.move_to("2026-07-15")
        hire_1.action_dismiss(date(2026, 7, 15), "employer_no_fault")
        report_1 = self._due(hire_1, "subsidy_dismissal_report")
        # 3 working days: Thu 16, Fri 17, Mon 20 July
        self.assertEqual(report_1.date_due, date(2026, 7, 20))
        # the employer reports in the portal with the order and form 125н
        clock.move_to("2026-07-17")
        agreement_1.with_user(self.rep)._mgp_portal_report_dismissal(
            hire_1.id, [("prikaz.pdf", PDF), ("125n.pdf", PDF)]
        )
        self.assertEqual(hire_1.dismissal_reported_date, date(2026, 7, 17))
        self.assertEqual(report_1.state, "done")
        self.assertFalse(hire_1.dismissal_report_missed)
        self.assertEqual(operator.refund_ground, "employer_initiative")
        self.assertEqual((operator.term_days, operator.kept_days), (365, 181))
        self.assertAlmostEqual(operator.refund_amount, 50410.96, places=2)
        clock.move_to("2026-07-20")
        action = agreement_1.action_claim_refund(date(2026, 7, 20))
        self.assertEqual(action["type"], "ir.actions.report")
        self.assertEqual(agreement_1.claim_amount, 50410.96)
        text = self._pdf(f"{MODULE}.action_report_subsidy_claim", agreement_1)
        self.assertIn("Требование", text)
        self.assertIn("50 410,96 руб.", text)
        self.assertIn("по инициативе работодателя", text)
        clock.move_to("2026-08-10")
        agreement_1.action_record_repayment(30000, date(2026, 8, 10))
        self.assertEqual(agreement_1.refund_state, "claimed")
        clock.move_to("2026-08-24")
        agreement_1.action_record_repayment(20410.96, date(2026, 8, 24))
        self.assertEqual(agreement_1.refund_state, "repaid")

        # 03.08.2026: the seamstress resigns, reported in time; the centre
        # refers another disabled person hired 30 days later: no refund,
        # the 30 days are not counted (seed 004:91)
        clock.move_to("2026-08-03")
        hire_2.action_dismiss(date(2026, 8, 3), "own_will")
        clock.move_to("2026-08-05")
        hire_2.action_report_dismissal(date(2026, 8, 5))
        self.assertEqual(self._due(hire_2, "subsidy_dismissal_report").state, "done")
        clock.move_to("2026-09-02")
        hire_3 = seamstress.action_hire(self.people[3], date(2026, 9, 2))
        self.assertEqual(seamstress.gap_days, 30)
        self.assertEqual(seamstress.retention_end, date(2027, 3, 4))
        self.assertFalse(seamstress.refund_ground)
        self.assertEqual(seamstress.refund_amount, 0.0)
        self.assertEqual(agreement_1.retention_end, date(2027, 3, 4))

        # 15.10.2026: a documentary inspection finds nothing (004:113–114)
        clock.move_to("2026-10-15")
        agreement_1.write(
            {
                "inspection_ids": [
                    (
                        0,
                        0,
                        {
                            "kind": "documentary",
                            "date": date(2026, 10, 15),
                            "findings": "Рабочие места используются по назначению.",
                        },
                    )
                ]
            }
        )
        provide_documents(agreement_1)
        clock.move_to("2026-12-01")
        with self.assertRaisesRegex(UserError, "Мониторинг по Швея не завершён"):
            agreement_1.with_context(**self.ru).action_close(date(2026, 12, 1))
        return {
            "applications": first | refused | second,
            "granted": first | second,
            "refused": refused,
            "agreements": agreement_1 | agreement_2,
            "hires": hire_1 | hire_2 | hire_3 | hire_4,
            "seamstress": seamstress,
            "agreement_1": agreement_1,
        }

    # ------------------------------------------------------------------
    # §6 Aid for starting a business
    # ------------------------------------------------------------------
    def _aid(self, partner, day, model=None, **vals):
        values = {
            "partner_id": partner.id,
            "company_id": self.company.id,
            "date_application": day,
            "birth_date": date(1985, 4, 12),
            "unemployed_date": date(2026, 1, 20),
            "registered_at_residence": True,
            "business_activity": "Ремонт обуви",
            "legal_form": "entrepreneur",
            "plan_amount": 64000,
            "service_ids": [
                (6, 0, self.env.ref(f"{MODULE}.business_service_2").ids),
            ],
            "purpose_ids": [(6, 0, self.env.ref(f"{MODULE}.business_purpose_3").ids)],
        }
        values.update(vals)
        aid = (self.Aid if model is None else model).create(values)
        provide_documents(aid)
        return aid

    def _approve_and_pay(self, clock, aid, days):
        commission, contract, registration, paid = days
        clock.move_to(commission)
        aid.action_to_commission()
        aid.commission_mse_member = "Иванова И. И., бюро МСЭ № 3"
        aid.action_commission_decision(True, commission, "К-" + str(aid.id))
        clock.move_to(contract)
        aid.action_sign_contract("Д-" + str(aid.id), contract)
        aid.write({"registration_date": registration, "registration_number": "3264"})
        clock.move_to(paid)
        aid.with_user(self.manager).action_pay(paid)
        self.assertEqual(aid.state, "paid")
        self.assertEqual(aid.aid_total, 63800)

    def _business_aids(self, clock):
        clock.move_to("2026-02-02")
        kept = self._aid(self.people[5], date(2026, 2, 2))
        self._approve_and_pay(
            clock,
            kept,
            (date(2026, 2, 20), date(2026, 2, 25), date(2026, 3, 2), date(2026, 3, 10)),
        )
        text = self._pdf(f"{MODULE}.action_report_business_aid_contract", kept)
        self.assertIn("о предоставлении единовременной финансовой помощи", text)
        self.assertIn("63 800,00 руб.", text)
        # 12 months from the state registration, by the engine (004:208)
        self.assertEqual(kept.keep_until, date(2027, 3, 2))
        clock.move_to("2026-04-01")
        stopped = self._aid(self.people[6], date(2026, 4, 1))
        refused = self._aid(self.people[7], date(2026, 4, 1))
        self._approve_and_pay(
            clock,
            stopped,
            (date(2026, 4, 20), date(2026, 4, 24), date(2026, 5, 4), date(2026, 5, 12)),
        )
        refused.action_to_commission()
        refused.action_commission_decision(
            False, date(2026, 4, 20), "К-99", "Бизнес-план не обоснован"
        )
        self.assertEqual(refused.state, "refused")
        # 01.06.2026: the aid is once in a lifetime (seed 004:192)
        clock.move_to("2026-06-01")
        with self.assertRaisesRegex(UserError, "однократно"):
            self._aid(
                self.people[5], date(2026, 6, 1), self.Aid.with_context(**self.ru)
            )
        with self.assertRaisesRegex(UserError, "однократно"):
            self.Aid.with_context(**self.ru).create(
                {
                    "partner_id": self.people[5].id,
                    "company_id": self.company.id,
                    "date_application": date(2026, 6, 1),
                }
            )
        # 30.09.2026: the second business stops before 12 months
        clock.move_to("2026-09-30")
        stopped.action_record_end(date(2026, 9, 30))
        self.assertEqual(stopped.state, "ended")
        self.assertFalse(self.env["mgp.business.aid"]._cron_kept(date(2026, 12, 31)))
        return {"paid": kept | stopped, "kept": kept}

    # ------------------------------------------------------------------
    # §7 Training in new professions
    # ------------------------------------------------------------------
    def _referral(self, partner, **vals):
        values = {
            "partner_id": partner.id,
            "company_id": self.company.id,
            "ground": "no_qualification",
            "aim": "reserved_workplace",
            "profession_id": self.env.ref(f"{MODULE}.training_profession_1").id,
            "ipra_recommends": True,
            "school_id": self.school.id,
            "school_license": "Л035-01234-40/00123456",
            "school_contract": "К-12",
            "stipend_amount": 2000,
            "practice_place": "ООО «Работодатель», цех № 2",
            "condition_ids": [
                (6, 0, self.env.ref(f"{MODULE}.training_condition_2").ids)
            ],
        }
        values.update(vals)
        referral = self.Referral.create(values)
        provide_documents(referral)
        return referral

    def _training(self, clock):
        clock.move_to("2026-01-20")
        completed = self._referral(self.people[8], choice_difficult=True)
        # vocational guidance first (seed 004:222)
        with self.assertRaisesRegex(UserError, "профессиональная ориентация"):
            completed.with_context(**self.ru).action_refer(date(2026, 1, 20))
        completed.guidance_date = date(2026, 1, 20)
        clock.move_to("2026-02-02")
        completed.action_refer(date(2026, 2, 2))
        text = self._pdf(f"{MODULE}.action_report_training_referral", completed)
        self.assertIn("Направление", text)
        self.assertIn(self.people[8].name, text)
        clock.move_to("2026-02-09")
        completed.action_start(date(2026, 2, 9), date(2026, 5, 29))
        completed.write(
            {
                "attendance_ids": [
                    (0, 0, {"month": month, "days_planned": 15, **days})
                    for month, days in (
                        (date(2026, 2, 1), {"days_attended": 13, "days_incapacity": 2}),
                        (date(2026, 3, 1), {"days_attended": 15}),
                        (date(2026, 4, 1), {"days_attended": 15}),
                        (date(2026, 5, 1), {"days_attended": 14}),
                    )
                ]
            }
        )
        clock.move_to("2026-03-02")
        dropped = self._referral(self.people[9], aim="demand")
        dropped.action_refer(date(2026, 3, 2))
        clock.move_to("2026-03-10")
        dropped.action_start(date(2026, 3, 10))
        clock.move_to("2026-04-15")
        dropped.action_drop("Переезд в другой регион")
        self.assertEqual(dropped.state, "dropped")
        clock.move_to("2026-05-29")
        completed.action_complete("УД-0001", date(2026, 5, 29))
        clock.move_to("2026-06-01")
        completed.action_refer_to_employer(self.employer, date(2026, 6, 1))
        self.assertEqual(completed.state, "employer_referral")
        # hired on the reserved workplace (seed 004:76)
        clock.move_to("2026-06-15")
        completed.action_record_employment(date(2026, 6, 15))
        return {"trainees": completed | dropped, "completed": completed}

    # ------------------------------------------------------------------
    # The figures
    # ------------------------------------------------------------------
    def _year_figures(self, subsidy, business, training):
        """The hand count of 2026 for the centre."""
        wizard, lines, xlsx = self._figures(date(2026, 1, 1), date(2026, 12, 31))
        agreements = subsidy["agreements"]
        Workplace = self.env["mgp.subsidy.workplace"]
        expected = {
            "applications": (3, subsidy["applications"]),
            "granted": (2, subsidy["granted"]),
            "refused": (1, subsidy["refused"]),
            "agreements": (2, agreements),
            "amount": (250000, agreements),
            "hires": (4, subsidy["hires"]),
            # every workplace is still monitored at the end of the year
            "kept": (0, Workplace),
            "refunds": (2, agreements),
            "refund_amount": (50410.96 + 64630.14, agreements),
            "repaid_amount": (115041.10, agreements),
            "aids": (2, business["paid"]),
            "aid_amount": (2 * 63800, business["paid"]),
            "alive": (0, self.env["mgp.business.aid"]),
            "trainees": (2, training["trainees"]),
            "completed": (1, training["completed"]),
            "referred_employer": (1, training["completed"]),
            "employed": (1, training["completed"]),
        }
        text = self._check_figures(wizard, lines, xlsx, expected)
        # a period ending in the future counts no workplace kept before its
        # monitoring is over
        ahead = wizard.copy({"date_to": date(2027, 12, 31)})
        ahead._mgp_fill()
        kept = ahead.line_ids.filtered(lambda line: line.key == "kept")
        self.assertEqual(kept.value, 0)
        self.assertIn("Показатели специальных мероприятий", text)
        self.assertIn("с 1 января 2026 г. по 31 декабря 2026 г.", text)
        self.assertIn(self.company.name, text)

    def _twelve_months_later(self, clock, subsidy, business):
        """The monitoring ends in 2027: the seamstress's workplace is kept
        (30 days longer), the first business is alive at 12 months."""
        clock.move_to("2027-03-02")
        Aid = self.env["mgp.business.aid"]
        self.assertFalse(Aid._cron_kept(date(2027, 3, 1)))
        self.assertEqual(Aid._cron_kept(date(2027, 3, 2)), business["kept"])
        self.assertEqual(business["kept"].state, "done")
        agreement_1 = subsidy["agreement_1"]
        clock.move_to("2027-03-03")
        with self.assertRaises(UserError):
            agreement_1.action_close(date(2027, 3, 3))
        clock.move_to("2027-03-04")
        agreement_1.action_close(date(2027, 3, 4))
        self.assertEqual(agreement_1.state, "closed")
        wizard, lines, xlsx = self._figures(date(2026, 1, 1), date(2027, 3, 31))
        self.assertEqual(lines["kept"].value, 1)
        self.assertEqual(xlsx[lines["kept"].name], 1)
        action = lines["kept"].action_open()
        self.assertEqual(
            self.env[action["res_model"]].search(action["domain"]),
            subsidy["seamstress"],
        )
        self.assertEqual(lines["alive"].value, 1)
        action = lines["alive"].action_open()
        self.assertEqual(
            self.env[action["res_model"]].search(action["domain"]), business["kept"]
        )
        text = self._pdf(f"{MODULE}.action_report_programme_figures", wizard)
        self.assertIn(f"{lines['kept'].name} 1", text)
        self.assertIn(f"{lines['alive'].name} 1", text)
