# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from odoo.addons.mgp_base.models.mgp_today import centre_today


class MgpAccompanimentTerminateWizard(models.TransientModel):
    _name = "mgp.accompaniment.terminate.wizard"
    _description = "Terminate Accompaniment"

    accompaniment_id = fields.Many2one(
        "mgp.accompaniment", required=True, ondelete="cascade"
    )
    reason_id = fields.Many2one("mgp.accompaniment.termination.reason", required=True)
    note = fields.Text()
    termination_date = fields.Date(required=True, default=centre_today)

    def action_confirm(self):
        self.ensure_one()
        self.accompaniment_id.action_terminate(
            self.reason_id, self.note, termination_date=self.termination_date
        )
        return {"type": "ir.actions.act_window_close"}
