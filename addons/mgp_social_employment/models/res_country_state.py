# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.mgp_base.models.mgp_today import centre_today

# Social employment is for disabled persons of working age (003:41); the
# bounds are a regional setting, these are the defaults.
DEFAULT_AGE_MIN = 18
DEFAULT_AGE_MAX = 65


class ResCountryState(models.Model):
    _inherit = "res.country.state"

    mgp_socemp_age_min = fields.Integer(
        string="Working age from",
        default=DEFAULT_AGE_MIN,
        help="Social employment is for disabled persons of working age: the "
        "youngest age (in full years) of a person the register accepts.",
    )
    mgp_socemp_age_max = fields.Integer(
        string="Working age up to",
        default=DEFAULT_AGE_MAX,
        help="The oldest age (in full years, inclusive) of a person the "
        "register accepts.",
    )
    mgp_socemp_age_bound_ids = fields.One2many(
        "mgp.socemp.age.bound",
        "state_id",
        string="Working age from a date",
        help="Bounds in force from a date on; without one in force on the "
        "date checked, the bounds above apply.",
    )
    mgp_socemp_share_centres = fields.Boolean(
        string="Share the register with employment centres",
        help="The employment centres of the region read the social "
        "employment register (they are not participants of the exchange).",
    )

    @api.constrains("mgp_socemp_age_min", "mgp_socemp_age_max")
    def _check_mgp_socemp_ages(self):
        for state in self:
            if not 0 <= state.mgp_socemp_age_min <= state.mgp_socemp_age_max:
                raise ValidationError(
                    self.env._("The working age bounds of %s are invalid.", state.name)
                )

    def _mgp_socemp_age_bounds(self, on_date=None):
        """(youngest, oldest) working age of the region on ``on_date``: the
        bounds in force from the latest date not after it, else the
        region's standing bounds, else the defaults."""
        if not self:
            return DEFAULT_AGE_MIN, DEFAULT_AGE_MAX
        self.ensure_one()
        on_date = on_date or centre_today(self)
        bound = self.env["mgp.socemp.age.bound"].search(
            [("state_id", "=", self.id), ("date_from", "<=", on_date)],
            order="date_from desc, id desc",
            limit=1,
        )
        if bound:
            return bound.age_min, bound.age_max
        return self.mgp_socemp_age_min, self.mgp_socemp_age_max
