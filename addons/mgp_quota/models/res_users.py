# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class ResUsers(models.Model):
    _inherit = "res.users"

    def _mgp_is_employer(self):
        """Also the representative of an employer that keeps its quota at a
        centre or has quota reports."""
        if super()._mgp_is_employer():
            return True
        organisation = self._mgp_portal_organisation()
        if not organisation:
            return False
        # existence only: the user may not read the centre's fields
        organisation = organisation.sudo()
        return bool(
            organisation.mgp_quota_company_id or organisation.mgp_quota_report_ids
        )
