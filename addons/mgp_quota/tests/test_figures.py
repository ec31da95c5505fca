# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import io
from datetime import date

import openpyxl
from freezegun import freeze_time

from odoo.tests import new_test_user, tagged

from odoo.addons.mgp_base.tests.common import pdf_text

from .common import QuotaCommon

# the columns of the rows, in the order of the screen, the PDF and the workbook
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
# counted by hand from the records of setUp
HAND = {
    "ЦЗН Калужский": (2, 3 + 6, 2, 1, 1, 1, 2, 1),
    "ЦЗН Обнинский": (1, 1, 1, 0, 0, 0, 1, 0),
    "ЦЗН Тульский": (1, 3, 0, 1, 0, 0, 0, 0),
}
KALUGA_TOTAL = (3, 10, 3, 1, 1, 1, 3, 1)
TULA_TOTAL = HAND["ЦЗН Тульский"]
TOTAL = (4, 13, 3, 2, 1, 1, 3, 1)


@tagged("post_install", "-at_install")
class TestQuotaFigures(QuotaCommon):
    """Figures per centre and per region: employers subject, quota places,
    places filled, reports late, referrals → hires; drill-down, PDF, XLSX."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Company = cls.env["res.company"]
        cls.company_klu_2 = Company.create(
            {"name": "ЦЗН Обнинский", "state_id": cls.state.id}
        )
        cls.company_tul = Company.create(
            {"name": "ЦЗН Тульский", "state_id": cls.state_other.id}
        )
        centres = cls.company_region | cls.company_klu_2 | cls.company_tul
        cls.regional = new_test_user(
            cls.env,
            login="mgp_quota_regional",
            groups="mgp_base.group_specialist",
            company_id=cls.company_region.id,
            company_ids=[(6, 0, centres.ids)],
        )
        Partner = cls.env["res.partner"]
        cls.employer_klu_2 = Partner.create(
            {"name": "ООО «Обнинское»", "is_company": True, "state_id": cls.state.id}
        )
        cls.employer_small = Partner.create(
            {"name": "ООО «Малое»", "is_company": True, "state_id": cls.state.id}
        )
        cls.employer_tul = Partner.create(
            {
                "name": "АО «Тульское»",
                "is_company": True,
                "state_id": cls.state_other.id,
            }
        )
        cls.seekers = Partner.create(
            [{"name": f"Соискатель {n}", "mgp_disability_group": "3"} for n in range(3)]
        )

    def _centre_report(self, employer, company, headcount):
        return self.Report.with_user(self.regional).create(
            {
                "employer_id": employer.id,
                "company_id": company.id,
                "period": "quarter",
                "date_from": date(2026, 1, 1),
                "date_to": date(2026, 3, 31),
                "headcount_avg": headcount,
            }
        )

    def _referral(self, company, employer, seeker):
        workplace = (
            self.env["mgp.quota.workplace"]
            .with_user(self.regional)
            .create(
                {
                    "name": "Оператор",
                    "employer_id": employer.id,
                    "company_id": company.id,
                }
            )
        )
        referral = (
            self.env["mgp.quota.referral"]
            .with_user(self.regional)
            .create(
                {
                    "partner_id": seeker.id,
                    "workplace_id": workplace.id,
                    "company_id": company.id,
                }
            )
        )
        with freeze_time("2026-02-02"):
            referral.action_send()
        return referral

    def setUp(self):
        super().setUp()
        with freeze_time("2026-04-01"):
            # Kaluga centre: 120 staff → 3 places, one group I worker (2.0)
            # filed on time, not fulfilled; 200 staff → 6 places, not filed
            self.unfulfilled = self._report(headcount_avg=120)
            self._line(self.unfulfilled, "1")
            self.silent = self._report(self.employer_2, headcount_avg=200)
            # Obninsk centre: 50 staff → 1 place, fulfilled; 20 staff: not subject
            self.obninsk = self._centre_report(
                self.employer_klu_2, self.company_klu_2, 50
            )
            self.env["mgp.quota.report.line"].with_user(self.regional).create(
                {
                    "report_id": self.obninsk.id,
                    "worker_name": "Работник Обнинский",
                    "disability_group": "3",
                    "way": "own",
                }
            )
            small = self._centre_report(self.employer_small, self.company_klu_2, 20)
            # Tula centre: 101 staff → 3 places, not filed
            self.tula = self._centre_report(self.employer_tul, self.company_tul, 101)
            # a report of another year is not counted
            self._report(date_from=date(2025, 10, 1), headcount_avg=500)
        with freeze_time("2026-04-06"):
            (self.unfulfilled | self.obninsk | small).with_user(
                self.regional
            ).action_submit()
        LocalActs = self.env["mgp.quota.local.act.report"].with_user(self.regional)
        with freeze_time("2026-02-01"):
            self.local_late = LocalActs.create(
                {
                    "employer_id": self.employer.id,
                    "company_id": self.company_region.id,
                    "date_from": date(2026, 1, 1),
                }
            )
            on_time = LocalActs.create(
                {
                    "employer_id": self.employer_klu_2.id,
                    "company_id": self.company_klu_2.id,
                    "date_from": date(2026, 1, 1),
                    "no_acts": True,
                }
            )
        with freeze_time("2026-02-05"):
            on_time.action_submit()
        self.referrals = self._referral(
            self.company_region, self.employer, self.seekers[0]
        ) | self._referral(self.company_region, self.employer_2, self.seekers[1])
        self.referral_obninsk = self._referral(
            self.company_klu_2, self.employer_klu_2, self.seekers[2]
        )
        with freeze_time("2026-02-03"):
            self.referrals[0].action_register_hire(date(2026, 2, 3))
        with freeze_time("2026-05-04"):
            self.env["mgp.deadline"]._refresh_sla(notify=False)

    def _wizard(self, user=None, **vals):
        values = {"date_from": date(2026, 1, 1), "date_to": date(2026, 3, 31)}
        values.update(vals)
        return (
            self.env["mgp.quota.figures.wizard"]
            .with_user(user or self.regional)
            .create(values)
        )

    def _rows(self, wizard):
        return {
            line.name: tuple(line[name] for name in COLUMNS) for line in wizard.line_ids
        }

    def test_rows_per_centre_and_region_totals(self):
        centres = self.company_region | self.company_klu_2 | self.company_tul
        wizard = self._wizard(company_ids=[(6, 0, centres.ids)])
        wizard.action_compute()
        rows = self._rows(wizard)
        for name, figures in HAND.items():
            self.assertEqual(rows[name], figures, name)
        self.assertEqual(rows[f"Total of {self.state.name}"], KALUGA_TOTAL)
        self.assertEqual(rows[f"Total of {self.state_other.name}"], TULA_TOTAL)
        self.assertEqual(rows["Total"], TOTAL)
        self.assertEqual(
            wizard.line_ids.mapped("kind"),
            ["company", "company", "region", "company", "region", "total"],
        )
        # the totals of the form are the total row
        self.assertEqual(tuple(wizard[name] for name in COLUMNS), TOTAL)

    def test_region_filter(self):
        wizard = self._wizard(state_id=self.state.id, company_ids=False)
        wizard.action_compute()
        rows = self._rows(wizard)
        self.assertEqual(
            list(rows),
            ["ЦЗН Калужский", "ЦЗН Обнинский", f"Total of {self.state.name}"],
        )
        self.assertEqual(rows[f"Total of {self.state.name}"], KALUGA_TOTAL)
        self.assertEqual(tuple(wizard[name] for name in COLUMNS), KALUGA_TOTAL)

    def test_drill_down(self):
        wizard = self._wizard(state_id=self.state.id, company_ids=False)
        wizard.action_compute()
        lines = {line.name: line for line in wizard.line_ids}

        def records(action):
            return (
                self.env[action["res_model"]]
                .with_user(self.regional)
                .search(action["domain"])
            )

        kaluga = lines["ЦЗН Калужский"]
        self.assertEqual(
            records(kaluga.action_open_late()), self.unfulfilled | self.silent
        )
        self.assertEqual(records(kaluga.action_open_local_acts_late()), self.local_late)
        region = lines[f"Total of {self.state.name}"]
        self.assertEqual(
            records(region.action_open_referrals()),
            self.referrals | self.referral_obninsk,
        )
        self.assertEqual(len(records(region.action_open_reports())), 4)
        self.assertEqual(
            records(lines["ЦЗН Обнинский"].action_open_referrals()),
            self.referral_obninsk,
        )

    def test_a_centre_counts_only_its_own(self):
        """A specialist of one centre asking for the region counts his
        centre only; a centre he does not work in counts nothing."""
        own = self._wizard(self.specialist_region, state_id=self.state.id)
        own.action_compute()
        self.assertEqual(
            self._rows(own),
            {
                "ЦЗН Калужский": HAND["ЦЗН Калужский"],
                f"Total of {self.state.name}": HAND["ЦЗН Калужский"],
            },
        )
        other = self._wizard(self.specialist_region, state_id=self.state_other.id)
        other.action_compute()
        self.assertFalse(any(other[name] for name in COLUMNS))
        self.assertEqual(other.line_ids.mapped("name"), ["Total"])

    def test_xlsx_has_the_same_rows(self):
        wizard = self._wizard(state_id=self.state.id, company_ids=False)
        wizard.action_export_xlsx()
        book = openpyxl.load_workbook(
            io.BytesIO(base64.b64decode(wizard.xlsx_file)), read_only=True
        )
        rows = list(book.active.iter_rows(values_only=True))
        self.assertIn("01.01.2026", rows[0][0])
        self.assertEqual(rows[3][0], "Центр занятости населения")
        self.assertEqual(rows[3][2], "Квотируемых рабочих мест")
        values = {row[0]: tuple(row[1:]) for row in rows[4:]}
        self.assertEqual(values["ЦЗН Калужский"], HAND["ЦЗН Калужский"])
        self.assertEqual(values["ЦЗН Обнинский"], HAND["ЦЗН Обнинский"])
        self.assertEqual(values["Итого по региону: Калужская область"], KALUGA_TOTAL)

    def test_pdf_in_russian(self):
        centres = self.company_region | self.company_klu_2 | self.company_tul
        wizard = self._wizard(company_ids=[(6, 0, centres.ids)])
        self.assertEqual(wizard.action_print_pdf()["type"], "ir.actions.report")
        report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        with self.allow_pdf_render():
            pdf, report_format = report._render_qweb_pdf(
                "mgp_quota.action_report_quota_figures", wizard.ids
            )
        self.assertEqual(report_format, "pdf")
        text = pdf_text(pdf)
        self.assertIn("Сведения о квотировании рабочих мест", text)
        self.assertIn("1 января 2026 г.", text)
        self.assertIn("Квотируемых рабочих мест", text)
        self.assertIn("ЦЗН Обнинский", text)
        self.assertIn("ЦЗН Тульский", text)
        # the Kaluga centre's row, as counted by hand
        self.assertIn("ЦЗН Калужский 2 9 2 1 1 1 2 1", text)
        self.assertIn("Итого по региону: Тульская область 1 3 0 1 0 0 0 0", text)
        self.assertIn("Итого 4 13 3 2 1 1 3 1", text)
