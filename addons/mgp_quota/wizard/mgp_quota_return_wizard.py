# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.exceptions import UserError


class MgpQuotaReturnWizard(models.TransientModel):
    """Return a quota report, or a report of local acts, with the reason."""

    _name = "mgp.quota.return.wizard"
    _description = "Return a Quota Report to the Employer"

    report_id = fields.Many2one("mgp.quota.report")
    local_act_report_id = fields.Many2one("mgp.quota.local.act.report")
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        report = self.report_id or self.local_act_report_id
        if not report:
            raise UserError(self.env._("Choose the report to return."))
        report.action_return(self.reason)
        return {"type": "ir.actions.act_window_close"}
