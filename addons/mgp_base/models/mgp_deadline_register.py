# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class MgpDeadline(models.Model):
    """Deadlines are counted (indicator I2): the register keeps them; a
    deadline is cancelled by its case's action, never deleted."""

    _name = "mgp.deadline"
    _inherit = ["mgp.deadline", "mgp.register.mixin"]

    def _mgp_register_cancel_hint(self):
        return self.env._(
            "A deadline ends with its case: it is closed or cancelled by the "
            "case's actions."
        )
