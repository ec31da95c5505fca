# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class ResUsers(models.Model):
    _inherit = "res.users"

    def _mgp_is_employer(self):
        """Also the representative of an organisation with a subsidy
        application."""
        organisation = self._mgp_portal_organisation()
        if organisation and (
            self.env["mgp.subsidy.application"]
            .sudo()  # existence only: the user may not read every application
            .search_count([("employer_id", "=", organisation.id)], limit=1)
        ):
            return True
        return super()._mgp_is_employer()

    def _mgp_may_apply_for_subsidy(self):
        """The representative of an organisation that is not an NGO of the
        registry may apply for a subsidy for equipping workplaces."""
        self.ensure_one()
        return bool(self._mgp_portal_organisation()) and not self._mgp_ngo_partner()
