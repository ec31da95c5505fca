# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from .mgp_accompaniment import NGO_ANSWERS


class MgpAccompanimentNgoAnswer(models.Model):
    """The answer of an NGO of the registry to the centre's proposal to
    conclude (amend, supplement) the contract for a case: its consent, or
    its refusal with the reason — one of the seed's grounds for appointing
    a centre employee. Recorded only by the case's actions."""

    _name = "mgp.accompaniment.ngo.answer"
    _description = "Answer of an NGO to the Contract Proposal"
    _inherit = ["mgp.protected.mixin"]
    _order = "date desc, id desc"
    _mgp_protected_fields = (
        "accompaniment_id",
        "partner_id",
        "answer",
        "date",
        "reason",
        "user_id",
    )

    accompaniment_id = fields.Many2one(
        "mgp.accompaniment",
        string="Case",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    company_id = fields.Many2one(
        related="accompaniment_id.company_id", store=True, index=True
    )
    partner_id = fields.Many2one(
        "res.partner", string="NGO", required=True, index=True, readonly=True
    )
    answer = fields.Selection(NGO_ANSWERS, required=True, readonly=True)
    date = fields.Date(string="Answer date", required=True, readonly=True)
    reason = fields.Text(string="Reason for refusal", readonly=True)
    user_id = fields.Many2one("res.users", string="Recorded by", readonly=True)
