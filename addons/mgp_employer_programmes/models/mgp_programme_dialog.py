# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class MgpProgrammeDialogMixin(models.AbstractModel):
    """One button method opens the dialog of any action that needs input;
    the context only names the dialog, the action checks everything."""

    _name = "mgp.programme.dialog.mixin"
    _description = "Record with Action Dialogs"

    def action_mgp_dialog(self):
        self.ensure_one()
        return self.env["mgp.programme.action.wizard"]._mgp_open(
            self, self.env.context.get("mgp_dialog")
        )


def without_defaults(model):
    """``model`` in a context without any ``default_<field>`` key: the
    records an action creates take their values from the action only, never
    from what a client put in the context."""
    context = model.env.context
    if not any(key.startswith("default_") for key in context):
        return model
    clean = {
        key: value for key, value in context.items() if not key.startswith("default_")
    }
    return model.with_env(model.env(context=clean))
