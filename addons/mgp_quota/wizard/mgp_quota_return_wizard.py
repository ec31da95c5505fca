# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class MgpQuotaReturnWizard(models.TransientModel):
    _name = "mgp.quota.return.wizard"
    _description = "Return a Quota Report to the Employer"

    report_id = fields.Many2one("mgp.quota.report", required=True)
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.report_id.action_return(self.reason)
        return {"type": "ir.actions.act_window_close"}
