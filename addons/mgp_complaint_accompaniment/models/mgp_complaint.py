# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class MgpComplaint(models.Model):
    _inherit = "mgp.complaint"

    @api.model
    def _mgp_complaint_target_domains(self, partner):
        """The citizen complains about his own service-1 cases."""
        domains = super()._mgp_complaint_target_domains(partner)
        domains["mgp.accompaniment"] = [("partner_id", "=", partner.id)]
        return domains
