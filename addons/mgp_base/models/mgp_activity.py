# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class MgpActivity(models.Model):
    """Item of a catalogue of recommended accompaniment activities."""

    _name = "mgp.activity"
    _description = "Accompaniment Activity"
    _order = "service, sequence, id"

    service = fields.Selection(
        [
            ("employment", "Accompaniment at employment"),
            ("workplace", "Accompaniment at the workplace"),
        ],
        required=True,
        default="employment",
        index=True,
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True)
    content = fields.Text()
    recommended_term = fields.Char()
    active = fields.Boolean(default=True)
