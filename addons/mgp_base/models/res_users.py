# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    mgp_a11y_mode = fields.Boolean(
        string="Version for the visually impaired",
        help="Large fonts and high contrast on the portal pages; remembered "
        "for the user and switched on the pages themselves.",
    )

    @property
    def SELF_READABLE_FIELDS(self):
        return super().SELF_READABLE_FIELDS + ["mgp_a11y_mode"]

    @property
    def SELF_WRITEABLE_FIELDS(self):
        return super().SELF_WRITEABLE_FIELDS + ["mgp_a11y_mode"]
