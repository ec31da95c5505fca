# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class MgpAccompaniment(models.Model):
    """The order and the certificate print the person as he was named at
    their issue (``mgp.print.snapshot.mixin``)."""

    _name = "mgp.accompaniment"
    _inherit = ["mgp.accompaniment", "mgp.print.snapshot.mixin"]

    _mgp_snapshot_trigger_fields = ("order_state", "certificate_number")

    def _mgp_snapshot_issued(self):
        self.ensure_one()
        kinds = []
        if self.order_number and self.order_state == "approved":
            kinds.append("order")
        if self.certificate_number:
            kinds.append("certificate")
        return kinds

    def _mgp_snapshot_values(self, kind):
        self.ensure_one()
        return {"name": self.partner_id.name, "snils": self.partner_id.mgp_snils or ""}
