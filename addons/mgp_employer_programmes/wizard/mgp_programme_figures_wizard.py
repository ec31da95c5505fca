# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import io
import json

import xlsxwriter

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.mgp_base.models.mgp_today import centre_today

# (programme, key, Russian label, model, date field, extra domain, sum field)
FIGURES = [
    ("subsidy", "applications", "Заявки работодателей на субсидию",
     "mgp.subsidy.application", "date_received", [], None),
    ("subsidy", "granted", "Решения о предоставлении субсидии",
     "mgp.subsidy.application", "decision_date", [("state", "=", "granted")], None),
    ("subsidy", "refused", "Отказы в предоставлении субсидии",
     "mgp.subsidy.application", "decision_date", [("state", "=", "refused")], None),
    ("subsidy", "agreements", "Заключенные соглашения",
     "mgp.subsidy.agreement", "date_signed", [], None),
    ("subsidy", "amount", "Сумма субсидий по соглашениям, руб.",
     "mgp.subsidy.agreement", "date_signed", [], "amount_total"),
    ("subsidy", "hires", "Трудоустроено инвалидов на оборудованные рабочие места",
     "mgp.subsidy.employment", "date_hired", [("referred", "=", True)], None),
    ("subsidy", "kept", "Рабочие места, сохраненные 12 месяцев",
     "mgp.subsidy.workplace", "retention_end", [("refund_ground", "=", False),
                                                 ("date_first_hire", "!=", False)],
     None),
    ("subsidy", "refunds", "Требования о возврате субсидии",
     "mgp.subsidy.agreement", "claim_date", [], None),
    ("subsidy", "refund_amount", "Сумма субсидий к возврату, руб.",
     "mgp.subsidy.agreement", "claim_date", [], "claim_amount"),
    ("subsidy", "repaid_amount", "Возвращено субсидий, руб.",
     "mgp.subsidy.agreement", "repaid_date", [], "repaid_amount"),
    ("business", "aids", "Выплачена финансовая помощь на организацию дела",
     "mgp.business.aid", "paid_date", [], None),
    ("business", "aid_amount", "Сумма финансовой помощи, руб.",
     "mgp.business.aid", "paid_date", [], "aid_total"),
    ("business", "alive", "Предпринимательская деятельность сохранена 12 месяцев",
     "mgp.business.aid", "keep_until", [("state", "=", "done")], None),
    ("training", "trainees", "Направлено на обучение",
     "mgp.training.referral", "referral_date", [], None),
    ("training", "completed", "Завершили обучение",
     "mgp.training.referral", "certificate_date", [], None),
    ("training", "referred_employer", "Направлено к работодателю после обучения",
     "mgp.training.referral", "employer_referral_date", [], None),
    ("training", "employed", "Трудоустроено после обучения",
     "mgp.training.referral", "date_employed", [], None),
]  # fmt: skip
PROGRAMMES = [
    ("subsidy", "Workplace subsidies"),
    ("business", "Business start aid"),
    ("training", "Training"),
]


class MgpProgrammeFiguresWizard(models.TransientModel):
    """Figures of the programmes for a period and centres, printed (PDF),
    exported (XLSX) and opened record by record."""

    _name = "mgp.programme.figures.wizard"
    _description = "Programme Figures"

    date_from = fields.Date(
        required=True,
        default=lambda self: centre_today(self).replace(month=1, day=1),
    )
    date_to = fields.Date(required=True, default=centre_today)
    state_id = fields.Many2one(
        "res.country.state",
        string="Region",
        help="The figures of the region: every centre of the region you have "
        "access to, each in its own column.",
    )
    company_ids = fields.Many2many(
        "res.company",
        string="Centres",
        required=True,
        default=lambda self: self.env.companies,
    )
    line_ids = fields.One2many(
        "mgp.programme.figure.line", "wizard_id", string="Figures"
    )
    xlsx_file = fields.Binary(string="Workbook", readonly=True, attachment=False)
    xlsx_filename = fields.Char(readonly=True)

    @api.onchange("state_id")
    def _onchange_state_id(self):
        if self.state_id:
            self.company_ids = self._mgp_region_centres()

    def _mgp_region_centres(self):
        """The centres of the region the user has access to."""
        return self.env.user.company_ids.filtered(
            lambda company: company.state_id == self.state_id
        )

    def action_compute(self):
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
        return self.env.ref(
            "mgp_employer_programmes.action_report_programme_figures"
        ).report_action(self)

    def action_export_xlsx(self):
        self.ensure_one()
        self._mgp_fill()
        filename = f"programmes_{self.date_from}_{self.date_to}.xlsx"
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

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _mgp_domain(self, date_field, extra):
        return [
            (date_field, ">=", self.date_from),
            (date_field, "<=", self.date_to),
            ("company_id", "in", self.company_ids.ids),
            *extra,
        ]

    def _mgp_fill(self):
        """Compute the figures (record rules apply: a user counts what he
        may read)."""
        self.ensure_one()
        if self.date_from > self.date_to:
            raise UserError(self.env._("The period cannot end before it starts."))
        if self.state_id:
            centres = self._mgp_region_centres()
            if not centres:
                raise UserError(
                    self.env._(
                        "You have access to no centre of %s.", self.state_id.name
                    )
                )
            self.company_ids = centres
        lines = [(5, 0, 0)]
        for sequence, (
            programme,
            key,
            label,
            model,
            date_field,
            extra,
            total,
        ) in enumerate(FIGURES):
            domain = self._mgp_domain(date_field, extra)
            if key == "kept":
                # kept 12 months: the monitoring is over (not a period's end
                # still to come)
                domain.append(("retention_end", "<=", centre_today(self)))
            Model = self.env[model]
            aggregate = f"{total}:sum" if total else "__count"
            by_centre = {
                company.id: amount or 0.0
                for company, amount in Model._read_group(
                    domain, ["company_id"], [aggregate]
                )
            }
            value = sum(by_centre.values())
            lines.append(
                (
                    0,
                    0,
                    {
                        "sequence": sequence,
                        "programme": programme,
                        "key": key,
                        "name": label,
                        "value": value or 0.0,
                        "is_amount": bool(total),
                        "res_model": model,
                        "domain": json.dumps(domain, default=str),
                        "centre_values": json.dumps(by_centre),
                    },
                )
            )
        self.line_ids = lines
        return self.line_ids

    def _mgp_columns(self):
        """The centres shown each in its own column: when there are several."""
        self.ensure_one()
        return (
            self.company_ids.sorted("name")
            if len(self.company_ids) > 1
            else (self.env["res.company"])
        )

    def _mgp_build_xlsx(self):
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        bold = workbook.add_format({"bold": True})
        money = workbook.add_format({"num_format": "# ##0.00"})
        sheet = workbook.add_worksheet("Показатели")
        sheet.set_column(0, 0, 24)
        sheet.set_column(1, 1, 70)
        sheet.set_column(2, 2, 18)
        sheet.write(0, 0, "Специальные мероприятия для инвалидов", bold)
        region = self.state_id.with_context(lang="ru_RU").name
        sheet.write(
            1,
            0,
            "Период: %s — %s; %s"
            % (
                self.date_from.strftime("%d.%m.%Y"),
                self.date_to.strftime("%d.%m.%Y"),
                f"регион: {region}"
                if region
                else "центры: " + ", ".join(self.company_ids.mapped("name")),
            ),
        )
        centres = self._mgp_columns()
        titles = ("Мероприятие", "Показатель", "Значение", *centres.mapped("name"))
        sheet.set_column(3, 2 + len(centres), 18)
        for column, title in enumerate(titles):
            sheet.write(3, column, title, bold)
        programme_names = {
            "subsidy": "Субсидии на оборудование рабочих мест",
            "business": "Содействие предпринимательству",
            "training": "Обучение новым профессиям",
        }
        for row, line in enumerate(self.line_ids.sorted("sequence"), start=4):
            sheet.write(row, 0, programme_names[line.programme])
            sheet.write(row, 1, line.name)
            values = [line.value, *line._mgp_centre_values(centres)]
            for column, value in enumerate(values, start=2):
                if line.is_amount:
                    sheet.write_number(row, column, value, money)
                else:
                    sheet.write_number(row, column, int(value))
        workbook.close()
        return output.getvalue()


class MgpProgrammeFigureLine(models.TransientModel):
    """One figure, opened record by record."""

    _name = "mgp.programme.figure.line"
    _description = "Programme Figure"
    _order = "sequence, id"

    wizard_id = fields.Many2one(
        "mgp.programme.figures.wizard", required=True, ondelete="cascade"
    )
    sequence = fields.Integer()
    programme = fields.Selection(PROGRAMMES)
    key = fields.Char()
    name = fields.Char(string="Figure")
    value = fields.Float(digits=(16, 2))
    is_amount = fields.Boolean()
    res_model = fields.Char()
    domain = fields.Char()
    centre_values = fields.Char(help="The value of each centre (JSON).")

    def _mgp_centre_values(self, centres):
        """The values of ``centres``, in their order."""
        self.ensure_one()
        values = json.loads(self.centre_values or "{}")
        return [values.get(str(company.id), 0.0) for company in centres]

    @api.model
    def _mgp_allowed_models(self):
        return {figure[3] for figure in FIGURES}

    def action_open(self):
        """The records behind the figure."""
        self.ensure_one()
        if self.res_model not in self._mgp_allowed_models():
            raise UserError(self.env._("This figure has no records to open."))
        return {
            "type": "ir.actions.act_window",
            "name": self.name,
            "res_model": self.res_model,
            "view_mode": "list,form",
            "domain": json.loads(self.domain or "[]"),
            # the records of a region, centre by centre
            "context": {"group_by": ["company_id"]}
            if len(self.wizard_id.company_ids) > 1
            else {},
            "target": "current",
        }
