# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class MgpConsentHolderMixin(models.AbstractModel):
    """The person who gives consents (``mgp.consent``)."""

    _name = "mgp.consent.holder.mixin"
    _description = "Person Giving Consents"

    mgp_consent_ids = fields.One2many(
        "mgp.consent",
        "partner_id",
        string="Consents to the processing of health data",
        groups="mgp_base.group_specialist",
    )

    def _mgp_consents_valid(self, ngo_transfer=False, ngo=None):
        """The consents of the person in force now (given, not withdrawn),
        covering the transfer to ``ngo`` when ``ngo_transfer``."""
        self.ensure_one()
        # a consent is read to decide what may go where, whoever acts
        consents = self.sudo().mgp_consent_ids.filtered(lambda c: c.state == "given")
        if ngo_transfer:
            consents = consents.filtered(
                lambda c: c.scope_ngo_transfer and (not c.ngo_id or c.ngo_id == ngo)
            )
        return consents


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "mgp.consent.holder.mixin"]
