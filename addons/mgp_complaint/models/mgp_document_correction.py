# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .mgp_complaint import MgpPortalError

CERTIFICATE_REPORT = "mgp_reports.action_report_certificate"
STATES = [
    ("requested", "Requested"),
    ("applied", "Corrected"),
    ("refused", "Refused"),
]


class MgpDocumentCorrection(models.Model):
    """Correction of a typo or an error in an issued document (seed 002
    §5.1.2): the corrected document keeps its number with a correction mark
    and date; the previous printed version stays attached, marked superseded.

    Implemented for the certificate of service 1 (the person's name and
    СНИЛС as printed); other documents plug in through
    :meth:`_mgp_correction_documents`.
    """

    _name = "mgp.document.correction"
    _description = "Correction of an Issued Document"
    _inherit = [
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "mgp.case.mixin",
    ]
    _order = "date_requested desc, id desc"
    _mgp_number_code = "mgp.document.correction"
    _mgp_protected_fields = (
        "name",
        "state",
        "date_requested",
        "date_done",
        "old_name",
        "old_snils",
        "superseded_attachment_id",
    )
    _mgp_create_only_fields = ("company_id", "res_model", "res_id")

    partner_id = fields.Many2one(string="Applicant", required=True)
    res_model = fields.Char(
        string="Document model", required=True, default="mgp.accompaniment"
    )
    res_id = fields.Many2oneReference(
        string="Document record", model_field="res_model", required=True
    )
    document_name = fields.Char(string="Document", compute="_compute_document_name")
    description = fields.Text(string="What is wrong", required=True)
    new_name = fields.Char(string="Correct full name")
    new_snils = fields.Char(string="Correct SNILS")
    state = fields.Selection(STATES, default="requested", required=True, tracking=True)
    date_requested = fields.Date(string="Requested on", readonly=True, copy=False)
    date_done = fields.Date(string="Corrected on", readonly=True, copy=False)
    old_name = fields.Char(string="Previous full name", readonly=True, copy=False)
    old_snils = fields.Char(string="Previous SNILS", readonly=True, copy=False)
    superseded_attachment_id = fields.Many2one(
        "ir.attachment", string="Superseded version", readonly=True, copy=False
    )
    refusal_reason = fields.Text(copy=False)

    _name_company_uniq = models.Constraint(
        "UNIQUE(company_id, name)",
        "A correction with this number exists in the centre.",
    )

    @api.depends("res_model", "res_id")
    def _compute_document_name(self):
        for correction in self:
            document = correction._mgp_document()
            # the document's number, whoever reads the correction
            correction.document_name = (
                document.sudo().certificate_number or document.sudo().display_name
                if document
                else False
            )

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for correction in self:
            correction.access_url = f"/my/correction/{correction.id}"
        return res

    @api.model_create_multi
    def create(self, vals_list):
        Case = self.env["mgp.accompaniment"]
        for vals in vals_list:
            model = vals.get("res_model", Case._name)
            if (
                not vals.get("company_id")
                and vals.get("res_id")
                and model == Case._name
            ):
                # the centre of the document, readable or not by the caller
                vals["company_id"] = Case.browse(vals["res_id"]).sudo().company_id.id
        corrections = super().create(vals_list)
        for correction in corrections:
            correction._mgp_check_document()
            correction._mgp_engine_write({"date_requested": correction._mgp_today()})
            correction._mgp_deadline_open(
                "document_correction", correction.date_requested
            )
        return corrections

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_apply(self, done_date=None):
        """Correct the document: the old print is kept as a superseded
        attachment, the data are corrected, the number stays, the case gets
        the correction mark and date, and the applicant is notified."""
        self.ensure_one()
        self._mgp_check_transition(["requested"], group="mgp_base.group_manager")
        done_date = self._mgp_check_action_date(
            done_date,
            after=[(self.date_requested, self.env._("the request"))],
            label=self.env._("The correction"),
        )
        if not (self.new_name or "").strip() and not (self.new_snils or "").strip():
            raise UserError(self.env._("Give the corrected full name or SNILS."))
        case = self._mgp_document()
        person = case.partner_id
        old_pdf = self._mgp_render_certificate(case)
        attachment = self.env["ir.attachment"].create(
            {
                "name": self.env._(
                    "Certificate %(number)s (superseded on %(date)s).pdf",
                    number=case.certificate_number,
                    date=done_date.strftime("%d.%m.%Y"),
                ),
                "raw": old_pdf,
                "mimetype": "application/pdf",
                "res_model": case._name,
                "res_id": case.id,
                "description": self.env._("Superseded by correction %s", self.name),
            }
        )
        self._mgp_engine_write(
            {
                "state": "applied",
                "date_done": done_date,
                "old_name": person.name,
                "old_snils": person.mgp_snils,
                "superseded_attachment_id": attachment.id,
            }
        )
        partner_vals = {}
        if (self.new_name or "").strip():
            partner_vals["name"] = self.new_name.strip()
        if (self.new_snils or "").strip():
            partner_vals["mgp_snils"] = self.new_snils.strip()
        person.write(partner_vals)
        case._mgp_engine_write(
            {
                "mgp_correction_date": done_date,
                "mgp_correction_id": self.id,
            }
        )
        case.message_post(
            body=self.env._(
                "Certificate corrected by %(correction)s; the previous version is "
                "kept as %(file)s.",
                correction=self.name,
                file=attachment.name,
            ),
            attachment_ids=attachment.ids,
        )
        self._mgp_deadline_close("document_correction", done_date)
        self._mgp_notify(
            self.env.ref(
                "mgp_complaint.mail_template_correction_applied",
                raise_if_not_found=False,
            )
        )
        return True

    def action_refuse(self, reason=None):
        """Refuse the correction with its reason (the field or ``reason``)."""
        self.ensure_one()
        self._mgp_check_transition(["requested"], group="mgp_base.group_manager")
        reason = reason or self.refusal_reason
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason of the refusal."))
        self._mgp_engine_write(
            {
                "state": "refused",
                "refusal_reason": reason.strip(),
                "date_done": self._mgp_today(),
            }
        )
        self._mgp_deadline_close("document_correction")
        self._mgp_notify(
            self.env.ref(
                "mgp_complaint.mail_template_correction_refused",
                raise_if_not_found=False,
            )
        )
        return True

    # ------------------------------------------------------------------
    # Portal
    # ------------------------------------------------------------------
    @api.model
    def _mgp_portal_documents(self, partner):
        """The issued documents of ``partner`` that may be corrected."""
        # the citizen's own certificates, whatever the portal rules show
        return (
            self.env["mgp.accompaniment"]
            .sudo()
            .search(
                [
                    ("partner_id", "=", partner.id),
                    ("certificate_number", "!=", False),
                ],
                limit=100,
            )
        )

    @api.model
    def _mgp_portal_request(self, case_id, description, new_name, new_snils):
        """Ask for a correction of one's own certificate from the portal."""
        partner = self.env.user.partner_id
        errors = {}
        case = self._mgp_portal_documents(partner).filtered(
            lambda c: str(c.id) == str(case_id)
        )
        if not case:
            errors["case"] = self.env._("Choose one of your certificates.")
        if not (description or "").strip():
            errors["description"] = self.env._("Describe the typo or the error.")
        if not (new_name or "").strip() and not (new_snils or "").strip():
            errors["new_name"] = self.env._("Give the correct full name or SNILS.")
        if errors:
            raise MgpPortalError(errors)
        # the citizen asks about a certificate of their own (checked above)
        correction = (
            self.sudo()
            .with_company(case.company_id)
            .create(
                {
                    "partner_id": partner.id,
                    "res_model": case._name,
                    "res_id": case.id,
                    "description": description.strip(),
                    "new_name": (new_name or "").strip() or False,
                    "new_snils": (new_snils or "").strip() or False,
                    "company_id": case.company_id.id,
                }
            )
        )
        correction.message_subscribe(partner_ids=partner.ids)
        return correction.with_env(self.env)

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _mgp_document(self):
        self.ensure_one()
        if self.res_model != "mgp.accompaniment" or not self.res_id:
            return self.env["mgp.accompaniment"]
        return self.env["mgp.accompaniment"].browse(self.res_id).exists()

    def _mgp_check_document(self):
        case = self._mgp_document()
        if not case or not case.sudo().certificate_number:
            raise ValidationError(
                self.env._("Only an issued certificate can be corrected.")
            )

    def _mgp_render_certificate(self, case):
        # the printed form reads the person's data that the manager reads
        content, _type = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(CERTIFICATE_REPORT, case.ids)
        )
        return content
