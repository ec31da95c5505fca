# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from ..models.mgp_accompaniment import MSE_RECOMMENDATIONS


class MgpAccompanimentNeedWizard(models.TransientModel):
    _name = "mgp.accompaniment.need.wizard"
    _description = "Accompaniment Need Decision"

    accompaniment_id = fields.Many2one(
        "mgp.accompaniment", required=True, ondelete="cascade"
    )
    state = fields.Selection(related="accompaniment_id.state")
    mse_recommendation = fields.Selection(
        MSE_RECOMMENDATIONS,
        string="MSE recommendation",
        compute="_compute_mse_recommendation",
    )
    decision = fields.Selection(
        [("needed", "Needs accompaniment"), ("not_needed", "Does not need it")],
        required=True,
        default=lambda self: self._default_decision(),
    )
    decision_date = fields.Date(required=True, default=fields.Date.context_today)

    @api.depends("accompaniment_id")
    def _compute_mse_recommendation(self):
        for wizard in self:
            wizard.mse_recommendation = wizard.accompaniment_id.mse_recommendation

    @api.model
    def _default_decision(self):
        """After the MSE answer the decision follows the recommendation."""
        case = self.env["mgp.accompaniment"].browse(
            self.env.context.get("default_accompaniment_id")
        )
        return case.mse_recommendation or False

    def action_confirm(self):
        self.ensure_one()
        self.accompaniment_id.action_decide_need(
            self.decision == "needed", self.decision_date
        )
        return {"type": "ir.actions.act_window_close"}
