# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from odoo.addons.mgp_base.models.mgp_today import centre_today


class MgpAccompanimentOrderWizard(models.TransientModel):
    _name = "mgp.accompaniment.order.wizard"
    _description = "Approve Accompaniment Order"

    accompaniment_id = fields.Many2one(
        "mgp.accompaniment", required=True, ondelete="cascade"
    )
    order_number = fields.Char(related="accompaniment_id.order_number")
    responsible_user_id = fields.Many2one(
        related="accompaniment_id.responsible_user_id"
    )
    order_date = fields.Date(
        string="Order signed on", required=True, default=centre_today
    )

    def action_confirm(self):
        self.ensure_one()
        self.accompaniment_id.action_approve_order(self.order_date)
        return {"type": "ir.actions.act_window_close"}
