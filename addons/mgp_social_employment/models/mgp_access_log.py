# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class MgpAccessLog(models.Model):
    _inherit = "mgp.access.log"

    # 003:103: a person's document sent to or received from a participant of
    # the exchange is a transfer of his data, recorded like a read
    operation = fields.Selection(
        selection_add=[("exchange", "Document exchanged with a participant")],
        ondelete={"exchange": "cascade"},
    )
