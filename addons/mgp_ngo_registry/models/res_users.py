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

    def _mgp_is_ngo_representative(self):
        """An organisation known to the NGO registry, or one that may apply
        to it: any organisation that is not only an employer, and an account
        of nobody served by the centre (it files the application of its new
        organisation)."""
        self.ensure_one()
        if not self.share or self._is_public():
            return False
        if self._mgp_portal_organisation():
            return bool(self._mgp_ngo_partner()) or not self._mgp_is_employer()
        return not self._mgp_is_citizen()
