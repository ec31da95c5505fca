# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Acceptance of issue 19: a centre runs its employers' quota for a year.

One employer of the Kaluga region kept by the centre, through 2026: the
region's rules (amended from 1 July), four quarterly reports (filed in the
portal over HTTP by the employer's representative; on paper, returned and
refiled; late, listed and notified to the regional authority; on paper on
its last day), the twelve monthly local-acts reports with their terms,
referrals answered in the portal (a hire recording the employment of the
service-1 case, a refusal with its reason), a reservation contract whose
trainee is hired on the reserved workplace, and the figures of the year
(screen, PDF, XLSX) against a hand count. Every term is the engine's; the
dates of the year are explicit.
"""

import base64
import io
import re
from datetime import date

import openpyxl
from freezegun import freeze_time

from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.mgp_accompaniment.tests.common import AccompanimentCommon
from odoo.addons.mgp_base.tests.common import pdf_text

PDF = b"%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< >>\n%%EOF\n"
# seed 004:162 «не позднее 10 числа месяца, следующего за отчетным», moved
# to the next working day (ГК РФ ст. 193): 10.05.2026 is a Sunday and
# 11.05.2026 the day off of 9 May; 10.10.2026 a Saturday; 10.01.2027 a Sunday
LOCAL_ACTS_DUE = {
    1: date(2026, 2, 10),
    2: date(2026, 3, 10),
    3: date(2026, 4, 10),
    4: date(2026, 5, 12),
    5: date(2026, 6, 10),
    6: date(2026, 7, 10),
    7: date(2026, 8, 10),
    8: date(2026, 9, 10),
    9: date(2026, 10, 12),
    10: date(2026, 11, 10),
    11: date(2026, 12, 10),
    12: date(2027, 1, 11),
}
QUARTER_DUE = {
    1: date(2026, 4, 10),
    2: date(2026, 7, 10),
    3: date(2026, 10, 12),
    4: date(2027, 1, 11),
}
# counted by hand: quotas 5 + 5 + 7 + 7, filled 5 + 5 + 5 + 7, Q3 late and
# not fulfilled, May's local acts late, three referrals, two hires
HAND = (1, 24, 22, 1, 1, 1, 3, 2)
COLUMNS = (
    "employer_count",
    "quota_total",
    "fulfilled_total",
    "late_count",
    "unfulfilled_count",
    "local_act_late_count",
    "referral_count",
    "hire_count",
)


@tagged("post_install", "-at_install")
class TestQuotaYear(HttpCase, AccompanimentCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("ru_RU")
        cls.env["ir.module.module"]._load_module_terms(
            ["mgp_base", "mgp_accompaniment", "mgp_quota"], ["ru_RU"], overwrite=True
        )
        cls.Rule = cls.env["mgp.quota.rule"]
        cls.Report = cls.env["mgp.quota.report"]
        cls.LocalActs = cls.env["mgp.quota.local.act.report"]
        cls.Rule.search([]).action_archive()
        country = {
            "date_from": date(2024, 9, 1),
            "rounding": "down",
            "min_one": True,
            "period": "quarter",
            "legal_source": "ст. 38 Закона № 565-ФЗ (тест)",
        }
        cls.Rule.create(
            [
                dict(country, headcount_from=36, headcount_to=100, percent=2),
                dict(country, headcount_from=101, headcount_to=0, percent=3),
            ]
        )
        cls.kaluga = cls.state
        cls.authority = cls.env["res.partner"].create(
            {
                "name": "Министерство труда и занятости Калужской области",
                "is_company": True,
            }
        )
        cls.service_org = cls.env["res.partner"].create(
            {"name": "АНО «Квотный оператор»", "is_company": True}
        )
        cls.plant = cls.env["res.partner"].create(
            {
                "name": "АО «Калужский годовой завод»",
                "is_company": True,
                "vat": "4027111111",
                "email": "hr@god.example.ru",
                "state_id": cls.kaluga.id,
                "mgp_quota_company_id": cls.company.id,
            }
        )
        contact = cls.env["res.partner"].create(
            {
                "name": "Кадровик Галина",
                "parent_id": cls.plant.id,
                "email": "galina@god.example.ru",
            }
        )
        cls.rep = new_test_user(
            cls.env,
            login="mgp_quota_year_rep",
            password="mgp_quota_year_rep_pwd1",
            groups="base.group_portal",
            partner_id=contact.id,
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
            lang="ru_RU",
        )
        cls.person_3 = cls.env["res.partner"].create(
            {
                "name": "Швецова Ольга Ивановна",
                "company_id": cls.company.id,
                "mgp_disability_group": "3",
            }
        )

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _post(self, url, data, files=None):
        self.authenticate(self.rep.login, self.rep.login + "_pwd1")
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        return self.url_open(url, data=dict(data, csrf_token=token), files=files)

    def _quarter(self, today):
        """The cron of ``today`` opens the report of the quarter just ended,
        once."""
        with freeze_time(today):
            opened = self.Report._cron_open_periods()
            self.assertFalse(
                self.Report._cron_open_periods().filtered(
                    lambda r: r.employer_id == self.plant
                )
            )
        report = opened.filtered(lambda r: r.employer_id == self.plant)
        self.assertEqual(len(report), 1)
        self.assertEqual(report.state, "draft")
        return report.with_user(self.specialist)

    def _lines(self, report, *items):
        Line = self.env["mgp.quota.report.line"].with_user(self.specialist)
        for index, (group, way, *agreement) in enumerate(items):
            Line.create(
                {
                    "report_id": report.id,
                    "worker_name": f"Работник {report.date_from:%m} {index}",
                    "disability_group": group,
                    "way": way,
                    "organisation_name": "ООО «Партнёр»" if way != "own" else False,
                    "agreement_id": agreement[0].id if agreement else False,
                }
            )

    def _workplace(self, name, **vals):
        values = {
            "name": name,
            "profession": name,
            "employer_id": self.plant.id,
            "company_id": self.company.id,
            "hours_per_week": 35,
        }
        values.update(vals)
        return self.env["mgp.quota.workplace"].with_user(self.specialist).create(values)

    def _referral(self, action, workplace):
        """The referral made from the form the action opens."""
        self.assertEqual(action["res_model"], "mgp.quota.referral")
        return (
            self.env["mgp.quota.referral"]
            .with_user(self.specialist)
            .with_context(**action["context"])
            .create({"workplace_id": workplace.id})
        )

    # ------------------------------------------------------------------
    # The year
    # ------------------------------------------------------------------
    def test_a_centre_runs_its_employers_quota_for_a_year(self):
        self._rules()
        reports = self._quarters()
        local_acts = self._local_acts()
        referrals = self._referrals()
        self._figures(reports, local_acts, referrals)
        self._russian()

    def _rules(self):
        """The region enters its law: 4 % above 100 staff, 3 % rounded up for
        36–100; from 1 July 5 % above 100 staff. The country's rules give way
        to them from their date."""
        regional = {
            "state_id": self.kaluga.id,
            "date_from": date(2026, 1, 1),
            "period": "quarter",
            "min_one": True,
            "legal_source": "Закон Калужской области о квотировании (тест)",
        }
        self.Rule.with_user(self.admin).create(
            [
                dict(
                    regional,
                    headcount_from=36,
                    headcount_to=100,
                    percent=3,
                    rounding="up",
                ),
                dict(regional, headcount_from=101, percent=4, rounding="down"),
                dict(
                    regional,
                    date_from=date(2026, 7, 1),
                    headcount_from=36,
                    headcount_to=100,
                    percent=3,
                    rounding="up",
                ),
                dict(
                    regional,
                    date_from=date(2026, 7, 1),
                    headcount_from=101,
                    percent=5,
                    rounding="down",
                ),
            ]
        )
        quota = self.Rule._mgp_quota
        # the country's rules before the region's date
        self.assertEqual(quota(150, 10, self.kaluga.id, date(2025, 12, 31)), 4)
        self.assertEqual(quota(150, 10, self.kaluga.id, date(2026, 1, 1)), 5)
        self.assertEqual(quota(150, 10, self.kaluga.id, date(2026, 7, 1)), 7)
        self.assertEqual(quota(50, 0, self.kaluga.id, date(2026, 3, 1)), 2)
        self.assertEqual(quota(35, 0, self.kaluga.id, date(2026, 3, 1)), 0)

    def _quarters(self):
        q1 = self._quarter("2026-04-01")
        self.assertEqual(
            (q1.date_from, q1.date_to), (date(2026, 1, 1), date(2026, 3, 31))
        )
        self.assertEqual(q1.region_id, self.kaluga)
        self.assertEqual(q1.date_due, QUARTER_DUE[1])
        # Q1: filed in the portal over HTTP by the employer's representative
        url = f"/my/quota/{q1.id}"
        with freeze_time("2026-04-08 09:00:00"):
            response = self._post(
                url,
                {
                    "rows": "4",
                    "headcount_avg": "150",
                    "headcount_excluded": "10",
                    "vacancy_count": "2",
                    "line_0_worker_name": "Инвалидов Пётр Петрович",
                    "line_0_disability_group": "1",
                    "line_0_way": "own",
                    "line_0_contract_date": "2025-05-12",
                    "line_1_worker_name": "Работникова Анна Сергеевна",
                    "line_1_disability_group": "2",
                    "line_1_way": "own",
                    "line_2_worker_name": "Слухов Иван Ильич",
                    "line_2_disability_group": "3",
                    "line_2_way": "own",
                    "line_3_worker_name": "Зрячев Олег Олегович",
                    "line_3_disability_group": "3",
                    "line_3_way": "agreement",
                    "submit": "1",
                },
            )
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("o_mgp_error_summary", response.text)
        q1.invalidate_recordset()
        self.assertEqual(q1.state, "submitted")
        self.assertEqual(q1.channel, "portal")
        self.assertEqual(q1.date_submitted, date(2026, 4, 8))
        # 4 % of 150 − 10 = 5.6, rounded down; group I counts twice
        self.assertEqual(q1.quota, 5)
        self.assertEqual(q1.fulfilled, 5.0)
        self.assertTrue(q1.is_fulfilled)
        self.assertEqual(q1._mgp_deadline_get("quota_report").state, "done")
        self.assertFalse(q1.filing_late)
        with freeze_time("2026-04-13"):
            q1.action_accept()
        self.assertEqual(q1.state, "accepted")

        # Q2: on paper, returned with the reason, corrected and refiled
        q2 = self._quarter("2026-07-01")
        self.assertEqual(q2.date_due, QUARTER_DUE[2])
        q2.write({"headcount_avg": 150, "headcount_excluded": 10})
        # a worker employed under the employer's service contract
        contract = (
            self.env["mgp.quota.agreement"]
            .with_user(self.specialist)
            .create(
                {
                    "name": "ДУ-7/2026",
                    "date": date(2026, 5, 4),
                    "kind": "service_contract",
                    "employer_id": self.plant.id,
                    "organisation_id": self.service_org.id,
                    "company_id": self.company.id,
                }
            )
        )
        self._lines(
            q2, ("1", "own"), ("3", "service_contract", contract), ("2", "agreement")
        )
        self.assertEqual(contract.places_used, 1)
        with freeze_time("2026-07-06"):
            q2.action_submit()
        self.assertEqual((q2.quota, q2.fulfilled), (5, 4.0))
        with freeze_time("2026-07-08"):
            q2.action_return("Не указан пятый работник, принятый в июне")
        self.assertEqual(q2.state, "returned")
        self.assertEqual(q2.return_reason, "Не указан пятый работник, принятый в июне")
        self._lines(q2, ("3", "own"))
        with freeze_time("2026-07-09"):
            q2.action_submit()
        with freeze_time("2026-07-13"):
            q2.action_accept()
        self.assertEqual(
            (q2.state, q2.fulfilled, q2.is_fulfilled), ("accepted", 5, True)
        )
        # filed first on 6 July, within the term
        self.assertFalse(q2.filing_late)

        # Q3: not filed by its term (10.10 a Saturday: Monday 12.10) — listed
        # and notified to the regional authority, then filed late
        q3 = self._quarter("2026-10-01")
        self.assertEqual(q3.date_due, QUARTER_DUE[3])
        with freeze_time("2026-10-12"):
            self.env["mgp.deadline"]._refresh_sla(notify=False)
            self.assertFalse(q3.filing_late)
        with freeze_time("2026-10-19"):
            self.env["mgp.deadline"]._refresh_sla(notify=False)
            late = self.Report.with_user(self.specialist).search(
                [("employer_id", "=", self.plant.id), ("to_notify", "=", True)]
            )
            self.assertEqual(late, q3)
            notice = (
                self.env["mgp.quota.notice"]
                .with_user(self.specialist)
                .create(
                    {
                        "company_id": self.company.id,
                        "authority_id": self.authority.id,
                        "date_from": date(2026, 7, 1),
                        "date_to": date(2026, 9, 30),
                    }
                )
            )
            notice.action_collect()
            self.assertEqual(notice.report_ids, q3)
            notice.action_send()
        self.assertEqual(notice.state, "sent")
        report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        with self.allow_pdf_render():
            pdf, report_format = report._render_qweb_pdf(
                "mgp_quota.action_report_quota_notice", notice.ids
            )
        self.assertEqual(report_format, "pdf")
        text = pdf_text(pdf)
        self.assertIn("Уведомление о работодателях", text)
        self.assertIn(notice.name, text)
        self.assertIn(self.authority.name, text)
        self.assertIn("Калужский годовой завод", text)
        self.assertIn("4027111111", text)
        self.assertIn("12.10.2026", text)
        self.assertIn("сведения не представлены", text)
        q3.write({"headcount_avg": 160, "headcount_excluded": 10})
        self._lines(q3, ("1", "own"), ("2", "own"), ("3", "own"), ("3", "own"))
        with freeze_time("2026-10-21"):
            q3.action_submit()
        # 5 % of 160 − 10 = 7.5, rounded down, by the rules of 1 July
        self.assertEqual((q3.quota, q3.fulfilled), (7, 5.0))
        self.assertTrue(q3.filing_late)
        self.assertEqual(
            notice._mgp_reason(q3),
            "сведения представлены с нарушением срока (21.10.2026); квота не "
            "выполнена: установлено 7, выполнено 5",
        )

        # Q4: on paper on the last day of its term (10.01.2027 a Sunday)
        q4 = self._quarter("2027-01-01")
        self.assertEqual(q4.date_due, QUARTER_DUE[4])
        q4.write({"headcount_avg": 160, "headcount_excluded": 10})
        self._lines(
            q4,
            ("1", "own"),
            ("1", "own"),
            ("2", "own"),
            ("3", "own"),
            ("3", "agreement"),
        )
        with freeze_time("2027-01-11"):
            q4.action_submit()
            q4.action_accept()
        self.assertEqual((q4.quota, q4.fulfilled, q4.filing_late), (7, 7.0, False))
        reports = q1 | q2 | q3 | q4
        # the employer's card keeps the history of the year
        self.assertEqual(
            self.plant.with_user(self.specialist).mgp_quota_report_ids, reports
        )
        return reports

    def _local_acts(self):
        """Each month the cron opens the report of the month just ended; its
        term is the 10th of the next month (the next working day)."""
        reports = self.LocalActs.browse()
        for month in range(1, 13):
            first = date(2026 + month // 12, month % 12 + 1, 1)
            with freeze_time(first):
                opened = self.LocalActs._cron_open_months()
            report = opened.filtered(lambda r: r.employer_id == self.plant)
            self.assertEqual(report.date_from, date(2026, month, 1))
            self.assertEqual(report.date_due, LOCAL_ACTS_DUE[month], month)
            reports |= report
        january, may = reports[0], reports[4]
        # January: the copies uploaded in the portal with the workplace they set
        url = f"/my/quota/local-acts/{january.id}"
        with freeze_time("2026-02-05 09:00:00"):
            response = self._post(
                url,
                {
                    "rows": "1",
                    "position_0_name": "Оператор ЭВМ",
                    "position_0_staff_units": "1",
                    "position_0_regime": "35 часов в неделю",
                    "submit": "1",
                },
                files={"act_files": ("приказ-квота.pdf", PDF, "application/pdf")},
            )
        self.assertEqual(response.status_code, 200)
        january.invalidate_recordset()
        self.assertEqual(january.state, "submitted")
        self.assertEqual(january.attachment_ids.mapped("name"), ["приказ-квота.pdf"])
        # the other months on paper, no act adopted; May after its term
        for report in reports - january:
            month = report.date_from.month
            filed = (
                date(2026, 6, 15)
                if report == may
                else date(2026 + month // 12, month % 12 + 1, 5)
            )
            report.with_user(self.specialist).write({"no_acts": True})
            with freeze_time(filed):
                report.with_user(self.specialist).action_submit()
        with freeze_time("2027-01-20"):
            self.env["mgp.deadline"]._refresh_sla(notify=False)
        late = self.LocalActs.with_user(self.specialist).search(
            [("employer_id", "=", self.plant.id), ("filing_late", "=", True)]
        )
        self.assertEqual(late, may)
        self.assertEqual(set(reports.mapped("state")), {"submitted"})
        return reports

    def _referrals(self):
        # a hire from the service-1 case: the employer answers in the portal
        case = self._active_case(date(2026, 1, 12), date(2026, 1, 19))
        operator = self._workplace("Оператор ЭВМ")
        action = case.with_user(self.specialist).action_mgp_quota_refer()
        hired = self._referral(action, operator)
        self.assertEqual(hired.partner_id, case.partner_id)
        self.assertEqual(hired.accompaniment_id, case)
        self.assertEqual(hired.company_id, self.company)
        with freeze_time("2026-02-02"):
            hired.action_send()
        answer = hired._mgp_deadline_get("quota_referral_answer")
        # five working days from Monday 2 February
        self.assertEqual(answer.date_due, date(2026, 2, 9))
        url = f"/my/quota/referral/{hired.id}"
        with freeze_time("2026-02-04 10:00:00"):
            response = self._post(
                url,
                {
                    "answer": "hired",
                    "contract_date": "2026-02-04",
                    "hours_per_week": "40",
                },
            )
            # seed 004:125, refused in Russian for a group II worker
            self.assertIn("не более 35 часов в неделю", response.text)
            self.assertEqual(hired.state, "sent")
            self._post(
                url,
                {
                    "answer": "hired",
                    "contract_date": "2026-02-04",
                    "hours_per_week": "35",
                },
            )
        hired.invalidate_recordset()
        self.assertEqual(hired.state, "hired")
        self.assertEqual((answer.state, answer.date_done), ("done", date(2026, 2, 4)))
        self.assertEqual(hired.employment_id.hours_per_week, 35)
        self.assertEqual(case.state, "employed")
        self.assertEqual(case.employment_date, date(2026, 2, 4))
        self.assertEqual(case.employer_id, self.plant)
        self.assertEqual(case.with_user(self.specialist).mgp_quota_referral_count, 1)
        self.assertEqual(operator.occupant_id, case.partner_id)

        # a refusal with its reason, the referral made from the person's card
        storekeeper = self._workplace("Кладовщик")
        action = self.person_2.with_user(self.specialist).action_mgp_quota_refer()
        refused = self._referral(action, storekeeper)
        self.assertEqual(refused.partner_id, self.person_2)
        with freeze_time("2026-05-12"):
            refused.action_send()
        with freeze_time("2026-05-14 10:00:00"):
            self._post(
                f"/my/quota/referral/{refused.id}",
                {"answer": "refused", "reason": "Вакансия занята по конкурсу"},
            )
        refused.invalidate_recordset()
        self.assertEqual(refused.state, "refused")
        self.assertEqual(refused.refusal_reason, "Вакансия занята по конкурсу")
        self.assertEqual(
            refused._mgp_deadline_get("quota_referral_answer").state, "done"
        )
        self.assertEqual(storekeeper.state, "vacant")

        # the reservation contract: a trainee of the centre to the reserved place
        reservation = (
            self.env["mgp.quota.reservation"]
            .with_user(self.specialist)
            .create(
                {
                    "name": "ДР-1/2026",
                    "date": date(2026, 3, 2),
                    "employer_id": self.plant.id,
                    "company_id": self.company.id,
                }
            )
        )
        seamstress = self._workplace(
            "Швея", reserved=True, reservation_id=reservation.id, hours_per_week=40
        )
        trainee = (
            self.env["mgp.quota.trainee"]
            .with_user(self.specialist)
            .create(
                {
                    "reservation_id": reservation.id,
                    "partner_id": self.person_3.id,
                    "profession": "Швея",
                    "date_training_referral": date(2026, 3, 10),
                    "workplace_id": seamstress.id,
                }
            )
        )
        trainee.action_mark_trained(date(2026, 6, 30))
        reserved = trainee.action_refer().with_user(self.specialist)
        with freeze_time("2026-07-01"):
            reserved.action_send()
        with freeze_time("2026-07-03 10:00:00"):
            self._post(
                f"/my/quota/referral/{reserved.id}",
                {
                    "answer": "hired",
                    "contract_date": "2026-07-03",
                    "hours_per_week": "40",
                },
            )
        reserved.invalidate_recordset()
        self.assertEqual(reserved.state, "hired")
        self.assertEqual(trainee.state, "hired")
        self.assertTrue(reserved.employment_id.contract_indefinite)
        self.assertEqual(seamstress.occupant_id, self.person_3)
        return hired | refused | reserved

    def _figures(self, reports, local_acts, referrals):
        wizard = (
            self.env["mgp.quota.figures.wizard"]
            .with_user(self.specialist)
            .create(
                {
                    "date_from": date(2026, 1, 1),
                    "date_to": date(2026, 12, 31),
                    "company_ids": [(6, 0, self.company.ids)],
                }
            )
        )
        wizard.action_compute()
        self.assertEqual(tuple(wizard[name] for name in COLUMNS), HAND)
        row = wizard.line_ids.filtered(lambda line: line.name == self.company.name)
        self.assertEqual(tuple(row[name] for name in COLUMNS), HAND)
        # the drill-down opens the records counted
        late = row.with_user(self.specialist).action_open_late()
        self.assertEqual(self.Report.search(late["domain"]), reports[2])
        sent = row.with_user(self.specialist).action_open_referrals()
        self.assertEqual(
            self.env["mgp.quota.referral"].search(sent["domain"]), referrals
        )
        acts = row.with_user(self.specialist).action_open_local_acts_late()
        self.assertEqual(self.LocalActs.search(acts["domain"]), local_acts[4])
        report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        with self.allow_pdf_render():
            pdf, report_format = report._render_qweb_pdf(
                "mgp_quota.action_report_quota_figures", wizard.ids
            )
        self.assertEqual(report_format, "pdf")
        text = pdf_text(pdf)
        self.assertIn("Сведения о квотировании рабочих мест", text)
        self.assertIn(f"{self.company.name} {' '.join(map(str, HAND))}", text)
        wizard.action_export_xlsx()
        book = openpyxl.load_workbook(
            io.BytesIO(base64.b64decode(wizard.xlsx_file)), read_only=True
        )
        rows = {
            row[0]: tuple(row[1:]) for row in book.active.iter_rows(values_only=True)
        }
        self.assertEqual(rows[self.company.name], HAND)

    def _russian(self):
        """The back office and the portal speak Russian."""
        ru = self.env(context=dict(self.env.context, lang="ru_RU"))
        states = dict(
            ru["mgp.quota.report"]._fields["state"]._description_selection(ru)
        )
        self.assertEqual(states["returned"], "Возвращён")
        arch = ru["mgp.accompaniment"].get_view(
            ru.ref("mgp_accompaniment.mgp_accompaniment_view_form").id
        )["arch"]
        self.assertIn("Направить на квотируемое рабочее место", arch)
        self.authenticate(self.rep.login, self.rep.login + "_pwd1")
        page = self.url_open("/my/quota").text
        self.assertIn("Квота для приема на работу инвалидов", page)
        self.assertIn("Ежемесячные сведения о локальных нормативных актах", page)
        self.assertIn("Направления инвалидов", page)
        for status in ("Принят", "Представлен", "Трудоустроен", "Отказ"):
            self.assertIn(f"<span>{status}</span>", page)
        # the terms of the year as the engine counted them
        for due in (*QUARTER_DUE.values(), *LOCAL_ACTS_DUE.values()):
            self.assertIn(f"<span>{due:%d.%m.%Y}</span>", page)
