# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class MgpAccompanimentNeedWizard(models.TransientModel):
    _name = "mgp.accompaniment.need.wizard"
    _description = "Accompaniment Need Decision"

    accompaniment_id = fields.Many2one(
        "mgp.accompaniment", required=True, ondelete="cascade"
    )
    state = fields.Selection(related="accompaniment_id.state")
    mse_recommendation = fields.Selection(related="accompaniment_id.mse_recommendation")
    decision = fields.Selection(
        [("needed", "Needs accompaniment"), ("not_needed", "Does not need it")],
        required=True,
    )
    decision_date = fields.Date(required=True, default=fields.Date.context_today)

    def action_confirm(self):
        self.ensure_one()
        self.accompaniment_id.action_decide_need(
            self.decision == "needed", self.decision_date
        )
        return {"type": "ir.actions.act_window_close"}
