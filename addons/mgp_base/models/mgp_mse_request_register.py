# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class MgpMseRequest(models.Model):
    """A request sent to another body is a record of the register: kept,
    cancelled while it waits, archived with a reason once answered."""

    _name = "mgp.mse.request"
    _inherit = ["mgp.mse.request", "mgp.register.archive.mixin"]

    def _mgp_register_kept(self):
        return self.filtered(lambda r: r.state in ("sent", "answered", "impossible"))
