# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError

from .mgp_access_log import journal_add
from .mgp_today import centre_today


class MgpDocumentLine(models.Model):
    """A document of a record's checklist: received on a date, filed through
    :meth:`mgp.upload._mgp_attach`, checked by a specialist (only by
    :meth:`action_mark_checked`). Whoever may not work on the record may not
    read or change its documents."""

    _name = "mgp.document.line"
    _description = "Document of a Checklist"
    _inherit = ["mgp.protected.mixin"]
    _order = "res_model, res_id, sequence, id"
    _mgp_protected_fields = (
        "company_id",
        "attachment_id",
        "checked_by_id",
        "checked_date",
    )
    _mgp_create_only_fields = ("res_model", "res_id", "type_id")
    # changing what was checked asks for a new check
    _mgp_recheck_fields = ("received_date", "file")

    sequence = fields.Integer(default=10)
    res_model = fields.Char(string="Model", required=True, index=True)
    res_id = fields.Many2oneReference(
        string="Record", model_field="res_model", required=True, index=True
    )
    company_id = fields.Many2one("res.company", string="Centre", index=True)
    type_id = fields.Many2one(
        "mgp.document.type", string="Document", required=True, ondelete="restrict"
    )
    required = fields.Boolean(compute="_compute_required")
    received_date = fields.Date(string="Received")
    attachment_id = fields.Many2one("ir.attachment", readonly=True, copy=False)
    file = fields.Binary(compute="_compute_file", inverse="_inverse_file")
    file_name = fields.Char()
    checked_by_id = fields.Many2one(
        "res.users", string="Checked by", readonly=True, copy=False
    )
    checked_date = fields.Date(string="Checked on", readonly=True, copy=False)
    note = fields.Char()

    @api.depends("res_model", "type_id")
    def _compute_required(self):
        requirements = self.env["mgp.document.requirement"].search(
            [
                ("res_model", "in", list(set(self.mapped("res_model")))),
                ("required", "=", True),
            ]
        )
        required = {(req.res_model, req.type_id.id) for req in requirements}
        for line in self:
            line.required = (line.res_model, line.type_id.id) in required

    @api.depends("attachment_id")
    def _compute_file(self):
        for line in self:
            line.file = line.attachment_id.datas

    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load)
        if "file" in fnames and result:
            self.browse([vals["id"] for vals in result])._mgp_journal_file()
        return result

    def _mgp_journal_file(self, path=None):
        """Record that the user opened the files of the medical documents of
        ``self`` (152-ФЗ ст. 10: health data; ст. 19: events recorded)."""
        lines = self.sudo().filtered(  # the link, to find whose document it is
            lambda line: line.type_id.medical and line.attachment_id
        )
        for line in lines:
            record = line.res_model in self.env and self.env[line.res_model].browse(
                line.res_id
            )
            field = record and getattr(record, "_mgp_partner_field", "partner_id")
            if not record or field not in record._fields:
                continue
            person = record.sudo()[field]
            journal_add(
                self.env,
                person.ids,
                "read",
                {f"document:{line.type_id.code}"},
                path=path,
                res_model=line.res_model,
                res_id=line.res_id,
            )

    def _inverse_file(self):
        Upload = self.env["mgp.upload"]
        for line in self:
            if not line.file:
                continue
            content = base64.b64decode(line.file)
            attachment = Upload._mgp_attach(line, [(line.file_name, content)])
            vals = {"attachment_id": attachment.id, "file_name": attachment.name}
            if not line.received_date:
                vals["received_date"] = centre_today(line)
            line._mgp_engine_write(vals)

    # ------------------------------------------------------------------
    # Access: the record's own
    # ------------------------------------------------------------------
    def _mgp_records(self):
        """``{model: records}`` the lines belong to."""
        ids = defaultdict(set)
        for line in self.sudo():  # the link itself, to check the user's right
            if line.res_model in self.env:
                ids[line.res_model].add(line.res_id)
        return {model: self.env[model].browse(list(ids[model])) for model in ids}

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if result or not self._ids:
            return result
        parent_operation = "read" if operation == "read" else "write"
        for model, records in self._mgp_records().items():
            refused = records._check_access(parent_operation)
            if refused:
                forbidden_ids = set(refused[0].ids)
                forbidden = self.sudo().filtered(  # the link, to name the lines
                    lambda line, model=model, forbidden_ids=forbidden_ids: (
                        line.res_model == model and line.res_id in forbidden_ids
                    )
                )
                return forbidden.with_env(self.env), refused[1]
        return None

    @api.model
    def _mgp_prepare_create_vals(self, vals_list):
        vals_list = super()._mgp_prepare_create_vals(vals_list)
        ids = defaultdict(list)
        for vals in vals_list:
            model, res_id = vals.get("res_model"), vals.get("res_id")
            if not model or model not in self.env or not res_id:
                raise UserError(
                    self.env._("A document must belong to a record of the register.")
                )
            ids[model].append(res_id)
        # the user must be able to work on the records the documents join
        # (checked at once for each model: the checklist of a batch)
        for model, res_ids in ids.items():
            self.env[model].browse(res_ids).check_access("write")
        for vals in vals_list:
            record = self.env[vals["res_model"]].browse(vals["res_id"])
            if "company_id" in record._fields:
                vals["company_id"] = record.company_id.id
        return vals_list

    @api.ondelete(at_uninstall=False)
    def _unlink_except_checked(self):
        if self.filtered("checked_date") and not self._mgp_is_granted():
            raise UserError(
                self.env._("A checked document is kept: it cannot be deleted.")
            )

    def write(self, vals):
        recheck = set(self._mgp_recheck_fields) & set(vals)
        result = super().write(vals)
        if recheck and not self._mgp_is_granted():
            checked = self.filtered("checked_date")
            if checked:
                checked._mgp_engine_write(
                    {"checked_by_id": False, "checked_date": False}
                )
        return result

    def action_mark_checked(self):
        """The specialist has seen the documents: record who and when."""
        self._mgp_check_checker()
        self.check_access("write")
        today = centre_today(self)
        # a document presented in the original is received when it is checked
        for line in self:
            line._mgp_engine_write(
                {
                    "received_date": line.received_date or today,
                    "checked_by_id": self.env.user.id,
                    "checked_date": today,
                }
            )
        return True

    def _mgp_check_checker(self):
        """Refuse a user who may not check the documents of ``self``: the
        centre's specialists check the centre's; an addon whose records other
        users keep adds them with ``super()``."""
        if not self.env.user.has_group("mgp_base.group_specialist"):
            raise UserError(
                self.env._("Only a specialist of the centre may check documents.")
            )
