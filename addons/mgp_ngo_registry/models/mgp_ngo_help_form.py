# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class MgpNgoHelpForm(models.Model):
    """A form in which an organisation provides its assistance (in person at
    its premises, remotely, at the workplace, at the person's home): one of
    the conditions of assistance an application states and the registry
    publishes."""

    _name = "mgp.ngo.help.form"
    _description = "NGO Form of Assistance"
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    name = fields.Char(required=True)
    code = fields.Char(required=True)
    active = fields.Boolean(default=True)
    impaired_function_ids = fields.Many2many(
        "mgp.impaired.function",
        "mgp_ngo_help_form_impaired_function_rel",
        "help_form_id",
        "function_id",
        string="Suited to impaired functions",
        help="Forms of assistance suited to a person whose IPRA names one of "
        "these impaired functions: an NGO offering none of them does not fit "
        "that person.",
    )

    _code_uniq = models.Constraint(
        "UNIQUE(code)", "A form of assistance with this code exists."
    )
