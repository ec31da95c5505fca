# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models
from odoo.exceptions import UserError

from ..models.mail_thread import guarded_model


class MailComposeMessage(models.TransientModel):
    """The composer posts in the name of its ``author_id``, a field a client
    sets: on the suite's records the author is the user or his centre (the
    centre's templates are sent from its address), never another person."""

    _inherit = "mail.compose.message"

    def _mgp_check_author(self, vals):
        if self.env.su or not vals.get("author_id"):
            return
        model = vals.get("model") or self.env.context.get("default_model")
        models_ = set(self.mapped("model")) | {model}
        if not any(guarded_model(name) for name in models_):
            return
        user = self.env.user
        allowed = user.partner_id | user.company_ids.partner_id
        if vals["author_id"] not in allowed.ids:
            raise UserError(
                self.env._(
                    "A message is posted in your own name or in your centre's name."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._mgp_check_author(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._mgp_check_author(vals)
        return super().write(vals)
