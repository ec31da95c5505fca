# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import io
from datetime import date

import openpyxl
from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from odoo.addons.mgp_base.tests.common import pdf_text

from .common import ProgrammesCommon


@tagged("post_install", "-at_install")
class TestProgrammeFigures(ProgrammesCommon):
    def setUp(self):
        super().setUp()
        agreement = self._paid_agreement().with_user(self.specialist)
        workplace = agreement.workplace_ids
        workplace.action_hire(self.person, date(2026, 1, 15))
        workplace.employment_ids.action_dismiss(date(2026, 7, 15), "employer_no_fault")
        with freeze_time("2026-07-20"):
            agreement.action_claim_refund()
        self.agreement = agreement
        self.wizard = (
            self.env["mgp.programme.figures.wizard"]
            .with_user(self.specialist)
            .create(
                {
                    "date_from": date(2026, 1, 1),
                    "date_to": date(2026, 12, 31),
                    "company_ids": [(6, 0, self.company.ids)],
                }
            )
        )

    def _value(self, key):
        return self.wizard.line_ids.filtered(lambda line: line.key == key).value

    def test_figures_and_drill_down(self):
        self.wizard.action_compute()
        self.assertEqual(self._value("agreements"), 1)
        self.assertEqual(self._value("amount"), 100000)
        self.assertEqual(self._value("hires"), 1)
        self.assertEqual(self._value("refunds"), 1)
        self.assertAlmostEqual(self._value("refund_amount"), 50410.96, 2)
        line = self.wizard.line_ids.filtered(lambda line: line.key == "refunds")
        action = line.action_open()
        self.assertEqual(
            self.env[action["res_model"]].search(action["domain"]), self.agreement
        )

    def test_other_centre_counts_nothing(self):
        wizard = (
            self.env["mgp.programme.figures.wizard"]
            .with_user(self.specialist_other)
            .create(
                {
                    "date_from": date(2026, 1, 1),
                    "date_to": date(2026, 12, 31),
                    "company_ids": [(6, 0, self.company_other.ids)],
                }
            )
        )
        wizard.action_compute()
        self.assertFalse(any(wizard.line_ids.mapped("value")))

    def test_xlsx(self):
        self.wizard.action_export_xlsx()
        book = openpyxl.load_workbook(
            io.BytesIO(base64.b64decode(self.wizard.xlsx_file)), read_only=True
        )
        rows = list(book.active.iter_rows(values_only=True))
        values = {row[1]: row[2] for row in rows[4:]}
        self.assertEqual(values["Заключенные соглашения"], 1)
        self.assertAlmostEqual(values["Сумма субсидий к возврату, руб."], 50410.96, 2)

    def test_pdf(self):
        self.wizard._mgp_fill()
        report = self.env.ref("mgp_employer_programmes.action_report_programme_figures")
        with self.allow_pdf_render():
            content, __ = (
                self.env["ir.actions.report"]
                .with_context(force_report_rendering=True)
                ._render_qweb_pdf(report, self.wizard.ids)
            )
        text = pdf_text(content)
        self.assertIn("Показатели специальных мероприятий", text)
        self.assertIn("Требования о возврате субсидии", text)
        self.assertIn("50410.96", text)
        self.assertIn("Обучение инвалидов новым профессиям", text)


@tagged("post_install", "-at_install")
class TestRegionFigures(ProgrammesCommon):
    """The figures of a region: its centres the user may read, each in its
    own column of the PDF and the XLSX, the drill-down grouped by centre."""

    def test_region_centre_by_centre(self):
        centre_b = self.env["res.company"].create(
            {"name": "ЦЗН Обнинский", "state_id": self.state.id}
        )
        regional = new_test_user(
            self.env,
            login="mgp_prog_regional",
            groups="mgp_base.group_manager",
            company_id=self.company_region.id,
            company_ids=[(6, 0, (self.company_region | centre_b | self.company).ids)],
        )
        Application = self.Application.with_user(regional)
        applications = Application.browse()
        with freeze_time("2026-03-02"):
            for company in (self.company_region, centre_b, centre_b, self.company):
                application = Application.create(
                    {"employer_id": self.employer.id, "company_id": company.id}
                )
                application.action_submit(date(2026, 3, 2))
                applications |= application
        wizard = (
            self.env["mgp.programme.figures.wizard"]
            .with_user(regional)
            .create(
                {
                    "date_from": date(2026, 1, 1),
                    "date_to": date(2026, 12, 31),
                    "state_id": self.state.id,
                    "company_ids": [(6, 0, self.company.ids)],
                }
            )
        )
        wizard.action_export_xlsx()
        # the centres of the region only, whatever was chosen before
        self.assertEqual(wizard.company_ids, self.company_region | centre_b)
        line = wizard.line_ids.filtered(lambda line: line.key == "applications")
        self.assertEqual(line.value, 3)
        action = line.action_open()
        self.assertEqual(action["context"], {"group_by": ["company_id"]})
        self.assertEqual(
            self.env[action["res_model"]].search(action["domain"]), applications[:3]
        )
        book = openpyxl.load_workbook(
            io.BytesIO(base64.b64decode(wizard.xlsx_file)), read_only=True
        )
        rows = list(book.active.iter_rows(values_only=True))
        self.assertIn("регион: Калужская область", rows[1][0])
        # the columns: total, then the centres by name
        self.assertEqual(rows[3][2:], ("Значение", "ЦЗН Калужский", "ЦЗН Обнинский"))
        values = {row[1]: row[2:] for row in rows[4:]}
        self.assertEqual(values["Заявки работодателей на субсидию"], (3, 1, 2))
        report = self.env.ref("mgp_employer_programmes.action_report_programme_figures")
        with self.allow_pdf_render():
            content, __ = (
                self.env["ir.actions.report"]
                .with_context(force_report_rendering=True)
                ._render_qweb_pdf(report, wizard.ids)
            )
        text = pdf_text(content)
        self.assertIn("Регион: Калужская область", text)
        self.assertIn("Значение ЦЗН Калужский ЦЗН Обнинский", text)
        self.assertIn("Заявки работодателей на субсидию 3 1 2", text)

    def test_region_without_access(self):
        wizard = (
            self.env["mgp.programme.figures.wizard"]
            .with_user(self.specialist)
            .create(
                {
                    "date_from": date(2026, 1, 1),
                    "date_to": date(2026, 12, 31),
                    "state_id": self.state.id,
                    "company_ids": [(6, 0, self.company.ids)],
                }
            )
        )
        with self.assertRaisesRegex(UserError, "no centre"):
            wizard.action_compute()
