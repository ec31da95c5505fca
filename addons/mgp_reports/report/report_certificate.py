# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models
from odoo.exceptions import UserError

from .mgp_report_form import format_ru_date


class ReportCertificate(models.AbstractModel):
    """Приложение 1: Сертификат о предоставлении сервиса «Сопровождение
    инвалида при трудоустройстве»."""

    _name = "report.mgp_reports.report_certificate"
    _inherit = "mgp.report.form"
    _description = "Certificate of the accompaniment service (Appendix 1)"

    _mgp_doc_model = "mgp.accompaniment"

    @api.model
    def _mgp_check_docs(self, docs):
        without = docs.filtered(lambda case: not case.certificate_number)
        if without:
            raise UserError(
                self.env._(
                    "No certificate has been issued for %(cases)s yet: issue the "
                    "certificate on the case first, then print it.",
                    cases=", ".join(without.mapped("display_name")),
                )
            )
        return True

    @api.model
    def _mgp_get_form_values(self, docs):
        return {"form": {case.id: self._mgp_certificate_values(case) for case in docs}}

    @api.model
    def _mgp_certificate_values(self, case):
        """What the certificate of ``case`` prints besides plain fields.

        The companion is the centre employee appointed by the order, or, when
        an NGO performs every activity, the NGO with its contract; an NGO
        performing only part of them is named in the notes
        (``certificate_notes`` of the case).
        """
        employee = case.responsible_user_id
        if employee:
            companion = ", ".join(
                part for part in (employee.name, employee.function) if part
            )
            contacts = self._mgp_contacts(employee.partner_id)
        else:
            companion = self._mgp_ngo_label(case)
            contacts = self._mgp_contacts(case.ngo_id)
        contacts = case.accompanying_contact or contacts
        parts = [part.strip() for part in contacts.split(",") if part.strip()]
        if employee:
            # the employee is named on the line above: only the contacts here
            parts = [part for part in parts if part != employee.name] or parts
        # the form's order: «электронный адрес, телефон»
        parts.sort(key=lambda part: "@" not in part)
        return {
            "companion": companion,
            # parts printed unbroken: a phone number is never split at a hyphen
            "contacts": parts,
            "activities": case.line_ids.activity_id.mapped("name"),
            "notes": (case.certificate_notes or "").strip(),
            "signer": case.user_id or employee or self.env.user,
            # the person as named at the issue (or by the last correction)
            "person": case._mgp_printed("certificate"),
        }

    @api.model
    def _mgp_ngo_label(self, case):
        """«НКО «Опора», договор № 12 от 3 марта 2026 г.»"""
        label = case.ngo_id.name or ""
        contract = case.ngo_contract_id
        if contract:
            label += ", договор № %s от %s" % (
                contract.number or "___",
                format_ru_date(contract.date),
            )
        return label

    @api.model
    def _mgp_contacts(self, partner):
        return ", ".join(part for part in (partner.email, partner.phone) if part)
