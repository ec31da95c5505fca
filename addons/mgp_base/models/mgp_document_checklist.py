# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .mgp_protected_mixin import mgp_clean_context


class MgpDocumentChecklistMixin(models.AbstractModel):
    """The documents a record's procedures need.

    Requirements (``mgp.document.requirement``) are configured per model and
    procedure code; a new record gets a line for each listed document type,
    and an action calls :meth:`_mgp_check_documents` with its procedure code
    before it goes on.
    """

    _name = "mgp.document.checklist.mixin"
    _description = "Documents Needed by the Procedures"

    mgp_document_line_ids = fields.One2many(
        "mgp.document.line",
        "res_id",
        string="Documents",
        domain=lambda self: [("res_model", "=", self._name)],
    )
    mgp_document_missing = fields.Boolean(
        compute="_compute_mgp_document_missing",
        string="Documents missing",
    )

    @api.depends(
        "mgp_document_line_ids.received_date", "mgp_document_line_ids.checked_date"
    )
    def _compute_mgp_document_missing(self):
        missing = self._mgp_documents_missing()
        for record in self:
            record.mgp_document_missing = bool(missing.get(record.id))

    def _mgp_document_commands(self, vals):
        """One2many commands of the form get the line's model."""
        commands = vals.get("mgp_document_line_ids")
        if not commands:
            return vals
        fixed = []
        for command in commands:
            if isinstance(command, (list, tuple)) and command[0] == 0:
                line_vals = dict(command[2], res_model=self._name)
                command = (0, command[1], line_vals)
            fixed.append(command)
        return dict(vals, mgp_document_line_ids=fixed)

    @api.model_create_multi
    def create(self, vals_list):
        vals_list = [self._mgp_document_commands(vals) for vals in vals_list]
        records = super().create(vals_list)
        records._mgp_documents_prepare()
        return records

    def write(self, vals):
        return super().write(self._mgp_document_commands(vals))

    def _mgp_documents_prepare(self):
        """Add a line for every document type the model's procedures list
        that the record does not have yet."""
        requirements = (
            self.env["mgp.document.requirement"]
            .sudo()  # the configuration of the procedures, whoever acts
            ._mgp_for(self._name)
        )
        if not requirements or not self:
            return self.env["mgp.document.line"]
        vals_list = []
        for record in self:
            present = record.mgp_document_line_ids.type_id
            for requirement in requirements:
                if requirement.type_id in present:
                    continue
                present |= requirement.type_id
                vals_list.append(
                    {
                        "res_model": self._name,
                        "res_id": record.id,
                        "type_id": requirement.type_id.id,
                        "sequence": requirement.sequence,
                    }
                )
        # the lines take their values from the requirements only, never from
        # default_* keys of the caller's context
        Line = self.env["mgp.document.line"]
        clean = mgp_clean_context(Line.env.context)
        if clean is not None:
            Line = Line.with_env(Line.env(context=clean))
        return Line.create(vals_list)

    def action_mgp_documents_prepare(self):
        """Button: list the documents the procedures need."""
        self.check_access("write")
        self._mgp_documents_prepare()
        return True

    def _mgp_documents_missing(self, procedure=None):
        """The required document types of ``procedure`` (of every procedure
        of the model when ``None``) that each record has not received and
        checked yet.

        :return: ``{record id: mgp.document.type records}``, the records
            that miss none left out
        """
        requirements = (
            self.env["mgp.document.requirement"]
            .sudo()  # the configuration of the procedures, whoever acts
            ._mgp_for(self._name, procedure, required_only=True)
        )
        if not requirements or not self.ids:
            return {}
        lines = (
            self.env["mgp.document.line"]
            .sudo()  # the check counts the record's documents, whoever acts
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", self.ids),
                    ("type_id", "in", requirements.type_id.ids),
                    ("checked_date", "!=", False),
                    ("received_date", "!=", False),
                ]
            )
        )
        done = {(line.res_id, line.type_id.id) for line in lines}
        missing = {}
        for record in self:
            types = self.env["mgp.document.type"].browse(
                dict.fromkeys(
                    requirement.type_id.id
                    for requirement in requirements
                    if (record.id, requirement.type_id.id) not in done
                )
            )
            if types:
                missing[record.id] = types.with_env(self.env)
        return missing

    def _mgp_check_documents(self, procedure):
        """Refuse to go on while a required document of ``procedure`` is
        missing or not checked, naming it."""
        missing = self._mgp_documents_missing(procedure)
        for record in self:
            types = missing.get(record.id)
            if types:
                raise UserError(
                    self.env._(
                        "%(record)s: these required documents are missing or "
                        "not checked: %(documents)s.",
                        record=record.display_name,
                        documents=", ".join(
                            f"«{name}»" for name in types.sudo().mapped("name")
                        ),
                    )
                )
        return True

    @api.ondelete(at_uninstall=False)
    def _unlink_mgp_document_lines(self):
        """The lines follow their record (its deletion is the record's own
        rule; the checked lines go with it)."""
        lines = (
            self.env["mgp.document.line"]
            .sudo()  # the record's own bookkeeping, whoever deletes it
            .search([("res_model", "=", self._name), ("res_id", "in", self.ids)])
        )
        lines.unlink()
