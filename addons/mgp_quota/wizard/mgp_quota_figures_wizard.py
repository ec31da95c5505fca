# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import io

import xlsxwriter

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain

from odoo.addons.mgp_base.models.mgp_today import centre_today

# (field, Russian label of the PDF and the workbook)
FIGURES = (
    ("employer_count", "Работодателей, обязанных выполнять квоту"),
    ("quota_total", "Квотируемых рабочих мест"),
    ("fulfilled_total", "Выполнено (занято) мест"),
    ("late_count", "Отчетов, не представленных в срок"),
    ("unfulfilled_count", "Отчетов с невыполненной квотой"),
    ("local_act_late_count", "Копий локальных актов, не представленных в срок"),
    ("referral_count", "Выдано направлений"),
    ("hire_count", "Трудоустроено по направлениям"),
)
FIGURE_FIELDS = tuple(name for name, _label in FIGURES)


class MgpQuotaFiguresWizard(models.TransientModel):
    """The quota figures of the centres the user sees, of a region or of
    the centres chosen: employers subject, quota places, places filled,
    reports late, referrals → hires — a row per centre and the region's
    total, each figure opened record by record, printed (PDF) and exported
    (XLSX) with the same rows."""

    _name = "mgp.quota.figures.wizard"
    _description = "Quota Figures"

    date_from = fields.Date(
        string="Periods from",
        required=True,
        default=lambda self: centre_today(self).replace(month=1, day=1),
    )
    date_to = fields.Date(
        string="Periods to",
        required=True,
        default=lambda self: centre_today(self).replace(month=12, day=31),
    )
    state_id = fields.Many2one(
        "res.country.state",
        string="Region",
        help="Every centre of this region you have access to (among the centres "
        "chosen, when some are).",
    )
    company_ids = fields.Many2many(
        "res.company",
        string="Centres",
        default=lambda self: self.env.companies,
        domain=lambda self: [("id", "in", self.env.user.company_ids.ids)],
        help="Empty: every centre you work in (of the region, when one is chosen).",
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
    local_act_late_count = fields.Integer(
        string="Local acts late", compute="_compute_figures"
    )
    referral_count = fields.Integer(string="Referrals", compute="_compute_figures")
    hire_count = fields.Integer(string="Hires", compute="_compute_figures")
    line_ids = fields.One2many(
        "mgp.quota.figures.line", "wizard_id", string="By centre", readonly=True
    )
    xlsx_file = fields.Binary(string="Workbook", readonly=True, attachment=False)
    xlsx_filename = fields.Char(readonly=True)

    @api.depends("date_from", "date_to", "company_ids", "state_id")
    def _compute_figures(self):
        for wizard in self:
            companies = wizard._mgp_companies()
            figures = (
                wizard._mgp_figures(companies).get(False, {})
                if wizard.date_from and wizard.date_to
                else {}
            )
            wizard.update({name: figures.get(name, 0) for name in FIGURE_FIELDS})

    @api.onchange("state_id")
    def _onchange_state_id(self):
        if self.state_id:
            self.company_ids = self.env.user.company_ids.filtered(
                lambda company: company.state_id == self.state_id
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_compute(self):
        """The rows per centre and the region's total, on the form."""
        self.ensure_one()
        self._mgp_fill()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    def action_print_pdf(self):
        self.ensure_one()
        self._mgp_fill()
        return self.env.ref("mgp_quota.action_report_quota_figures").report_action(self)

    def action_export_xlsx(self):
        self.ensure_one()
        self._mgp_fill()
        filename = f"quota_figures_{self.date_from}_{self.date_to}.xlsx"
        self.write(
            {
                "xlsx_file": base64.b64encode(self._mgp_build_xlsx()),
                "xlsx_filename": filename,
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self._name}/{self.id}/xlsx_file/{filename}"
            "?download=true",
            "target": "self",
        }

    def action_open_reports(self):
        self.ensure_one()
        return self._mgp_open_figure("reports", self._mgp_companies())

    def action_open_late(self):
        self.ensure_one()
        return self._mgp_open_figure("to_notify", self._mgp_companies())

    def action_open_local_acts_late(self):
        self.ensure_one()
        return self._mgp_open_figure("local_acts_late", self._mgp_companies())

    def action_open_referrals(self):
        self.ensure_one()
        return self._mgp_open_figure("referrals", self._mgp_companies())

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _mgp_companies(self):
        """The centres counted: those chosen (or the user's), of the region
        when one is chosen — only centres the user works in."""
        self.ensure_one()
        allowed = self.env.user.company_ids
        if self.state_id:
            companies = (self.company_ids or allowed).filtered(
                lambda company: company.state_id == self.state_id
            )
        else:
            companies = self.company_ids or self.env.companies
        return companies & allowed

    def _mgp_domains(self, companies):
        """The records behind each figure: {key: (model, domain)}."""
        self.ensure_one()
        centres = Domain("company_id", "in", companies.ids)
        reports = (
            centres
            & Domain("date_from", ">=", self.date_from)
            & Domain("date_to", "<=", self.date_to)
        )
        referrals = (
            centres
            & Domain("date_referral", ">=", self.date_from)
            & Domain("date_referral", "<=", self.date_to)
        )
        return {
            "reports": ("mgp.quota.report", reports),
            "subject": ("mgp.quota.report", reports & Domain("quota", ">", 0)),
            "late": ("mgp.quota.report", reports & Domain("filing_late", "=", True)),
            "unfulfilled": (
                "mgp.quota.report",
                reports
                & Domain("state", "in", ("submitted", "accepted"))
                & Domain("is_fulfilled", "=", False),
            ),
            "to_notify": ("mgp.quota.report", reports & Domain("to_notify", "=", True)),
            # the same months as the periods: seed 004:162
            "local_acts_late": (
                "mgp.quota.local.act.report",
                reports & Domain("filing_late", "=", True),
            ),
            "referrals": ("mgp.quota.referral", referrals),
            "hires": ("mgp.quota.referral", referrals & Domain("state", "=", "hired")),
        }

    def _mgp_figures(self, companies, by_company=False):
        """The figures of ``companies`` in one query per figure, read as
        the user (record rules apply), per centre when ``by_company``:
        ``{company or False: {field: value}}``."""
        self.ensure_one()
        if not companies:
            return {}
        # the centres counted are among the user's own (see _mgp_companies)
        env = self.with_context(allowed_company_ids=companies.ids).env
        domains = self._mgp_domains(companies)
        groupby = ["company_id"] if by_company else []
        figures = {}
        for key, names, aggregates in (
            (
                "subject",
                ("employer_count", "quota_total", "fulfilled_total"),
                ["employer_id:count_distinct", "quota:sum", "fulfilled:sum"],
            ),
            ("late", ("late_count",), ["__count"]),
            ("unfulfilled", ("unfulfilled_count",), ["__count"]),
            ("local_acts_late", ("local_act_late_count",), ["__count"]),
            ("referrals", ("referral_count",), ["__count"]),
            ("hires", ("hire_count",), ["__count"]),
        ):
            model, domain = domains[key]
            for row in env[model]._read_group(domain, groupby, aggregates):
                group = row[0] if by_company else False
                values = row[1:] if by_company else row
                figures.setdefault(group, {}).update(
                    zip(names, (value or 0 for value in values), strict=True)
                )
        return figures

    def _mgp_fill(self):
        """A row per centre, a total per region, and the total of every
        centre when they are of several regions (or of none)."""
        self.ensure_one()
        if self.date_from > self.date_to:
            raise UserError(self.env._("The periods cannot end before they start."))
        companies = self._mgp_companies()
        by_company = self._mgp_figures(companies, by_company=True)
        groups = [
            (region, companies.filtered(lambda c, r=region: c.state_id == r))
            for region in companies.state_id.sorted("name")
        ]
        if without_region := companies.filtered(lambda c: not c.state_id):
            groups.append((self.env["res.country.state"], without_region))
        rows = []
        for region, centres in groups:
            rows += [
                ("company", company.name, by_company.get(company, {}), company, region)
                for company in centres.sorted("name")
            ]
            if region:
                rows.append(
                    (
                        "region",
                        self.env._("Total of %s", region.name),
                        self._mgp_figures(centres).get(False, {}),
                        self.env["res.company"],
                        region,
                    )
                )
        if len(groups) > 1 or not companies.state_id:
            rows.append(
                (
                    "total",
                    self.env._("Total"),
                    self._mgp_figures(companies).get(False, {}),
                    self.env["res.company"],
                    self.env["res.country.state"],
                )
            )
        self.line_ids = [fields.Command.clear()] + [
            fields.Command.create(
                {
                    "sequence": sequence,
                    "kind": kind,
                    "name": name,
                    "company_id": company.id,
                    "state_id": region.id,
                    **{key: figures.get(key, 0) for key in FIGURE_FIELDS},
                }
            )
            for sequence, (kind, name, figures, company, region) in enumerate(rows)
        ]
        return self.line_ids

    def _mgp_open_figure(self, key, companies):
        """The records behind the figure ``key`` of ``companies``."""
        model, domain = self._mgp_domains(companies)[key]
        titles = {
            "reports": self.env._("Quota reports"),
            "to_notify": self.env._("Late or unfulfilled"),
            "local_acts_late": self.env._("Local acts filed late"),
            "referrals": self.env._("Referrals"),
        }
        return {
            "type": "ir.actions.act_window",
            "name": titles[key],
            "res_model": model,
            "view_mode": "list,form",
            "domain": list(domain),
            "target": "current",
        }

    def _mgp_scope_text(self):
        """The centres of the rows computed (and the region), in Russian."""
        self.ensure_one()
        centres = self.line_ids.filtered(lambda line: line.kind == "company")
        text = ", ".join(centres.sorted("sequence").mapped("name")) or "—"
        if self.state_id:
            text += " (%s)" % self.state_id.with_context(lang="ru_RU").name
        return text

    def _mgp_rows(self):
        """The rows of the PDF and of the workbook, named in Russian."""
        self.ensure_one()
        names = {
            "company": lambda line: line.company_id.name,
            "region": lambda line: (
                "Итого по региону: %s" % line.state_id.with_context(lang="ru_RU").name
            ),
            "total": lambda line: "Итого",
        }
        return [
            {
                "kind": line.kind,
                "name": names[line.kind](line),
                "values": [line[name] for name in FIGURE_FIELDS],
            }
            for line in self.line_ids.sorted("sequence")
        ]

    def _mgp_build_xlsx(self):
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        sheet = workbook.add_worksheet("Квота")
        bold = workbook.add_format({"bold": True})
        head = workbook.add_format({"bold": True, "text_wrap": True, "border": 1})
        cell = workbook.add_format({"border": 1})
        total = workbook.add_format({"bold": True, "border": 1})
        sheet.set_column(0, 0, 45)
        sheet.set_column(1, len(FIGURES), 16)
        sheet.write(
            0,
            0,
            "Квотирование рабочих мест для инвалидов: отчетные периоды с "
            f"{self.date_from:%d.%m.%Y} по {self.date_to:%d.%m.%Y}",
            bold,
        )
        sheet.write(1, 0, self._mgp_scope_text())
        sheet.write(3, 0, "Центр занятости населения", head)
        for column, (_name, label) in enumerate(FIGURES, start=1):
            sheet.write(3, column, label, head)
        for row, values in enumerate(self._mgp_rows(), start=4):
            style = cell if values["kind"] == "company" else total
            sheet.write(row, 0, values["name"], style)
            for column, value in enumerate(values["values"], start=1):
                sheet.write_number(row, column, value, style)
        workbook.close()
        return output.getvalue()


class MgpQuotaFiguresLine(models.TransientModel):
    """The figures of one centre, of a region's centres or of all, each
    opened record by record."""

    _name = "mgp.quota.figures.line"
    _description = "Quota Figures of a Centre"
    _order = "sequence, id"

    wizard_id = fields.Many2one(
        "mgp.quota.figures.wizard", required=True, ondelete="cascade"
    )
    sequence = fields.Integer()
    kind = fields.Selection(
        [("company", "Centre"), ("region", "Region"), ("total", "Total")],
        required=True,
    )
    name = fields.Char(string="Centre")
    company_id = fields.Many2one("res.company", string="Centre of the row")
    state_id = fields.Many2one("res.country.state", string="Region")
    employer_count = fields.Integer(string="Employers subject")
    quota_total = fields.Integer(string="Quota places")
    fulfilled_total = fields.Float(string="Places filled", digits=(8, 2))
    late_count = fields.Integer(string="Reports late")
    unfulfilled_count = fields.Integer(string="Quota not fulfilled")
    local_act_late_count = fields.Integer(string="Local acts late")
    referral_count = fields.Integer(string="Referrals")
    hire_count = fields.Integer(string="Hires")

    def _mgp_companies(self):
        """The centres of the row (among those of its wizard)."""
        self.ensure_one()
        companies = self.wizard_id._mgp_companies()
        if self.kind == "company":
            return companies & self.company_id
        if self.kind == "region":
            return companies.filtered(lambda c: c.state_id == self.state_id)
        return companies

    def _mgp_open(self, key):
        self.ensure_one()
        action = self.wizard_id._mgp_open_figure(key, self._mgp_companies())
        action["name"] = f"{action['name']}: {self.name}"
        return action

    def action_open_reports(self):
        return self._mgp_open("reports")

    def action_open_late(self):
        return self._mgp_open("to_notify")

    def action_open_local_acts_late(self):
        return self._mgp_open("local_acts_late")

    def action_open_referrals(self):
        return self._mgp_open("referrals")
