# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class MgpNgoAccessibility(models.Model):
    """A feature that makes an organisation's premises accessible (a ramp or
    a lift, tactile guidance, an induction loop…), with the impaired body
    functions of the persons who need it: the NGO is chosen «по … порядку и
    условиям оказания» (seed 000), the ranking matches these features
    against the person's ИПРА."""

    _name = "mgp.ngo.accessibility"
    _description = "Accessibility Feature of NGO Premises"
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    name = fields.Char(required=True)
    code = fields.Char(required=True)
    active = fields.Boolean(default=True)
    impaired_function_ids = fields.Many2many(
        "mgp.impaired.function",
        "mgp_ngo_accessibility_impaired_function_rel",
        "accessibility_id",
        "function_id",
        string="Needed for impaired functions",
        help="A person whose IPRA names one of these impaired functions needs "
        "this feature at the premises of the NGO.",
    )

    _code_uniq = models.Constraint(
        "UNIQUE(code)", "An accessibility feature with this code exists."
    )
