# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class MgpAccompaniment(models.Model):
    """A case past the need decision, with an order or a certificate, is a
    record of the register: it ends by termination with a reason."""

    _name = "mgp.accompaniment"
    _inherit = ["mgp.accompaniment", "mgp.register.mixin"]

    def _mgp_register_kept(self):
        # the decision and the documents are read whoever deletes
        return self.filtered(
            lambda case: (
                case.sudo().need != "pending"
                or case.state not in ("new", "mse")
                or case.order_number
                or case.certificate_number
            )
        )

    def _mgp_register_cancel_hint(self):
        return self.env._("Terminate the case with a reason instead.")
