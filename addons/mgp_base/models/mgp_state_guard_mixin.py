# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models
from odoo.exceptions import UserError

TRANSITION_CONTEXT = "mgp_state_transition"


class MgpStateGuardMixin(models.AbstractModel):
    """A status that changes only through the record's actions.

    The public ``action_*`` methods check the current state and the user's
    group, then call :meth:`_mgp_write_state`; a plain ``write`` (form, RPC,
    import) or a ``create`` in another status than the initial one is
    refused, except to administrators. Configure with ``_mgp_state_field``
    and ``_mgp_state_initial``; override :meth:`_mgp_state_write_message`.
    """

    _name = "mgp.state.guard.mixin"
    _description = "Status Changed Only by Actions"

    _mgp_state_field = "state"
    _mgp_state_initial = "draft"

    def _mgp_state_write_message(self):
        return self.env._("The status changes only through the record's actions.")

    def _mgp_check_state_write(self):
        if self.env.is_admin() or self.env.context.get(TRANSITION_CONTEXT):
            return
        # a user who may not write at all gets the access error first
        self.check_access("write")
        raise UserError(self._mgp_state_write_message())

    @api.model_create_multi
    def create(self, vals_list):
        field, initial = self._mgp_state_field, self._mgp_state_initial
        if any(vals.get(field, initial) != initial for vals in vals_list):
            self.browse()._mgp_check_state_write()
        return super().create(vals_list)

    def write(self, vals):
        if self._mgp_state_field in vals:
            self._mgp_check_state_write()
        return super().write(vals)

    def _mgp_write_state(self, vals):
        """Write a status change of an action, after the action's checks."""
        return self.with_context(**{TRANSITION_CONTEXT: True}).write(vals)
