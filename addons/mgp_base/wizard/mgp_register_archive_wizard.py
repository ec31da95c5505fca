# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError


class MgpRegisterArchiveWizard(models.TransientModel):
    _name = "mgp.register.archive.wizard"
    _description = "Archive a Record of a Register"

    res_model = fields.Char(string="Model", required=True, readonly=True)
    res_id = fields.Integer(string="Record", required=True, readonly=True)
    reason = fields.Text(required=True)

    @api.model
    def default_get(self, fields_list):
        res = super().default_get(fields_list)
        context = self.env.context
        res.setdefault("res_model", context.get("active_model"))
        res.setdefault("res_id", context.get("active_id"))
        return res

    def action_confirm(self):
        self.ensure_one()
        if self.res_model not in self.env or not isinstance(
            self.env[self.res_model], self.env.registry["mgp.register.archive.mixin"]
        ):
            raise UserError(self.env._("This record cannot be archived."))
        record = self.env[self.res_model].browse(self.res_id).exists()
        record.action_mgp_archive(self.reason)
        return {"type": "ir.actions.act_window_close"}
