# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class MgpDeadline(models.Model):
    """The day a procedure was cancelled: indicator I2 counts a procedure
    cancelled after its due date had passed as a violation."""

    _inherit = "mgp.deadline"

    date_cancelled = fields.Date(string="Cancelled on", readonly=True, copy=False)

    def _cancel(self):
        deadlines = super()._cancel()
        if deadlines:
            # engine bookkeeping, like the cancellation itself
            deadlines.sudo().write({"date_cancelled": fields.Date.context_today(self)})
        return deadlines
