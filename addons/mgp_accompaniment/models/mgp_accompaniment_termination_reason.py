# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class MgpAccompanimentTerminationReason(models.Model):
    """Why a service-1 case stops before its end: a catalogue regional
    administrators extend. The codes ``no_need`` and ``mse_refusal`` are the
    ones the need decision itself gives."""

    _name = "mgp.accompaniment.termination.reason"
    _inherit = "mgp.reason.mixin"
    _description = "Termination Reason of the Accompaniment"
    _mgp_reason_codes_used = ("no_need", "mse_refusal")

    no_need = fields.Boolean(
        string="Means «no need»",
        help="The citizen is told that he does not need the accompaniment "
        "(seed 000:141): the case ends with the no-need notice, and an import "
        "of the history records a negative need decision.",
    )

    _code_uniq = models.Constraint(
        "UNIQUE(code)", "A termination reason with this code already exists."
    )
