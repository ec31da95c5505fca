# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from odoo.addons.mgp_base.models.mgp_today import centre_today


class MgpAccompanimentEmployWizard(models.TransientModel):
    _name = "mgp.accompaniment.employ.wizard"
    _description = "Record Employment"

    accompaniment_id = fields.Many2one(
        "mgp.accompaniment", required=True, ondelete="cascade"
    )
    employment_date = fields.Date(required=True, default=centre_today)
    employer_id = fields.Many2one(
        "res.partner",
        required=True,
        domain="[('is_company', '=', True)]",
    )

    def action_confirm(self):
        self.ensure_one()
        self.accompaniment_id.action_mark_employed(
            self.employment_date, self.employer_id
        )
        return {"type": "ir.actions.act_window_close"}
