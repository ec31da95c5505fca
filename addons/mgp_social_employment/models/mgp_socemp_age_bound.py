# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class MgpSocempAgeBound(models.Model):
    """The working age of a region from a date on (003:41: social employment
    is for disabled persons of working age). The bounds change with the law
    (the retirement age rises year by year): each change is a new row from
    its date, the older rows stay for the records checked under them."""

    _name = "mgp.socemp.age.bound"
    _description = "Working Age of Social Employment from a Date"
    _order = "state_id, date_from desc, id desc"

    state_id = fields.Many2one(
        "res.country.state",
        string="Region",
        required=True,
        index=True,
        ondelete="cascade",
    )
    date_from = fields.Date(string="In force from", required=True)
    age_min = fields.Integer(string="Working age from", required=True)
    age_max = fields.Integer(string="Working age up to", required=True)
    note = fields.Char(string="Legal basis")

    _state_date_unique = models.Constraint(
        "UNIQUE(state_id, date_from)",
        "The region already has working age bounds from this date.",
    )

    @api.constrains("age_min", "age_max")
    def _check_ages(self):
        for bound in self:
            if not 0 <= bound.age_min <= bound.age_max:
                raise ValidationError(
                    self.env._(
                        "The working age bounds of %s are invalid.",
                        bound.state_id.name,
                    )
                )
