# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from odoo.addons.mgp_base.models.mgp_today import centre_today


class MgpNgoExcludeWizard(models.TransientModel):
    _name = "mgp.ngo.exclude.wizard"
    _description = "Exclude NGO from the Registry"

    partner_ids = fields.Many2many("res.partner", string="Organisations")
    date = fields.Date(string="Excluded on", required=True, default=centre_today)
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.partner_ids._mgp_ngo_exclude(self.reason, self.date)
        return {"type": "ir.actions.act_window_close"}
