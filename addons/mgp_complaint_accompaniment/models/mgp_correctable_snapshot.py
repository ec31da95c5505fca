# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class MgpAccompaniment(models.Model):
    """A correction corrects what the order or the certificate printed at
    issue, and the corrected document prints the corrected data."""

    _inherit = "mgp.accompaniment"

    def _mgp_correction_values(self, kind):
        printed = self._mgp_printed(kind)
        return {"name": printed.get("name"), "snils": printed.get("snils") or False}

    def _mgp_correction_apply(self, correction, kind, values, done_date):
        res = super()._mgp_correction_apply(correction, kind, values, done_date)
        self._mgp_snapshot_take([kind])
        return res
