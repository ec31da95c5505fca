# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models
from odoo.exceptions import ValidationError

from odoo.addons.mgp_base.models.mgp_register_mixin import check_date_range


class MgpAccompaniment(models.Model):
    """A case past the need decision, with an order or a certificate, is a
    record of the register: it ends by termination with a reason."""

    _name = "mgp.accompaniment"
    _inherit = ["mgp.accompaniment", "mgp.register.mixin"]

    def _mgp_register_kept(self):
        # the decision and the documents are read whoever deletes
        return self.filtered(
            lambda case: (
                case.sudo().need != "pending"
                or case.state not in ("new", "mse")
                or case.order_number
                or case.certificate_number
            )
        )

    def _mgp_register_cancel_hint(self):
        return self.env._("Terminate the case with a reason instead.")

    @api.constrains("plan_agreed_date")
    def _check_plan_agreed_date_range(self):
        """The plan was agreed, so not in the future, nor in 1900 (issue 18
        §6: 2099 and 1900 were accepted on write)."""
        for case in self:
            check_date_range(
                self.env, case.plan_agreed_date, self.env._("The plan agreement")
            )

    @api.constrains("employer_id")
    def _check_employer_is_organisation(self):
        """The employer is an organisation (or an individual entrepreneur
        registered as one), never a citizen of the register."""
        for case in self.filtered("employer_id"):
            if not case.employer_id.commercial_partner_id.is_company:
                raise ValidationError(
                    self.env._(
                        "The employer must be an organisation, not a person: "
                        "%s is a person.",
                        case.employer_id.name,
                    )
                )
