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
        if not organisation.is_company:
            return self.env["res.partner"]
        if organisation.mgp_ngo_state != "none":
            return organisation
        has_application = (
            self.env["mgp.ngo.application"]
            .sudo()  # existence only: the user may not read every application
            .search_count([("partner_id", "=", organisation.id)], limit=1)
        )
        return organisation if has_application else self.env["res.partner"]
