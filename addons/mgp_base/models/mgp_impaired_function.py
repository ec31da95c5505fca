# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class MgpImpairedFunction(models.Model):
    """Kind of impaired body function (classification of Order 374n)."""

    _name = "mgp.impaired.function"
    _description = "Impaired Body Function"
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    name = fields.Char(required=True)
    active = fields.Boolean(default=True)
