# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class MgpQuotaExemptionGround(models.Model):
    """A ground on which an employer has no quota for a period (bankruptcy,
    the ones a region lists), with its legal source."""

    _name = "mgp.quota.exemption.ground"
    _description = "Quota Exemption Ground"
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    state_id = fields.Many2one(
        "res.country.state", string="Region", help="Empty: every region."
    )
    legal_source = fields.Char(string="Legal source")
    document_required = fields.Boolean(
        string="Document required",
        default=True,
        help="The report claiming this ground must carry a document proving it.",
    )
    active = fields.Boolean(default=True)

    _code_uniq = models.Constraint(
        "UNIQUE(code, state_id)", "An exemption ground with this code already exists."
    )
