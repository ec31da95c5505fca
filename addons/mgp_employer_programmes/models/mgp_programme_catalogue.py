# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class MgpProgrammeCatalogueMixin(models.AbstractModel):
    """An entry of a catalogue of the programmes that administrators edit
    (kinds of costs, services, purposes, conditions, documents)."""

    _name = "mgp.programme.catalogue.mixin"
    _description = "Programme Catalogue Entry"
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    name = fields.Char(required=True)
    active = fields.Boolean(default=True)
