# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class MgpNgoContract(models.Model):
    """A contract that was in force is kept; it is archived with a reason
    (and then covers no new assignment)."""

    _name = "mgp.ngo.contract"
    _inherit = ["mgp.ngo.contract", "mgp.register.archive.mixin"]

    def _mgp_register_kept(self):
        return self.filtered(lambda c: c.state in ("active", "superseded"))

    def _mgp_covers(self, activities, date=None):
        return not self.mgp_archived and super()._mgp_covers(activities, date)


class ResPartner(models.Model):
    """An entry of the NGO registry is kept: the NGO is excluded with a
    reason, never deleted."""

    _name = "res.partner"
    _inherit = ["res.partner", "mgp.register.mixin"]

    def _mgp_register_kept(self):
        # the registry is public data of the centre, whoever deletes
        return self.filtered(
            lambda p: (
                p.sudo().mgp_ngo_state != "none" or p.sudo().mgp_ngo_registry_number
            )
        )

    def _mgp_register_cancel_hint(self):
        return self.env._("Exclude the organisation from the registry with a reason.")
