# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    mgp_head_name = fields.Char(
        string="Head of the centre",
        help="Initials and surname of the head who signs the orders of the "
        "centre (printed under the order appointing the accompanying "
        "employee); left empty, the form has a blank line.",
    )
    mgp_head_position = fields.Char(
        string="Head's position",
        help="Position of the head as printed on the orders, e.g. «Директор».",
    )
