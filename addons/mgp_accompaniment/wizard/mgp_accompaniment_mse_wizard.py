# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from odoo.addons.mgp_base.models.mgp_today import centre_today


class MgpAccompanimentMseWizard(models.TransientModel):
    _name = "mgp.accompaniment.mse.wizard"
    _description = "Accompaniment MSE Request"

    accompaniment_id = fields.Many2one(
        "mgp.accompaniment", required=True, ondelete="cascade"
    )
    disability_info_date = fields.Date(
        string="Disability information received",
        required=True,
        default=lambda self: self._default_disability_info_date(),
    )
    request_date = fields.Date(
        string="Decided to ask the bureau on",
        required=True,
        default=centre_today,
    )

    @api.model
    def _default_disability_info_date(self):
        case = self.env["mgp.accompaniment"].browse(
            self.env.context.get("default_accompaniment_id")
        )
        return case.disability_info_date or case.plan_agreed_date or False

    def action_confirm(self):
        self.ensure_one()
        case = self.accompaniment_id
        case.disability_info_date = self.disability_info_date
        return case.action_request_mse(request_date=self.request_date)
