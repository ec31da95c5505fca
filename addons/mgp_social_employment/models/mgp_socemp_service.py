# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class MgpSocempService(models.Model):
    """«Структура услуг по социальной занятости инвалидов»: the ministry
    defines it (003:72) with the authorised organisations (003:95); the
    catalogue is data administrators edit."""

    _name = "mgp.socemp.service"
    _description = "Social Employment Service"
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    code = fields.Char(index=True)
    name = fields.Char(required=True, translate=True)
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    _code_uniq = models.Constraint(
        "UNIQUE(code)", "A social employment service with this code already exists."
    )
