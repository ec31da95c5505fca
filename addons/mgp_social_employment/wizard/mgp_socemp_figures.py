# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import io

import xlsxwriter

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain

from odoo.addons.mgp_base.models.mgp_today import centre_today

# the request terms of 003:110-114, in the words of the printed figures
REQUEST_TERMS_RU = [
    ("req_send", "Направление запроса уполномоченной организацией (5 раб. дней)"),
    ("req_answer", "Ответ участника на запрос организации (5 раб. дней)"),
    (
        "socemp_req_notice",
        "Уведомление участника о невозможности выполнения запроса (3 раб. дня)",
    ),
    ("req_reply", "Ответ организации на полученный запрос (5 раб. дней)"),
    (
        "req_impossible",
        "Уведомление организации о невозможности выполнения запроса (3 раб. дня)",
    ),
]
NO_MUNICIPALITY_RU = "Не указано"
MEDICAL_TYPE = "mgp_social_employment.mgp_document_type_socemp_medical"


def _share(part, whole):
    return round(100.0 * part / whole, 2) if whole else 0.0


class MgpSocempFigures(models.TransientModel):
    """The ministry's figures of the register for a period (003:77): persons
    by organisation, service and municipality; the requests answered within
    their 5/5/3 working days (003:110-114); the shares of records with the
    person's consent and with a medical conclusion. Shown, printed (PDF)
    and exported (XLSX) from the same counts."""

    _name = "mgp.socemp.figures"
    _description = "Figures of the Social Employment Register"

    def _default_date_from(self):
        return centre_today(self).replace(month=1, day=1)

    date_from = fields.Date(
        string="From", required=True, default=lambda self: self._default_date_from()
    )
    date_to = fields.Date(string="To", required=True, default=centre_today)
    organisation_ids = fields.Many2many(
        "mgp.socemp.participant",
        string="Organisations",
        domain=[("kind", "=", "organisation")],
        help="Empty: every organisation.",
    )
    persons = fields.Integer(
        string="Persons in the register", compute="_compute_totals"
    )
    consent_share = fields.Float(
        string="With consent, %", digits=(5, 2), compute="_compute_totals"
    )
    medical_share = fields.Float(
        string="With a medical conclusion, %", digits=(5, 2), compute="_compute_totals"
    )
    xlsx_file = fields.Binary(string="Workbook", readonly=True, attachment=False)
    xlsx_filename = fields.Char(readonly=True)

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for wizard in self:
            if wizard.date_from > wizard.date_to:
                raise ValidationError(
                    self.env._("The period cannot end before it starts.")
                )

    @api.depends("date_from", "date_to", "organisation_ids")
    def _compute_totals(self):
        for wizard in self:
            figures = (
                wizard._mgp_figures() if wizard.date_from and wizard.date_to else {}
            )
            wizard.persons = figures.get("persons", 0)
            wizard.consent_share = figures.get("consent", (0, 0, 0.0))[2]
            wizard.medical_share = figures.get("medical", (0, 0, 0.0))[2]

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_print_pdf(self):
        self.ensure_one()
        return self.env.ref(
            "mgp_social_employment.action_report_socemp_figures"
        ).report_action(self)

    def action_export_xlsx(self):
        self.ensure_one()
        content = self._mgp_build_xlsx()
        filename = f"socemp_{self.date_from}_{self.date_to}.xlsx"
        self.write({"xlsx_file": base64.b64encode(content), "xlsx_filename": filename})
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self._name}/{self.id}/xlsx_file/{filename}"
            "?download=true",
            "target": "self",
        }

    # ------------------------------------------------------------------
    # Counts
    # ------------------------------------------------------------------
    def _mgp_record_domain(self):
        """Records in the register during the period: identified by its end
        and not ended before its start."""
        self.ensure_one()
        domain = Domain("date_identified", "<=", self.date_to) & (
            Domain("date_end", "=", False) | Domain("date_end", ">=", self.date_from)
        )
        if self.organisation_ids:
            domain &= Domain("organisation_id", "in", self.organisation_ids.ids)
        return domain

    def _mgp_figures(self):
        """Every figure of the period as plain values (screen, PDF, XLSX)."""
        self.ensure_one()
        Record = self.env["mgp.socemp.record"]
        domain = self._mgp_record_domain()
        [[persons, records]] = Record._read_group(
            domain, [], ["partner_id:count_distinct", "__count"]
        )
        by_organisation = [
            (organisation.name, count)
            for organisation, count in Record._read_group(
                domain, ["organisation_id"], ["partner_id:count_distinct"]
            )
        ]
        by_municipality = [
            (municipality.name or NO_MUNICIPALITY_RU, count)
            for municipality, count in Record._read_group(
                domain, ["municipality_id"], ["partner_id:count_distinct"]
            )
        ]
        line_domain = (
            Domain("record_id", "any", domain)
            & Domain("date_start", "<=", self.date_to)
            & (
                Domain("date_end", "=", False)
                | Domain("date_end", ">=", self.date_from)
            )
        )
        by_service = [
            (service.name, count)
            for service, count in self.env["mgp.socemp.record.line"]._read_group(
                line_domain, ["service_id"], ["partner_id:count_distinct"]
            )
        ]
        consented = Record.search_count(
            domain & Domain("consent_date", "<=", self.date_to)
        )
        medical = Record.search_count(domain & self._mgp_medical_domain())
        return {
            "period": "с %s по %s"
            % (self.date_from.strftime("%d.%m.%Y"), self.date_to.strftime("%d.%m.%Y")),
            "organisations": ", ".join(self.organisation_ids.mapped("name"))
            or "все уполномоченные организации",
            "persons": persons,
            "records": records,
            "by_organisation": sorted(by_organisation),
            "by_municipality": sorted(by_municipality),
            "by_service": sorted(by_service),
            "consent": (consented, records, _share(consented, records)),
            "medical": (medical, records, _share(medical, records)),
            "requests": self._mgp_request_figures(),
        }

    def _mgp_medical_domain(self):
        """Records whose medical conclusion (003:108) was received and
        checked by the period's end: the document of the record's
        checklist."""
        self.ensure_one()
        # sudo: the checklist lines live in the organisations' companies,
        # which the ministry need not have active (003:77: it coordinates
        # every register); the records counted are still those it may read
        lines = (
            self.env["mgp.document.line"]
            .sudo()
            ._search(
                [
                    ("res_model", "=", "mgp.socemp.record"),
                    ("type_id", "=", self.env.ref(MEDICAL_TYPE).id),
                    ("received_date", "<=", self.date_to),
                    ("checked_date", "!=", False),
                ]
            )
        )
        return Domain("id", "in", lines.select("res_id"))

    def _mgp_request_figures(self):
        """Per term of 003:110-114: the procedures of the period, done on
        time, late (done late, or open past their due date at the period's
        end)."""
        self.ensure_one()
        # sudo: the requests and their terms live in the organisations'
        # companies, which the ministry need not have active (003:77); only
        # those of the records it may read are counted
        Request = self.env["mgp.mse.request"].sudo()
        records = Domain("id", "!=", False)
        if self.organisation_ids:
            records = Domain("organisation_id", "in", self.organisation_ids.ids)
        requests = (
            Domain("request_type", "=", "socemp")
            & Domain("res_model", "=", "mgp.socemp.record")
            & Domain(
                "res_id",
                "in",
                self.env["mgp.socemp.record"]._search(records).select("id"),
            )
        )
        base = Domain("res_model", "=", "mgp.mse.request") & Domain(
            "res_id", "in", Request._search(requests).select("id")
        )
        done = (
            Domain("state", "=", "done")
            & Domain("date_done", ">=", self.date_from)
            & Domain("date_done", "<=", self.date_to)
        )
        open_late = Domain("state", "=", "open") & Domain("date_due", "<", self.date_to)
        counts = {}
        Deadline = self.env["mgp.deadline"].sudo()
        for code, late, count in Deadline._read_group(
            base & Domain("code", "in", [c for c, _label in REQUEST_TERMS_RU]) & done,
            ["code", "is_late"],
            ["__count"],
        ):
            counts.setdefault(code, [0, 0])[1 if late else 0] += count
        for code, count in Deadline._read_group(
            base
            & Domain("code", "in", [c for c, _label in REQUEST_TERMS_RU])
            & open_late,
            ["code"],
            ["__count"],
        ):
            counts.setdefault(code, [0, 0])[1] += count
        result = []
        for code, label in REQUEST_TERMS_RU:
            on_time, late = counts.get(code, [0, 0])
            total = on_time + late
            result.append(
                {
                    "code": code,
                    "label": label,
                    "total": total,
                    "on_time": on_time,
                    "late": late,
                    "share": _share(on_time, total),
                }
            )
        return result

    # ------------------------------------------------------------------
    # XLSX
    # ------------------------------------------------------------------
    def _mgp_build_xlsx(self):
        self.ensure_one()
        figures = self._mgp_figures()
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        bold = workbook.add_format({"bold": True})
        sheet = workbook.add_worksheet("Социальная занятость")
        sheet.set_column(0, 0, 70)
        sheet.set_column(1, 4, 16)
        rows = [
            ("Учет инвалидов, которым предоставлены услуги по социальной занятости",),
            ("Период", figures["period"]),
            ("Организации", figures["organisations"]),
            ("Инвалидов в учете", figures["persons"]),
            (),
            ("По уполномоченным организациям", "Инвалидов"),
            *figures["by_organisation"],
            (),
            ("По услугам", "Инвалидов"),
            *figures["by_service"],
            (),
            ("По муниципальным образованиям", "Инвалидов"),
            *figures["by_municipality"],
            (),
            ("Доли записей учета", "Записей", "Всего", "Доля, %"),
            ("С согласием инвалида", *figures["consent"]),
            ("С медицинским заключением", *figures["medical"]),
            (),
            (
                "Сроки запросов (003:110-114)",
                "Всего",
                "В срок",
                "С нарушением",
                "В срок, %",
            ),
            *[
                (r["label"], r["total"], r["on_time"], r["late"], r["share"])
                for r in figures["requests"]
            ],
        ]
        for row_index, row in enumerate(rows):
            for col_index, value in enumerate(row):
                header = len(row) > 1 and isinstance(row[1], str) and row_index > 3
                sheet.write(
                    row_index,
                    col_index,
                    value,
                    bold if header or row_index == 0 else None,
                )
        workbook.close()
        return output.getvalue()
