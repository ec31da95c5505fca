# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class MgpNgoApplicationRejectWizard(models.TransientModel):
    _name = "mgp.ngo.application.reject.wizard"
    _description = "Reject NGO Application"

    application_ids = fields.Many2many("mgp.ngo.application", string="Applications")
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.application_ids.action_reject(self.reason)
        return {"type": "ir.actions.act_window_close"}
