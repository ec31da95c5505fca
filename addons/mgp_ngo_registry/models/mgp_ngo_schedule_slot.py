# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

DAY_TYPES = [
    ("workday", "Working days"),
    ("saturday", "Saturday"),
    ("sunday", "Sunday"),
]


class MgpNgoScheduleSlot(models.Model):
    """A period of the week in which assistance is given (working days in the
    morning, in the evening, Saturday…): the NGO declares those it serves,
    the case those in which the person can receive assistance, and the
    ranking matches them — the NGO is chosen «по видам услуг, порядку и
    условиям оказания» (seed 000)."""

    _name = "mgp.ngo.schedule.slot"
    _description = "Period of Assistance"
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    name = fields.Char(required=True)
    code = fields.Char(required=True)
    active = fields.Boolean(default=True)
    day_type = fields.Selection(DAY_TYPES, string="Days", required=True)
    hour_from = fields.Float(string="From", help="Hour the period starts.")
    hour_to = fields.Float(string="To", help="Hour the period ends.")

    _code_uniq = models.Constraint(
        "UNIQUE(code)", "A period of assistance with this code exists."
    )

    @api.constrains("hour_from", "hour_to")
    def _check_hours(self):
        for slot in self:
            if not 0 <= slot.hour_from < slot.hour_to <= 24:
                raise ValidationError(
                    self.env._(
                        "The period %s must start before it ends, within the day.",
                        slot.name,
                    )
                )
