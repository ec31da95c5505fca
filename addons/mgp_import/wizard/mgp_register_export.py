# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The register of the recipients of service 1 as XLSX or CSV: the cases the
user may read (record rules), read set-based with ``search_read``, the
person's data read through ``res.partner.read`` — masked by the suite's read
guard exactly as on screen for this user (``_read_format`` of
``mgp_base``) — and the export of the data shown journaled by the same
guard."""

import base64
import csv
import io

import xlsxwriter

from odoo import api, fields, models

from odoo.addons.mgp_accompaniment.models.mgp_accompaniment import OPEN_STATES

CHUNK = 2000
CASE_FIELDS = [
    "name",
    "company_id",
    "partner_id",
    "state",
    "plan_agreed_date",
    "need_decision_date",
    "certificate_number",
    "certificate_date",
    "date_end",
    "employment_date",
    "date_closed",
]
PERSON_FIELDS = ["mgp_snils", "mgp_birth_date", "mgp_disability_group"]


class MgpRegisterExport(models.TransientModel):
    _name = "mgp.register.export"
    _description = "Export of the Register of Recipients"

    file_format = fields.Selection(
        [("xlsx", "XLSX"), ("csv", "CSV")], required=True, default="xlsx"
    )
    scope = fields.Selection(
        [("all", "All cases"), ("open", "Open cases"), ("closed", "Closed cases")],
        required=True,
        default="all",
    )
    date_from = fields.Date(string="Plan agreed from")
    date_to = fields.Date(string="Plan agreed to")

    def _mgp_domain(self):
        domain = []
        if self.scope == "open":
            domain.append(("state", "in", OPEN_STATES))
        elif self.scope == "closed":
            domain.append(("state", "not in", OPEN_STATES))
        if self.date_from:
            domain.append(("plan_agreed_date", ">=", self.date_from))
        if self.date_to:
            domain.append(("plan_agreed_date", "<=", self.date_to))
        return domain

    @api.model
    def _mgp_header(self):
        return [
            self.env._("Case number"),
            self.env._("Centre"),
            self.env._("Person"),
            self.env._("SNILS"),
            self.env._("Birth date"),
            self.env._("Disability group"),
            self.env._("State"),
            self.env._("Plan agreed on"),
            self.env._("Need decided on"),
            self.env._("Certificate number"),
            self.env._("Certificate date"),
            self.env._("Accompaniment until"),
            self.env._("Employed on"),
            self.env._("Closed on"),
        ]

    def _mgp_rows(self):
        """The rows of the register, chunk by chunk, as the user sees them."""
        Case = self.env["mgp.accompaniment"]
        Partner = self.env["res.partner"]
        states = dict(Case._fields["state"]._description_selection(self.env))
        groups = dict(
            Partner._fields["mgp_disability_group"]._description_selection(self.env)
        )
        ids = Case.search(self._mgp_domain(), order="company_id, name").ids
        for index in range(0, len(ids), CHUNK):
            cases = Case.browse(ids[index : index + CHUNK]).read(CASE_FIELDS)
            partner_ids = list(
                {row["partner_id"][0] for row in cases if row["partner_id"]}
            )
            # the persons the user may open; of them, the guard masks the
            # data of those he may not know (``res.partner._read_format``)
            readable = Partner.browse(partner_ids)._filtered_access("read")
            persons = {row["id"]: row for row in readable.read(PERSON_FIELDS)}
            for row in cases:
                person = persons.get(row["partner_id"] and row["partner_id"][0], {})
                yield [
                    row["name"],
                    row["company_id"] and row["company_id"][1],
                    row["partner_id"] and row["partner_id"][1],
                    person.get("mgp_snils") or "",
                    _date(person.get("mgp_birth_date")),
                    groups.get(person.get("mgp_disability_group"), ""),
                    states.get(row["state"], row["state"]),
                    _date(row["plan_agreed_date"]),
                    _date(row["need_decision_date"]),
                    row["certificate_number"] or "",
                    _date(row["certificate_date"]),
                    _date(row["date_end"]),
                    _date(row["employment_date"]),
                    _date(row["date_closed"]),
                ]

    def _mgp_render(self):
        header, rows = self._mgp_header(), self._mgp_rows()
        if self.file_format == "csv":
            stream = io.StringIO()
            writer = csv.writer(stream, delimiter=";")
            writer.writerow(header)
            writer.writerows(rows)
            # with a BOM: spreadsheets open the Cyrillic text as UTF-8
            return stream.getvalue().encode("utf-8-sig"), "text/csv"
        stream = io.BytesIO()
        workbook = xlsxwriter.Workbook(stream, {"in_memory": True})
        sheet = workbook.add_worksheet(self.env._("Register")[:31])
        bold = workbook.add_format({"bold": True})
        sheet.write_row(0, 0, header, bold)
        for number, row in enumerate(rows, start=1):
            sheet.write_row(number, 0, row)
        sheet.freeze_panes(1, 0)
        workbook.close()
        return (
            stream.getvalue(),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )

    def action_export(self):
        self.ensure_one()
        content, mimetype = self._mgp_render()
        attachment = self.env["ir.attachment"].create(
            {
                "name": "%s.%s"
                % (self.env._("Register of recipients"), self.file_format),
                "datas": base64.b64encode(content),
                "mimetype": mimetype,
                "res_model": self._name,
                "res_id": self.id,
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }


def _date(value):
    return value.strftime("%d.%m.%Y") if value else ""
