# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class MgpWorkplacePlan(models.Model):
    """A sent plan (and the versions it replaced) is a record of the
    register: it ends by cancellation with a reason."""

    _name = "mgp.workplace.plan"
    _inherit = ["mgp.workplace.plan", "mgp.register.mixin"]

    def _mgp_register_kept(self):
        return self.filtered(
            lambda plan: plan.send_date or plan.state in ("sent", "revised")
        )

    def _mgp_register_cancel_hint(self):
        return self.env._("Cancel the plan with a reason instead.")
