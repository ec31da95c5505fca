# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.mgp_base.models.mgp_today import centre_today

from ..models.mgp_socemp_record import CONSENT_FORMS

KINDS = [
    ("inform", "Person informed"),
    ("consent", "Consent"),
    ("start", "Start of the services"),
    ("withdraw", "Withdrawal of the consent"),
    ("end", "End of the record"),
]


class MgpSocempActionWizard(models.TransientModel):
    """The date (and the consent's form and scope, or the end's reason) of
    an action of a register record; the action itself does every check."""

    _name = "mgp.socemp.action.wizard"
    _description = "Action on a Social Employment Record"

    record_id = fields.Many2one("mgp.socemp.record", required=True, ondelete="cascade")
    kind = fields.Selection(KINDS, required=True)
    date = fields.Date(required=True, default=centre_today)
    consent_form = fields.Selection(CONSENT_FORMS, default="paper")
    consent_scope = fields.Text()
    reason_id = fields.Many2one("mgp.socemp.end.reason")
    note = fields.Text()

    @api.model
    def _mgp_open(self, record, kind):
        if kind not in dict(KINDS):
            raise UserError(self.env._("Unknown action."))
        wizard = self.create({"record_id": record.id, "kind": kind})
        return {
            "type": "ir.actions.act_window",
            "name": dict(self._fields["kind"]._description_selection(self.env))[kind],
            "res_model": self._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
        }

    def action_confirm(self):
        self.ensure_one()
        record = self.record_id
        if self.kind == "inform":
            record.action_inform(self.date)
        elif self.kind == "consent":
            record.action_consent(self.date, self.consent_form, self.consent_scope)
        elif self.kind == "start":
            record.action_start(self.date)
        elif self.kind == "withdraw":
            record.action_withdraw_consent(self.date)
        else:
            if not self.reason_id:
                raise UserError(self.env._("Choose the reason the record ends."))
            record.action_end(self.reason_id, self.date, self.note)
        return {"type": "ir.actions.act_window_close"}
