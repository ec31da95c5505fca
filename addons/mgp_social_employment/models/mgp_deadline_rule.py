# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class MgpDeadlineRule(models.Model):
    _inherit = "mgp.deadline.rule"

    service = fields.Selection(
        selection_add=[("socemp", "Social employment")],
        ondelete={"socemp": "set default"},
    )
