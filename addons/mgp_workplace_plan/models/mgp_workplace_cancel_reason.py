# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class MgpWorkplaceCancelReason(models.Model):
    """Why a service-2 plan stops: a catalogue regional administrators
    extend. The codes ``declined``, ``no_response``,
    ``disability_not_confirmed`` and ``mse_not_needed`` are the ones the
    plan's own steps give."""

    _name = "mgp.workplace.cancel.reason"
    _inherit = "mgp.reason.mixin"
    _description = "Reason a Workplace Plan Stops"
    _mgp_reason_codes_used = (
        "declined",
        "no_response",
        "disability_not_confirmed",
        "mse_not_needed",
    )

    manual = fields.Boolean(
        string="Chosen by the specialist",
        default=True,
        help="Offered when the specialist stops the service; the other reasons "
        "are given by the plan's own steps (the employer's answer to the offer, "
        "the offer left unanswered).",
    )

    _code_uniq = models.Constraint(
        "UNIQUE(code)", "A cancellation reason with this code already exists."
    )
