# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class MgpWorkplacePlan(models.Model):
    """A sent plan prints the worker as he was named when it was sent
    (``mgp.print.snapshot.mixin``)."""

    _name = "mgp.workplace.plan"
    _inherit = ["mgp.workplace.plan", "mgp.print.snapshot.mixin"]

    _mgp_snapshot_trigger_fields = ("state",)

    def _mgp_snapshot_issued(self):
        self.ensure_one()
        return ["plan"] if self.send_date else []

    def _mgp_snapshot_values(self, kind):
        self.ensure_one()
        return {
            "name": self.partner_id.name or self.worker_name or "",
            "position": self.worker_position or "",
        }
