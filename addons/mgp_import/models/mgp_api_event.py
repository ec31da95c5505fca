# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class MgpApiEvent(models.Model):
    """The finished import of history, told to the receivers once (the
    imported cases write no event of their own)."""

    _inherit = "mgp.api.event"

    event_type = fields.Selection(
        selection_add=[("import.finished", "History imported")],
        ondelete={"import.finished": "cascade"},
    )
