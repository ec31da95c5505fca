# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from odoo.addons.mgp_base.models.mgp_today import centre_today

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
    decision_date = fields.Date(required=True, default=centre_today)
    by_analogy = fields.Boolean(
        string="By analogy with a service provided earlier",
        help="Decide as in an earlier, closed case of the same person.",
    )
    partner_id = fields.Many2one(related="accompaniment_id.partner_id")
    analogy_case_id = fields.Many2one(
        "mgp.accompaniment",
        string="Earlier case",
        domain="[('partner_id', '=', partner_id), "
        "('id', '!=', accompaniment_id), "
        "('state', 'in', ('employed', 'expired', 'terminated')), "
        "('need', 'in', ('needed', 'not_needed'))]",
    )

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

    @api.onchange("analogy_case_id")
    def _onchange_analogy_case_id(self):
        if self.analogy_case_id:
            self.decision = self.analogy_case_id.need

    def action_confirm(self):
        self.ensure_one()
        if self.by_analogy:
            self.accompaniment_id.action_decide_need_by_analogy(
                self.analogy_case_id, self.decision_date
            )
            return {"type": "ir.actions.act_window_close"}
        self.accompaniment_id.action_decide_need(
            self.decision == "needed", self.decision_date
        )
        return {"type": "ir.actions.act_window_close"}
