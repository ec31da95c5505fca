# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError


class MgpSocempEndReason(models.Model):
    """Why a record of the register ends: a catalogue administrators extend.
    The codes ``withdrawn`` and ``contraindication`` are the ones the
    actions themselves use."""

    _name = "mgp.socemp.end.reason"
    _description = "Reason a Social Employment Record Ends"
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    code = fields.Char(required=True, index=True)
    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)

    _code_uniq = models.Constraint(
        "UNIQUE(code)", "An ending reason with this code already exists."
    )

    @api.model
    def _mgp_get(self, reason):
        """The reason given as a record, an id or a code."""
        if isinstance(reason, models.BaseModel):
            found = reason.exists()
        elif isinstance(reason, int):
            found = self.browse(reason).exists()
        else:
            found = self.with_context(active_test=False).search(
                [("code", "=", reason or "")], limit=1
            )
        if len(found) != 1:
            raise UserError(self.env._("Choose the reason the record ends."))
        return found
