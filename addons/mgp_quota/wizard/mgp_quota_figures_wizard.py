# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io

import xlsxwriter

from odoo import api, fields, models
from odoo.fields import Domain

FIGURES = (
    ("employer_count", "Работодателей, обязанных выполнять квоту"),
    ("quota_total", "Квотируемых рабочих мест"),
    ("fulfilled_total", "Выполнено (занято) мест"),
    ("late_count", "Отчётов, не представленных в срок"),
    ("unfulfilled_count", "Отчётов с невыполненной квотой"),
    ("referral_count", "Выдано направлений"),
    ("hire_count", "Трудоустроено по направлениям"),
)


class MgpQuotaFiguresWizard(models.TransientModel):
    """The quota figures of the centres the user sees (a region for its
    administrators): employers subject, quota places, places filled, reports
    late, referrals → hires; each figure opens its records."""

    _name = "mgp.quota.figures.wizard"
    _description = "Quota Figures"

    date_from = fields.Date(
        string="Periods from",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(month=1, day=1),
    )
    date_to = fields.Date(
        string="Periods to",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(month=12, day=31),
    )
    company_ids = fields.Many2many(
        "res.company",
        string="Centres",
        default=lambda self: self.env.companies,
        help="Empty: every centre you see.",
    )
    employer_count = fields.Integer(
        string="Employers subject", compute="_compute_figures"
    )
    quota_total = fields.Integer(string="Quota places", compute="_compute_figures")
    fulfilled_total = fields.Float(
        string="Places filled", digits=(8, 2), compute="_compute_figures"
    )
    late_count = fields.Integer(string="Reports late", compute="_compute_figures")
    unfulfilled_count = fields.Integer(
        string="Quota not fulfilled", compute="_compute_figures"
    )
    referral_count = fields.Integer(string="Referrals", compute="_compute_figures")
    hire_count = fields.Integer(string="Hires", compute="_compute_figures")

    @api.depends("date_from", "date_to", "company_ids")
    def _compute_figures(self):
        Report = self.env["mgp.quota.report"]
        Referral = self.env["mgp.quota.referral"]
        for wizard in self:
            domain = wizard._mgp_report_domain()
            [[employers, quota, fulfilled]] = Report._read_group(
                domain & Domain("quota", ">", 0),
                aggregates=["employer_id:count_distinct", "quota:sum", "fulfilled:sum"],
            )
            wizard.employer_count = employers
            wizard.quota_total = quota
            wizard.fulfilled_total = fulfilled
            wizard.late_count = Report.search_count(
                domain & Domain("filing_late", "=", True)
            )
            wizard.unfulfilled_count = Report.search_count(
                domain
                & Domain("state", "in", ("submitted", "accepted"))
                & Domain("is_fulfilled", "=", False)
            )
            referrals = wizard._mgp_referral_domain()
            wizard.referral_count = Referral.search_count(referrals)
            wizard.hire_count = Referral.search_count(
                referrals & Domain("state", "=", "hired")
            )

    def _mgp_company_domain(self):
        return (
            Domain("company_id", "in", self.company_ids.ids)
            if self.company_ids
            else Domain.TRUE
        )

    def _mgp_report_domain(self):
        return (
            self._mgp_company_domain()
            & Domain("date_from", ">=", self.date_from)
            & Domain("date_to", "<=", self.date_to)
        )

    def _mgp_referral_domain(self):
        return (
            self._mgp_company_domain()
            & Domain("date_referral", ">=", self.date_from)
            & Domain("date_referral", "<=", self.date_to)
        )

    def _mgp_open(self, model, domain, name):
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": "list,form",
            "domain": list(domain),
        }

    def action_open_reports(self):
        self.ensure_one()
        return self._mgp_open(
            "mgp.quota.report", self._mgp_report_domain(), self.env._("Quota reports")
        )

    def action_open_late(self):
        self.ensure_one()
        return self._mgp_open(
            "mgp.quota.report",
            self._mgp_report_domain() & Domain("to_notify", "=", True),
            self.env._("Late or unfulfilled"),
        )

    def action_open_referrals(self):
        self.ensure_one()
        return self._mgp_open(
            "mgp.quota.referral", self._mgp_referral_domain(), self.env._("Referrals")
        )

    def action_export_xlsx(self):
        self.ensure_one()
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        sheet = workbook.add_worksheet("Квота")
        bold = workbook.add_format({"bold": True})
        sheet.set_column(0, 0, 50)
        sheet.write(
            0,
            0,
            f"Квотирование рабочих мест: {self.date_from:%d.%m.%Y} – "
            f"{self.date_to:%d.%m.%Y}",
            bold,
        )
        for row, (name, label) in enumerate(FIGURES, start=2):
            sheet.write(row, 0, label)
            sheet.write_number(row, 1, self[name])
        workbook.close()
        attachment = self.env["ir.attachment"].create(
            {
                "name": "quota_figures.xlsx",
                "raw": output.getvalue(),
                "res_model": self._name,
                "res_id": self.id,
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }
