# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models
from odoo.exceptions import UserError, ValidationError

# what may still change on a sent plan or a replaced version (the
# attachment shown first, the portal link, the responsible specialist)
KEPT_EDITABLE = {"message_main_attachment_id", "access_token", "user_id"}


class MgpWorkplacePlan(models.Model):
    """A sent plan (and the versions it replaced) is a record of the
    register: it ends by cancellation with a reason."""

    _name = "mgp.workplace.plan"
    _inherit = ["mgp.workplace.plan", "mgp.register.mixin"]

    def _mgp_register_kept(self):
        return self.filtered(
            lambda plan: plan.send_date or plan.state in ("sent", "revised")
        )

    def write(self, vals):
        """A sent plan or a replaced version is frozen: it is corrected
        through a new version (or a correction of the register), never by
        a plain write."""
        frozen = self.filtered(lambda p: p.state in ("sent", "revised"))
        if frozen and set(vals) - KEPT_EDITABLE and not self._mgp_is_granted():
            raise UserError(
                self.env._(
                    "A sent plan or a replaced version cannot be changed: "
                    "correct the plan through a new version."
                )
            )
        return super().write(vals)

    def _mgp_register_cancel_hint(self):
        return self.env._("Cancel the plan with a reason instead.")

    @api.constrains("employer_id")
    def _check_employer_is_organisation(self):
        """The employer of a plan is an organisation, never a citizen
        (issue 18 §6)."""
        for plan in self.filtered("employer_id"):
            if not plan.employer_id.commercial_partner_id.is_company:
                raise ValidationError(
                    self.env._(
                        "The employer must be an organisation, not a person: "
                        "%s is a person.",
                        plan.employer_id.name,
                    )
                )
