# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form

from .indicator_common import H1_2026, Q1_2026, Q2_2026, MgpIndicatorCommon


class TestIndicators(MgpIndicatorCommon):
    """I1 and I2 over the hand-built dataset: exact fractions."""

    def setUp(self):
        super().setUp()
        self.Indicator = self.env["mgp.indicator"]

    def _by_company(self, indicator, period, today=None):
        figures = self.Indicator._mgp_figures(
            indicator, [period], self.both, groupby="company", today=today
        )
        return {f["group"]: (f["numerator"], f["denominator"]) for f in figures}

    def test_i1_fractions(self):
        by_company = self._by_company("i1", H1_2026)
        self.assertEqual(by_company[self.company.id], (3, 7))
        self.assertEqual(by_company[self.company_region.id], (1, 2))
        total = self.Indicator._mgp_compute("i1", *H1_2026, self.both)
        self.assertEqual((total["numerator"], total["denominator"]), (4, 9))
        self.assertEqual(total["share"], 44.44)
        region = self.Indicator._mgp_figures(
            "i1", [H1_2026], self.both, groupby="region"
        )
        self.assertEqual(
            [(f["group"], f["numerator"], f["denominator"]) for f in region],
            [(self.state.id, 4, 9)],
        )
        rows = self.Indicator._mgp_rows("i1", *H1_2026, self.company)
        counted = {row["id"] for row in rows if row["counted"]}
        self.assertEqual(
            counted,
            set((self.c_after_six_months | self.c_idle | self.c_boundary).ids),
        )
        employed = {row["id"] for row in rows if row["employed"]}
        # employed before the certificate and after a withdrawal: in time
        self.assertEqual(employed, {self.c_before_cert.id, self.c_after_withdrawal.id})
        # the citizen with two cases counts once, by the latest
        ids = {row["id"] for row in rows}
        self.assertIn(self.c_twice_new.id, ids)
        self.assertNotIn(self.c_twice_old.id, ids)
        self.assertEqual(len(ids), 7)

    def test_i1_employment_recorded_after_withdrawal(self):
        """The case's own action: an employment recorded after a withdrawal,
        within six months of the need decision, takes the citizen out of the
        numerator."""
        case = self._case(
            "Отказавшийся",
            self.company,
            self.specialist,
            date(2025, 12, 1),
            "terminated",
            termination_reason_id=self.env.ref(
                "mgp_accompaniment.termination_reason_withdrawn"
            ).id,
            date_closed=date(2026, 1, 10),
        )
        figure = self.Indicator._mgp_compute("i1", *H1_2026, self.company)
        self.assertEqual((figure["numerator"], figure["denominator"]), (4, 8))
        employer = self.env["res.partner"].create(
            {"name": "ООО «Работа»", "is_company": True}
        )
        case.with_user(self.specialist).action_mark_employed(
            date(2026, 4, 1), employer.id
        )
        self.assertEqual(case.employment_date, date(2026, 4, 1))
        figure = self.Indicator._mgp_compute("i1", *H1_2026, self.company)
        self.assertEqual((figure["numerator"], figure["denominator"]), (3, 8))

    def test_i1_not_run_out_before_today(self):
        """Six months not yet over today: not counted, whatever the period."""
        figure = self.Indicator._mgp_compute(
            "i1", *H1_2026, self.company, today=date(2026, 6, 1)
        )
        # c_idle's six months end on 2026-06-01 (today), c_boundary's later
        self.assertEqual((figure["numerator"], figure["denominator"]), (1, 7))

    def test_i2_fractions(self):
        by_company = self._by_company("i2", Q1_2026)
        self.assertEqual(by_company[self.company.id], (4, 6))
        self.assertEqual(by_company[self.company_region.id], (1, 2))
        total = self.Indicator._mgp_compute("i2", *Q1_2026, self.both)
        self.assertEqual((total["numerator"], total["denominator"]), (5, 8))
        self.assertEqual(total["share"], 62.5)
        rows = self.Indicator._mgp_rows("i2", *Q1_2026, self.company)
        kinds = {row["id"]: row["kind"] for row in rows}
        self.assertEqual(
            kinds,
            {
                self.d_done_late.id: "done_late",
                self.d_done_on_time.id: "done_on_time",
                self.d_open_late.id: "open_late",
                self.d_cancelled_late.id: "cancelled_late",
                self.d_done_next_quarter.id: "open_late",
                self.d_on_boundary.id: "done_on_time",
            },
        )
        # the next quarter: the late one done then, and those still open
        self.assertEqual(self._by_company("i2", Q2_2026)[self.company.id], (3, 3))

    def test_i2_open_not_late_before_due(self):
        """A procedure due today or later is not late yet."""
        figure = self.Indicator._mgp_compute(
            "i2", *Q1_2026, self.company, today=date(2026, 3, 20)
        )
        # d_open_late is due today and d_done_next_quarter later: not late
        self.assertEqual((figure["numerator"], figure["denominator"]), (2, 4))

    def test_monthly_trend(self):
        periods = self.Indicator._mgp_split_period(
            date(2026, 1, 1), date(2026, 3, 31), "month"
        )
        self.assertEqual(
            periods,
            [
                (date(2026, 1, 1), date(2026, 1, 31)),
                (date(2026, 2, 1), date(2026, 2, 28)),
                (date(2026, 3, 1), date(2026, 3, 31)),
            ],
        )
        figures = self.Indicator._mgp_figures("i2", periods, self.company)
        self.assertEqual(
            [(f["numerator"], f["denominator"]) for f in figures],
            [(1, 1), (2, 3), (2, 3)],
        )
        self.assertEqual(
            self.Indicator._mgp_split_period(
                date(2025, 11, 15), date(2026, 2, 1), "quarter"
            ),
            [
                (date(2025, 11, 15), date(2025, 12, 31)),
                (date(2026, 1, 1), date(2026, 2, 1)),
            ],
        )

    def test_start_dates(self):
        wizard = self._wizard(self.manager, (date(2025, 1, 1), date(2025, 12, 31)))
        self.assertTrue(wizard.i1_applicable)
        self.assertFalse(wizard.i2_applicable)
        self.assertEqual((wizard.i2_numerator, wizard.i2_denominator), (0, 0))
        # a period across the start of I2 gives no I2 figure
        wizard = self._wizard(self.manager, (date(2025, 12, 1), date(2026, 3, 31)))
        self.assertTrue(wizard.i1_applicable)
        self.assertFalse(wizard.i2_applicable)
        # a period before both start dates is refused
        wizard = self._wizard(self.manager, (date(2024, 1, 1), date(2024, 12, 31)))
        self.assertFalse(wizard.i1_applicable)
        with self.assertRaisesRegex(UserError, "1 January 2025"):
            wizard.action_export_xlsx()
        with self.assertRaisesRegex(UserError, "1 January 2025"):
            wizard.action_analyse()

    def test_roles(self):
        """Record rules: a specialist's figures, a manager's, the region's."""
        self.assertEqual(
            self._figures(self._wizard(self.specialist, H1_2026)), ((1, 5), (5, 7))
        )
        # the other specialist of the centre sees two cases and none of
        # the procedures of the cases of the first one
        self.assertEqual(
            self._figures(self._wizard(self.specialist_2, H1_2026)), ((2, 2), (0, 0))
        )
        self.assertEqual(
            self._figures(self._wizard(self.manager, Q1_2026)), ((0, 7), (4, 6))
        )
        self.assertEqual(self._figures(self._wizard(self.manager, H1_2026))[0], (3, 7))
        # the manager of centre A cannot count centre B
        with self.assertRaises(AccessError):
            self._wizard(self.manager, Q1_2026, companies=self.both)
        # the regional administrator consolidates the region
        form = Form(
            self.env["mgp.indicator.report.wizard"].with_user(self.region_admin)
        )
        form.date_from, form.date_to = Q1_2026
        form.state_id = self.state
        wizard = form.save()
        self.assertEqual(wizard.company_ids, self.both)
        self.assertEqual(self._figures(wizard)[1], (5, 8))
        self.assertEqual(wizard.i2_share, 62.5)

    def test_drill_down(self):
        wizard = self._wizard(self.manager, H1_2026)
        action = wizard.action_open_i1_numerator()
        self.assertEqual(action["res_model"], "mgp.accompaniment")
        cases = (
            self.env[action["res_model"]]
            .with_user(self.manager)
            .search(action["domain"])
        )
        self.assertEqual(cases, self.c_after_six_months | self.c_idle | self.c_boundary)
        action = wizard.action_open_i1_denominator()
        self.assertEqual(len(action["domain"][0][2]), wizard.i1_denominator)
        action = wizard.action_open_i2_numerator()
        deadlines = (
            self.env["mgp.deadline"].with_user(self.manager).search(action["domain"])
        )
        self.assertEqual(len(deadlines), wizard.i2_numerator)
        self.assertNotIn(self.d_cancelled_early, deadlines)
        self.assertIn(self.d_open_not_due, deadlines)
        action = wizard.action_open_i2_denominator()
        self.assertEqual(len(action["domain"][0][2]), wizard.i2_denominator)

    def test_analyse_by_period(self):
        wizard = self._wizard(
            self.region_admin,
            H1_2026,
            companies=self.both,
            step="quarter",
            groupby="company",
        )
        action = wizard.action_analyse()
        self.assertEqual(action["res_model"], "mgp.indicator.value")
        values = self.env["mgp.indicator.value"].search(action["domain"])
        i2 = {
            (v.period, v.company_id): (v.numerator, v.denominator)
            for v in values
            if v.indicator == "i2"
        }
        self.assertEqual(i2[("2026 Q1", self.company)], (4, 6))
        self.assertEqual(i2[("2026 Q1", self.company_region)], (1, 2))
        self.assertEqual(i2[("2026 Q2", self.company)], (3, 3))
        # drill-down from a row of the analysis
        row = values.filtered(
            lambda v: (
                v.indicator == "i2"
                and v.period == "2026 Q1"
                and v.company_id == self.company
            )
        )
        action = row.action_open_numerator()
        self.assertEqual(
            set(action["domain"][0][2]),
            set(
                (
                    self.d_done_late
                    | self.d_open_late
                    | self.d_cancelled_late
                    | self.d_done_next_quarter
                ).ids
            ),
        )
        # by region: the region's consolidation
        wizard.groupby = "region"
        values = self.env["mgp.indicator.value"].search(
            wizard.action_analyse()["domain"]
        )
        q1 = values.filtered(lambda v: v.indicator == "i2" and v.period == "2026 Q1")
        self.assertEqual(
            (q1.state_id, q1.numerator, q1.denominator), (self.state, 5, 8)
        )

    def test_xlsx_equals_screen(self):
        wizard = self._wizard(self.region_admin, Q1_2026, companies=self.both)
        action = wizard.action_export_xlsx()
        self.assertIn("/xlsx_file/", action["url"])
        content = base64.b64decode(wizard.xlsx_file)
        self.assertEqual(
            self._xlsx_sheet_names(content),
            ["Показатели", "Показатель 1", "Показатель 2"],
        )
        summary = self._xlsx_cells(content, 1)
        self.assertIn("с 1 января 2026 г. по 31 марта 2026 г.", summary["A2"])
        self.assertEqual(
            (summary["C6"], summary["D6"], summary["E6"]),
            (wizard.i1_numerator, wizard.i1_denominator, wizard.i1_share),
        )
        self.assertEqual(
            (summary["C7"], summary["D7"], summary["E7"]), (5.0, 8.0, 62.5)
        )
        self.assertIn("отмененные в периоде после истечения срока", summary["A11"])
        procedures = self._xlsx_cells(content, 3)
        flags = [procedures[f"I{row}"] for row in range(5, 5 + 8)]
        self.assertEqual(flags.count("да"), 5)
        self.assertNotIn("I13", procedures)

    def test_xlsx_not_applicable(self):
        wizard = self._wizard(self.manager, (date(2025, 1, 1), date(2025, 12, 31)))
        wizard.action_export_xlsx()
        summary = self._xlsx_cells(base64.b64decode(wizard.xlsx_file), 1)
        self.assertEqual(summary["C7"], "не применяется")
        self.assertIsInstance(summary["C6"], float)

    def test_cancel_date_recorded(self):
        deadline = self._deadline(self.c_recent, date(2026, 5, 5), "open")
        deadline._cancel()
        self.assertEqual(deadline.state, "cancelled")
        self.assertTrue(deadline.date_cancelled)

    def test_bad_period(self):
        with self.assertRaises(ValidationError):
            self._wizard(self.manager, (date(2026, 5, 1), date(2026, 4, 1)))

    def test_form_defaults(self):
        form = Form(self.env["mgp.indicator.report.wizard"].with_user(self.manager))
        self.assertEqual((form.date_from.month, form.date_from.day), (1, 1))
        wizard = form.save()
        self.assertEqual(wizard.company_ids, self.manager.company_id)
        self.assertEqual((wizard.step, wizard.groupby), ("month", "total"))

    def test_dialog_shows_figures_before_save(self):
        """The dialog shows the centre's figures as it opens, not 0 / 0 until
        it is saved (the centres of a new record are new records)."""
        form = Form(self.env["mgp.indicator.report.wizard"].with_user(self.manager))
        form.date_from, form.date_to = Q1_2026
        saved = self._wizard(self.manager, Q1_2026)
        self.assertEqual(
            (
                (form.i1_numerator, form.i1_denominator),
                (form.i2_numerator, form.i2_denominator),
            ),
            self._figures(saved),
        )
        self.assertTrue(saved.i2_denominator)

    def test_i2_counts_only_the_standard_terms(self):
        """Seed 000: I2 counts procedures done «с нарушением установленных
        сроков» — the standard's; a regional term (s1_certificate) and a third
        party's (the ЕЦП's disability check) are tracked apart."""
        before = self.Indicator._mgp_compute("i2", *Q1_2026, self.company)
        regional_before = self.Indicator._mgp_compute(
            "i2_regional", *Q1_2026, self.company
        )
        late = self._deadline(
            self.c_recent,
            date(2026, 2, 10),
            "done",
            date(2026, 2, 20),
            rule=self.rule_certificate,
        )
        after = self.Indicator._mgp_compute("i2", *Q1_2026, self.company)
        self.assertEqual(
            (after["numerator"], after["denominator"]),
            (before["numerator"], before["denominator"]),
        )
        regional = self.Indicator._mgp_compute("i2_regional", *Q1_2026, self.company)
        self.assertEqual(
            (regional["numerator"], regional["denominator"]),
            (regional_before["numerator"] + 1, regional_before["denominator"] + 1),
        )
        self.assertIn(
            late.id,
            self.Indicator._mgp_record_ids(
                "i2_regional", *Q1_2026, self.company, counted_only=True
            ),
        )
        codes = self.Indicator._mgp_i2_rules().mapped("code")
        self.assertIn("s1_assignment", codes)
        for code in (
            "s1_certificate",
            "s1_certificate_send",
            "s1_results",
            "s2_offer",
            "s2_disability_check",
            "s2_analysis_appeal",
            "s1_mse_answer",
        ):
            self.assertNotIn(code, codes)
        self.assertTrue(
            self.env["mgp.deadline.rule"]._get_rule("s2_disability_check").external
        )
        wizard = self._wizard(self.manager, Q1_2026)
        self.assertEqual(
            (wizard.i2_regional_numerator, wizard.i2_regional_denominator),
            (regional["numerator"], regional["denominator"]),
        )
        data = wizard._mgp_report_data()
        self.assertIn("s1_assignment", [r["code"] for r in data["i2_rules"]])
        self.assertIn("s1_certificate", [r["code"] for r in data["i2_regional_rules"]])
