# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from odoo.addons.mgp_base.models.mgp_today import centre_today


class MgpDeadline(models.Model):
    """The day a procedure was cancelled: indicator I2 counts a procedure
    cancelled after its due date had passed as a violation."""

    _inherit = "mgp.deadline"

    # engine bookkeeping like the state it dates: no client sets it
    _mgp_protected_fields = ("date_cancelled",)

    date_cancelled = fields.Date(string="Cancelled on", readonly=True, copy=False)

    def _cancel(self):
        deadlines = super()._cancel()
        if deadlines:
            # engine bookkeeping, like the cancellation itself
            deadlines.sudo().write({"date_cancelled": centre_today(self)})
        return deadlines
