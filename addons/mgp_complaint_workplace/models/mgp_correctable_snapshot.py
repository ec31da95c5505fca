# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class MgpWorkplacePlan(models.Model):
    """A correction corrects what the sent plan printed, and the corrected
    plan prints the corrected data."""

    _inherit = "mgp.workplace.plan"

    def _mgp_correction_values(self, kind):
        printed = self._mgp_printed(kind)
        return {"name": printed.get("name"), "position": printed.get("position")}

    def _mgp_correction_apply(self, correction, kind, values, done_date):
        res = super()._mgp_correction_apply(correction, kind, values, done_date)
        self._mgp_snapshot_take([kind])
        return res
