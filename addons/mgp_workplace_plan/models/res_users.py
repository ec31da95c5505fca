# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class ResUsers(models.Model):
    _inherit = "res.users"

    def _mgp_is_employer(self):
        """The representative of an organisation that is the employer of a
        workplace accompaniment plan (offered, agreed or closed)."""
        organisation = self._mgp_portal_organisation()
        if not organisation:
            return super()._mgp_is_employer()
        return bool(
            self.env["mgp.workplace.plan"]
            .sudo()  # existence only: the user may not read every plan
            .search_count([("employer_id", "=", organisation.id)], limit=1)
        )
