# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class MgpQuotaCondition(models.Model):
    """A working condition shown to a disabled worker by his ИПРА.

    Seed 004:131 «ГОСТ Р 53873-2010 ... включает в себя деятельность,
    обеспечивающую показанные инвалиду условия и режим труда в соответствии с
    ИПРИ» — 004:132–139 list them; administrators edit the catalogue.
    """

    _name = "mgp.quota.condition"
    _description = "Working Condition of a Disabled Worker"
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    legal_source = fields.Char(string="Legal source")
    active = fields.Boolean(default=True)
