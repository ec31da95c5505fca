# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.mgp_base.models.mgp_transition import Transition

from .mgp_complaint import MgpPortalError

_lt = LazyTranslate(__name__)

STATES = [
    ("requested", "Requested"),
    ("applied", "Corrected"),
    ("refused", "Refused"),
]
KINDS = [
    ("certificate", "Certificate"),
    ("order", "Order"),
    ("plan", "Workplace accompaniment plan"),
]
FIELD_LABELS = {
    "name": _lt("full name"),
    "snils": _lt("SNILS"),
    "position": _lt("position"),
}


class MgpDocumentCorrection(models.Model):
    """Correction of a typo or an error in an issued document (seed 002
    §5.1.2): the corrected document keeps its number with a correction mark
    and date; the previous printed version stays attached, marked superseded.

    Documents plug in through ``mgp.correctable.mixin``: the certificate
    and the order of service 1 (the person's name and СНИЛС as printed), the
    sent plan of service 2 (the worker's name and position).
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
        "old_position",
        "superseded_attachment_id",
    )
    _mgp_create_only_fields = ("company_id", "res_model", "res_id", "document_kind")
    _mgp_transitions = {
        "action_apply": Transition(
            ("requested",),
            "applied",
            group="mgp_base.group_manager",
            close=("document_correction",),
            notice="mgp_complaint.mail_template_correction_applied",
        ),
        "action_refuse": Transition(
            ("requested",),
            "refused",
            group="mgp_base.group_manager",
            close=("document_correction",),
            notice="mgp_complaint.mail_template_correction_refused",
        ),
    }

    partner_id = fields.Many2one(string="Applicant", required=True)
    res_model = fields.Char(string="Document model", required=True)
    res_id = fields.Many2oneReference(
        string="Document record", model_field="res_model", required=True
    )
    document_kind = fields.Selection(
        KINDS, string="Document type", required=True, default="certificate"
    )
    document_name = fields.Char(string="Document", compute="_compute_document_name")
    description = fields.Text(string="What is wrong", required=True)
    new_name = fields.Char(string="Correct full name")
    new_snils = fields.Char(string="Correct SNILS")
    new_position = fields.Char(string="Correct position")
    state = fields.Selection(STATES, default="requested", required=True, tracking=True)
    date_requested = fields.Date(string="Requested on", readonly=True, copy=False)
    date_done = fields.Date(string="Corrected on", readonly=True, copy=False)
    old_name = fields.Char(string="Previous full name", readonly=True, copy=False)
    old_snils = fields.Char(string="Previous SNILS", readonly=True, copy=False)
    old_position = fields.Char(string="Previous position", readonly=True, copy=False)
    superseded_attachment_id = fields.Many2one(
        "ir.attachment", string="Superseded version", readonly=True, copy=False
    )
    refusal_reason = fields.Text(copy=False)

    _name_company_uniq = models.Constraint(
        "UNIQUE(company_id, name)",
        "A correction with this number exists in the centre.",
    )

    @api.depends("res_model", "res_id", "document_kind")
    def _compute_document_name(self):
        for correction in self:
            document = correction._mgp_document()
            # the document's number, whoever reads the correction
            info = (
                document.sudo()._mgp_correction_kinds().get(correction.document_kind)
                if document
                else None
            )
            correction.document_name = info["number"] if info else False

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for correction in self:
            correction.access_url = f"/my/correction/{correction.id}"
        return res

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            model = vals.get("res_model") or self._fields["res_model"].default(self)
            if not vals.get("company_id") and vals.get("res_id") and model in self.env:
                # the centre of the document, readable or not by the caller
                document = self.env[model].browse(vals["res_id"]).sudo()
                if "company_id" in document._fields:
                    vals["company_id"] = document.company_id.id
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
        attachment, the data are corrected, the number stays, the document
        gets the correction mark and date, and the applicant is notified."""
        self.ensure_one()
        done_date = self._mgp_check_action_date(
            done_date,
            after=[(self.date_requested, self.env._("the request"))],
            label=self.env._("The correction"),
        )
        document = self._mgp_document()
        kind = self.document_kind
        info = document._mgp_correction_kinds().get(kind)
        if not info:
            raise UserError(self.env._("The document is no longer issued."))
        values = self._mgp_corrected_values(document)
        old = document._mgp_correction_values(kind)
        old_pdf = self._mgp_render(info["report"], document)
        kind_label = dict(
            self._fields["document_kind"]._description_selection(self.env)
        )[kind]
        attachment = self.env["ir.attachment"].create(
            {
                "name": self.env._(
                    "%(document)s %(number)s (superseded on %(date)s).pdf",
                    document=kind_label,
                    number=info["number"],
                    date=done_date.strftime("%d.%m.%Y"),
                ),
                "raw": old_pdf,
                "mimetype": "application/pdf",
                "res_model": document._name,
                "res_id": document.id,
                "description": self.env._("Superseded by correction %s", self.name),
            }
        )
        document._mgp_correction_apply(self, kind, values, done_date)
        document.message_post(
            body=self.env._(
                "%(document)s corrected by %(correction)s; the previous version "
                "is kept as %(file)s.",
                document=kind_label,
                correction=self.name,
                file=attachment.name,
            ),
            attachment_ids=attachment.ids,
        )
        self._mgp_transition(
            "action_apply",
            {
                "date_done": done_date,
                "old_name": old.get("name") or False,
                "old_snils": old.get("snils") or False,
                "old_position": old.get("position") or False,
                "superseded_attachment_id": attachment.id,
            },
            date=done_date,
        )
        return True

    def _mgp_corrected_values(self, document):
        """The corrected data given, checked against what the document
        prints: ``{name|snils|position: value}``."""
        self.ensure_one()
        given = {
            key: (self[f"new_{key}"] or "").strip()
            for key in FIELD_LABELS
            if (self[f"new_{key}"] or "").strip()
        }
        extra, allowed = self._mgp_fields_not_printed(
            document, self.document_kind, given
        )
        if not given:
            raise UserError(self.env._("Give the corrected data: %s.", allowed))
        if extra:
            raise UserError(
                self.env._(
                    "This document does not print the %(fields)s; it may "
                    "correct only: %(allowed)s.",
                    fields=extra,
                    allowed=allowed,
                )
            )
        return given

    @api.model
    def _mgp_fields_not_printed(self, document, kind, given):
        """The labels of the data given that ``document`` does not print,
        and of those it prints (comma-separated)."""
        allowed = document._mgp_correction_fields(kind)
        extra = [key for key, value in given.items() if value and key not in allowed]
        return (
            ", ".join(str(FIELD_LABELS[key]) for key in extra),
            ", ".join(str(FIELD_LABELS[key]) for key in allowed),
        )

    def action_refuse(self, reason=None):
        """Refuse the correction with its reason (the field or ``reason``)."""
        self.ensure_one()
        reason = reason or self.refusal_reason
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason of the refusal."))
        self._mgp_transition(
            "action_refuse",
            {"refusal_reason": reason.strip(), "date_done": self._mgp_today()},
        )
        return True

    # ------------------------------------------------------------------
    # Portal
    # ------------------------------------------------------------------
    @api.model
    def _mgp_correctable_models(self):
        return [
            model
            for model in self.env.registry.descendants(
                ["mgp.correctable.mixin"], "_inherit"
            )
            if not self.env[model]._abstract
        ]

    @api.model
    def _mgp_portal_documents(self, partner):
        """``[(reference, label)]`` of ``partner``'s issued documents that
        may be corrected; a reference is ``"model,id,kind"``."""
        labels = dict(self._fields["document_kind"]._description_selection(self.env))
        documents = []
        for model in self._mgp_correctable_models():
            for record, kind in self.env[model]._mgp_correction_portal_documents(
                partner
            ):
                number = record._mgp_correction_kinds()[kind]["number"]
                documents.append(
                    (f"{record._name},{record.id},{kind}", f"{labels[kind]} № {number}")
                )
        return documents

    @api.model
    def _mgp_portal_request(
        self, reference, description, new_name, new_snils, new_position=None
    ):
        """Ask for a correction of one's own issued document from the portal.

        :param reference: ``"model,id,kind"`` of one of
            :meth:`_mgp_portal_documents`
        """
        partner = self.env.user.partner_id
        errors = {}
        known = dict(self._mgp_portal_documents(partner))
        document = False
        kind = False
        if reference in known:
            model, res_id, kind = reference.split(",")
            # one of the applicant's own documents (checked above)
            document = self.env[model].sudo().browse(int(res_id))
        else:
            errors["case"] = self.env._("Choose one of your issued documents.")
        if not (description or "").strip():
            errors["description"] = self.env._("Describe the typo or the error.")
        given = {
            "name": (new_name or "").strip(),
            "snils": (new_snils or "").strip(),
            "position": (new_position or "").strip(),
        }
        if not any(given.values()):
            errors["new_name"] = self.env._(
                "Give the correct data as they should be printed."
            )
        elif document:
            extra, allowed = self._mgp_fields_not_printed(document, kind, given)
            if extra:
                errors["new_name"] = self.env._(
                    "This document may correct only: %s.", allowed
                )
        if errors:
            raise MgpPortalError(errors)
        # an employer's representative asks on behalf of the employer
        applicant = (
            partner.commercial_partner_id
            if partner.commercial_partner_id.is_company
            else partner
        )
        # the applicant asks about a document of their own (checked above)
        correction = (
            self.sudo()
            .with_company(document.company_id)
            .create(
                {
                    "partner_id": applicant.id,
                    "res_model": document._name,
                    "res_id": document.id,
                    "document_kind": kind,
                    "description": description.strip(),
                    "new_name": given["name"] or False,
                    "new_snils": given["snils"] or False,
                    "new_position": given["position"] or False,
                    "company_id": document.company_id.id,
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
        if not self.res_id or self.res_model not in self._mgp_correctable_models():
            return self.env["mgp.correctable.mixin"]
        return self.env[self.res_model].browse(self.res_id).exists()

    def _mgp_check_document(self):
        for correction in self:
            document = correction._mgp_document()
            if (
                not document
                or correction.document_kind
                not in document.sudo()._mgp_correction_kinds()
            ):
                raise ValidationError(
                    self.env._(
                        "Only an issued document can be corrected: the %s is not "
                        "issued.",
                        dict(
                            self._fields["document_kind"]._description_selection(
                                self.env
                            )
                        )[correction.document_kind].lower(),
                    )
                )

    def _mgp_render(self, report, document):
        # the printed form reads the person's data that the manager reads
        content, _type = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(report, document.ids)
        )
        return content
