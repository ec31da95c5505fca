# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError


class MgpPrintBatchWizard(models.TransientModel):
    """Print the selected records' forms in the background."""

    _name = "mgp.print.batch.wizard"
    _description = "Print in the Background"

    res_model = fields.Char(required=True, readonly=True)
    res_ids = fields.Json(required=True, readonly=True)
    record_count = fields.Integer(string="Forms", compute="_compute_record_count")
    report_id = fields.Many2one(
        "ir.actions.report",
        string="Form",
        required=True,
        domain="[('model', '=', res_model), ('report_name', '=like', 'mgp_%')]",
    )
    priority = fields.Selection(
        [("10", "Urgent"), ("20", "Normal"), ("30", "Low")],
        default="20",
        required=True,
        help="Urgent batches are printed before the others of the queue.",
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        model = self.env.context.get("active_model")
        ids = self.env.context.get("active_ids") or []
        if model and model in self.env and ids:
            values.setdefault("res_model", model)
            values.setdefault("res_ids", [int(i) for i in ids])
            report = self.env["ir.actions.report"].search(
                [("model", "=", model), ("report_name", "=like", "mgp_%")], limit=1
            )
            if report and "report_id" in fields_list:
                values.setdefault("report_id", report.id)
        return values

    @api.depends("res_ids")
    def _compute_record_count(self):
        for wizard in self:
            wizard.record_count = len(wizard.res_ids or [])

    def action_enqueue(self):
        self.ensure_one()
        if self.res_model not in self.env:
            raise UserError(self.env._("Select the records to print."))
        records = self.env[self.res_model].browse(self.res_ids or []).exists()
        batch = self.env["mgp.print.batch"]._mgp_enqueue(
            self.report_id, records, priority=int(self.priority)
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "mgp.print.batch",
            "res_id": batch.id,
            "view_mode": "form",
            "target": "current",
        }
