# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResCountryState(models.Model):
    _inherit = "res.country.state"

    mgp_ngo_registry_company_id = fields.Many2one(
        "res.company",
        string="Keeper of the NGO registry",
        help="Centre (or regional body) that keeps the NGO registry of this "
        "region: applications of organisations naming the region in the "
        "portal go to it.",
    )
