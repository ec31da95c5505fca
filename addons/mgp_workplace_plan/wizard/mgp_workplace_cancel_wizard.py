# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class MgpWorkplaceCancelWizard(models.TransientModel):
    _name = "mgp.workplace.cancel.wizard"
    _description = "Stop a Workplace Plan"

    plan_id = fields.Many2one("mgp.workplace.plan", required=True)
    reason_id = fields.Many2one(
        "mgp.workplace.cancel.reason", required=True, domain=[("manual", "=", True)]
    )
    note = fields.Text(string="Details")

    def action_confirm(self):
        self.ensure_one()
        self.plan_id.action_cancel(self.reason_id, self.note)
        return {"type": "ir.actions.act_window_close"}
