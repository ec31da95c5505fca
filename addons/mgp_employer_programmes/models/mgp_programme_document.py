# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .mgp_programme_dialog import without_defaults

PROCEDURES = [
    ("subsidy_application", "Subsidy: application (004:96–103)"),
    ("subsidy_use", "Subsidy: proof of targeted use (004:108–110)"),
    ("subsidy_dismissal", "Subsidy: report of a dismissal (004:112)"),
    ("business_aid", "Business aid (004:190–191)"),
    ("training", "Training referral (004:217, 004:233–234)"),
]


class MgpProgrammeDocumentType(models.Model):
    """A document a procedure of the programmes requires (catalogue)."""

    _name = "mgp.programme.document.type"
    _description = "Programme Document Type"
    _inherit = ["mgp.programme.catalogue.mixin"]
    _order = "procedure, sequence, id"

    procedure = fields.Selection(PROCEDURES, required=True, index=True)
    required = fields.Boolean(default=True)
    legal_source = fields.Char()


class MgpProgrammeDocument(models.Model):
    """One line of a record's document checklist."""

    _name = "mgp.programme.document"
    _description = "Programme Document"
    _inherit = ["mgp.protected.mixin"]
    _order = "procedure, sequence, id"
    # a line belongs to its record and its procedure for good
    _mgp_protected_fields = ("res_model", "res_id", "type_id", "company_id")

    res_model = fields.Char(required=True, index=True, readonly=True)
    res_id = fields.Many2oneReference(
        model_field="res_model", required=True, index=True, readonly=True
    )
    type_id = fields.Many2one(
        "mgp.programme.document.type", required=True, ondelete="restrict"
    )
    name = fields.Char(related="type_id.name")
    sequence = fields.Integer(related="type_id.sequence", store=True)
    procedure = fields.Selection(related="type_id.procedure", store=True)
    required = fields.Boolean(related="type_id.required")
    received = fields.Boolean()
    date_received = fields.Date()
    attachment_id = fields.Many2one("ir.attachment", string="File")
    note = fields.Char()
    company_id = fields.Many2one(
        "res.company", required=True, index=True, readonly=True
    )

    @api.onchange("received")
    def _onchange_received(self):
        if self.received and not self.date_received:
            self.date_received = fields.Date.context_today(self)


class MgpProgrammeChecklistMixin(models.AbstractModel):
    """Records with a document checklist per procedure.

    ``_mgp_checklist_procedures`` lists the procedures whose lines are
    created with the record; :meth:`_mgp_check_documents` refuses an action
    while a required document of a procedure is missing.
    """

    _name = "mgp.programme.checklist.mixin"
    _description = "Record with a Document Checklist"

    _mgp_checklist_procedures = ()

    document_ids = fields.One2many(
        "mgp.programme.document",
        "res_id",
        string="Documents",
        domain=lambda self: [("res_model", "=", self._name)],
        copy=False,
    )
    documents_complete = fields.Boolean(compute="_compute_documents_complete")

    @api.depends("document_ids.received")
    def _compute_documents_complete(self):
        for record in self:
            record.documents_complete = not record._mgp_missing_documents()

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._mgp_add_checklist(self._mgp_checklist_procedures)
        return records

    def _mgp_add_checklist(self, procedures):
        """Add the lines of ``procedures`` that the records lack."""
        if not procedures:
            return
        types = self.env["mgp.programme.document.type"].search(
            [("procedure", "in", list(procedures))]
        )
        vals_list = []
        for record in self:
            present = record.document_ids.type_id
            vals_list += [
                {
                    "res_model": record._name,
                    "res_id": record.id,
                    "type_id": doc_type.id,
                    "company_id": record.company_id.id,
                }
                for doc_type in types - present
            ]
        # the checklist is the record's own bookkeeping, nothing of the caller's
        without_defaults(self.env["mgp.programme.document"].sudo()).create(vals_list)

    def _mgp_missing_documents(self, procedure=None):
        self.ensure_one()
        return self.document_ids.filtered(
            lambda d: (
                d.required
                and not d.received
                and (procedure is None or d.procedure == procedure)
            )
        )

    def _mgp_check_documents(self, procedure):
        """Refuse while a required document of ``procedure`` is missing."""
        for record in self:
            missing = record._mgp_missing_documents(procedure)
            if missing:
                raise UserError(
                    self.env._(
                        "%(record)s: documents missing: %(docs)s.",
                        record=record.display_name,
                        docs="; ".join(missing.mapped("name")),
                    )
                )
        return True

    @api.ondelete(at_uninstall=False)
    def _unlink_mgp_documents(self):
        self.env["mgp.programme.document"].sudo().search(  # lines follow the record
            [("res_model", "=", self._name), ("res_id", "in", self.ids)]
        ).unlink()
