# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from ..models.mgp_workplace_plan import CANCEL_REASONS


class MgpWorkplaceCancelWizard(models.TransientModel):
    _name = "mgp.workplace.cancel.wizard"
    _description = "Stop a Workplace Plan"

    plan_id = fields.Many2one("mgp.workplace.plan", required=True)
    reason = fields.Selection(
        [
            r
            for r in CANCEL_REASONS
            if r[0] not in ("no_response", "declined", "mse_not_needed")
        ],
        required=True,
    )
    note = fields.Text(string="Details")

    def action_confirm(self):
        self.ensure_one()
        self.plan_id.action_cancel(self.reason, self.note)
        return {"type": "ir.actions.act_window_close"}
