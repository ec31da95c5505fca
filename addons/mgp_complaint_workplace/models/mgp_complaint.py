# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class MgpComplaint(models.Model):
    _inherit = "mgp.complaint"

    @api.model
    def _mgp_complaint_target_domains(self, partner):
        """The employer complains about its plans, the worker about the
        plans sent about him."""
        domains = super()._mgp_complaint_target_domains(partner)
        domains["mgp.workplace.plan"] = [
            "|",
            ("employer_id", "=", partner.commercial_partner_id.id),
            ("partner_id", "=", partner.id),
            ("state", "!=", "revised"),
        ]
        return domains
