# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models, tools


class MgpDocumentType(models.Model):
    """A kind of document a procedure may need (a catalogue administrators
    edit: the IPRA extract, the identity document…)."""

    _name = "mgp.document.type"
    _description = "Document Type"
    _order = "sequence, name, id"

    sequence = fields.Integer(default=10)
    name = fields.Char(required=True)
    code = fields.Char(required=True)
    description = fields.Text()
    medical = fields.Boolean(
        string="Health data",
        help="The document holds the person's health data (the IPRA extract, "
        "an MSE answer…): every opening of its file is recorded in the access "
        "journal (152-FZ, articles 10 and 19).",
    )
    active = fields.Boolean(default=True)

    _code_unique = models.Constraint(
        "UNIQUE(code)", "A document type with this code already exists."
    )


class MgpDocumentRequirement(models.Model):
    """Which document types a procedure of a model needs, and whether each
    is required or optional: configuration, not code."""

    _name = "mgp.document.requirement"
    _description = "Document Required by a Procedure"
    _order = "res_model, procedure, sequence, id"

    sequence = fields.Integer(default=10)
    model_id = fields.Many2one(
        "ir.model",
        required=True,
        ondelete="cascade",
        domain=[("transient", "=", False)],
    )
    res_model = fields.Char(
        related="model_id.model", store=True, index=True, string="Model name"
    )
    procedure = fields.Char(
        required=True,
        help="Code of the procedure (action) that checks the documents, e.g. "
        "s1_need_decision.",
    )
    type_id = fields.Many2one(
        "mgp.document.type", string="Document type", required=True, ondelete="restrict"
    )
    required = fields.Boolean(
        default=True, help="Without it the procedure cannot go on; otherwise optional."
    )

    _type_unique = models.Constraint(
        "UNIQUE(model_id, procedure, type_id)",
        "This document is already listed for the procedure.",
    )

    @api.model
    def _mgp_for(self, res_model, procedure=None, required_only=False):
        return self.browse(self._mgp_ids_for(res_model, procedure, required_only))

    @api.model
    @tools.ormcache("res_model", "procedure", "required_only")
    def _mgp_ids_for(self, res_model, procedure, required_only):
        """The ids of :meth:`_mgp_for`, kept by the registry until a
        requirement is created, changed or deleted (read by every record of
        a checklist created)."""
        domain = [("res_model", "=", res_model)]
        if procedure:
            domain.append(("procedure", "=", procedure))
        if required_only:
            domain.append(("required", "=", True))
        # the configuration of the procedures, the same for everyone
        return tuple(self.sudo().search(domain).ids)

    @api.model_create_multi
    def create(self, vals_list):
        self.env.registry.clear_cache()
        return super().create(vals_list)

    def write(self, vals):
        self.env.registry.clear_cache()
        return super().write(vals)

    def unlink(self):
        self.env.registry.clear_cache()
        return super().unlink()
