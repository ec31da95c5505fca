# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class ResUsers(models.Model):
    _inherit = "res.users"

    def _mgp_socemp_organisation(self):
        """The authorised organisation a portal user represents (its contact
        is the user's organisation), or nothing."""
        self.ensure_one()
        organisation = self._mgp_portal_organisation()
        if not organisation:
            return self.env["mgp.socemp.participant"]
        return (
            self.env["mgp.socemp.participant"]
            .sudo()  # whom the user represents: the portal reads no directory
            .search(
                [("kind", "=", "organisation"), ("partner_id", "=", organisation.id)],
                limit=1,
            )
        )
