# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def _mgp_person_data_sources(self):
        # the staff of a programme record need the person's data
        return super()._mgp_person_data_sources() + [
            ("mgp.subsidy.employment", "partner_id"),
            ("mgp.business.aid", "partner_id"),
            ("mgp.training.referral", "partner_id"),
        ]
