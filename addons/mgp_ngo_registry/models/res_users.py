# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class ResUsers(models.Model):
    _inherit = "res.users"

    def _mgp_ngo_partner(self):
        """The NGO this user represents (any registry status), or nothing.

        An NGO representative is a user whose commercial partner is an
        organisation known to the registry (included, excluded, or with an
        application).
        """
        self.ensure_one()
        organisation = self.partner_id.commercial_partner_id
        if organisation.is_company and organisation.mgp_ngo_state != "none":
            return organisation
        return self.env["res.partner"]
