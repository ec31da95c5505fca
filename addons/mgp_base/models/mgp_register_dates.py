# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
# pylint: disable=consider-merging-classes-inherited
from odoo import models
from odoo.exceptions import ValidationError

from .mgp_register_mixin import MIN_REGISTER_DATE


class MgpCaseMixin(models.AbstractModel):
    """Action dates of the registers are neither in the future (the engine's
    check) nor before the registers exist (issue 18 §6: 1900 accepted)."""

    _inherit = "mgp.case.mixin"

    def _mgp_check_action_date(self, action_date, after=(), label=None):
        action_date = super()._mgp_check_action_date(action_date, after, label)
        if action_date < MIN_REGISTER_DATE:
            raise ValidationError(
                self.env._(
                    "%(label)s (%(date)s) cannot precede %(earliest)s.",
                    label=label or self.env._("The date"),
                    date=action_date.strftime("%d.%m.%Y"),
                    earliest=MIN_REGISTER_DATE.strftime("%d.%m.%Y"),
                )
            )
        return action_date
