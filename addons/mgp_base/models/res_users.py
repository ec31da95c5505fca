# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    mgp_a11y_mode = fields.Boolean(
        string="Version for the visually impaired",
        help="Large fonts and high contrast on the portal pages; remembered "
        "for the user and switched on the pages themselves.",
    )

    @property
    def SELF_READABLE_FIELDS(self):
        return super().SELF_READABLE_FIELDS + ["mgp_a11y_mode"]

    @property
    def SELF_WRITEABLE_FIELDS(self):
        return super().SELF_WRITEABLE_FIELDS + ["mgp_a11y_mode"]

    # ------------------------------------------------------------------
    # Portal roles: which cards and pages a portal user is offered
    # ------------------------------------------------------------------
    def _mgp_portal_organisation(self):
        """The organisation a portal user represents, or nothing."""
        self.ensure_one()
        organisation = self.partner_id.commercial_partner_id
        if self.share and organisation.is_company:
            return organisation
        return self.env["res.partner"]

    def _mgp_is_citizen(self):
        """A person served by the centre: a portal user with the person data
        of a disabled citizen (СНИЛС or disability group), not the
        representative of an organisation."""
        self.ensure_one()
        if not self.share or self._is_public() or self._mgp_portal_organisation():
            return False
        person = self.partner_id.sudo()  # the user's own record: its person data
        return bool(person.mgp_snils or person.mgp_disability_group)

    def _mgp_is_employer(self):
        """The representative of an employer (extended by the services)."""
        self.ensure_one()
        return False

    def _mgp_is_ngo_representative(self):
        """The representative of a non-governmental organisation (extended
        by the NGO registry)."""
        self.ensure_one()
        return False
