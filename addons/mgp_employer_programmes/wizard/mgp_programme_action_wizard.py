# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.mgp_base.models.mgp_today import centre_today

from ..models.mgp_subsidy_application import REFUSAL_REASONS
from ..models.mgp_subsidy_employment import DISMISSAL_GROUNDS

# action: (model, the fields the wizard shows)
ACTIONS = {
    "subsidy_refuse": ("mgp.subsidy.application", ("date", "refusal_reason", "note")),
    "subsidy_repayment": ("mgp.subsidy.agreement", ("date", "amount")),
    "workplace_hire": ("mgp.subsidy.workplace", ("date", "partner_id")),
    "workplace_removal": ("mgp.subsidy.workplace", ("date",)),
    "workplace_violation": ("mgp.subsidy.workplace", ("date", "note")),
    "employment_dismiss": ("mgp.subsidy.employment", ("date", "dismissal_ground")),
    "employment_report": ("mgp.subsidy.employment", ("date",)),
    "aid_decision": ("mgp.business.aid", ("date", "number", "approved", "note")),
    "aid_contract": ("mgp.business.aid", ("date", "number")),
    "aid_end": ("mgp.business.aid", ("date",)),
    "training_start": ("mgp.training.referral", ("date", "date_end")),
    "training_complete": ("mgp.training.referral", ("date", "number")),
    "training_employer": ("mgp.training.referral", ("date", "partner_id")),
    "training_drop": ("mgp.training.referral", ("note",)),
    "training_employed": ("mgp.training.referral", ("date",)),
}


class MgpProgrammeActionWizard(models.TransientModel):
    """The dialog of a programme action that needs a date, a reason or a
    number: it calls the record's action, which does the checks."""

    _name = "mgp.programme.action.wizard"
    _description = "Programme Action"

    action = fields.Selection(
        [
            ("subsidy_refuse", "Refuse the subsidy"),
            ("subsidy_repayment", "Record a repayment"),
            ("workplace_hire", "Record a hire"),
            ("workplace_removal", "Record the removal of the workplace"),
            ("workplace_violation", "Record a violation"),
            ("employment_dismiss", "Record a dismissal"),
            ("employment_report", "Record the employer's report"),
            ("aid_decision", "Record the commission's decision"),
            ("aid_contract", "Sign the contract"),
            ("aid_end", "Record the end of the business"),
            ("training_start", "Start the training"),
            ("training_complete", "Record the certificate"),
            ("training_employer", "Refer to an employer"),
            ("training_drop", "Record a drop-out"),
            ("training_employed", "Record the employment"),
        ],
        required=True,
        readonly=True,
    )
    res_model = fields.Char(required=True, readonly=True)
    res_id = fields.Many2oneReference(model_field="res_model", required=True)
    show_fields = fields.Char(compute="_compute_show_fields")
    date = fields.Date(default=centre_today)
    date_end = fields.Date(string="Until")
    refusal_reason = fields.Selection(REFUSAL_REASONS)
    dismissal_ground = fields.Selection(DISMISSAL_GROUNDS)
    note = fields.Text(string="Reason or details")
    number = fields.Char()
    amount = fields.Monetary(currency_field="currency_id")
    currency_id = fields.Many2one(
        "res.currency", default=lambda self: self.env.ref("base.RUB")
    )
    approved = fields.Boolean(default=True)
    partner_id = fields.Many2one("res.partner", string="Person or employer")

    @api.depends("action")
    def _compute_show_fields(self):
        for wizard in self:
            wizard.show_fields = ",".join(ACTIONS.get(wizard.action, ("",))[1])

    @api.model
    def _mgp_open(self, record, action):
        """The window action of the dialog of ``action`` on ``record``."""
        record.ensure_one()
        wizard = self.create(
            {"action": action, "res_model": record._name, "res_id": record.id}
        )
        return {
            "type": "ir.actions.act_window",
            "name": dict(self._fields["action"]._description_selection(self.env))[
                action
            ],
            "res_model": self._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
        }

    def action_confirm(self):
        self.ensure_one()
        model, __ = ACTIONS[self.action]
        if model != self.res_model:
            raise UserError(self.env._("This action does not apply to this record."))
        record = self.env[model].browse(self.res_id).exists()
        if not record:
            raise UserError(self.env._("The record no longer exists."))
        getattr(self, f"_confirm_{self.action}")(record)
        return {"type": "ir.actions.act_window_close"}

    def _confirm_subsidy_refuse(self, record):
        record.action_refuse(self.refusal_reason, self.note, self.date)

    def _confirm_subsidy_repayment(self, record):
        record.action_record_repayment(self.amount, self.date)

    def _confirm_workplace_hire(self, record):
        if not self.partner_id:
            raise UserError(self.env._("Choose the person hired."))
        record.action_hire(self.partner_id, self.date)

    def _confirm_workplace_removal(self, record):
        record.action_record_removal(self.date)

    def _confirm_workplace_violation(self, record):
        record.action_record_violation(self.date, self.note)

    def _confirm_employment_dismiss(self, record):
        record.action_dismiss(self.date, self.dismissal_ground)

    def _confirm_employment_report(self, record):
        record.action_report_dismissal(self.date)

    def _confirm_aid_decision(self, record):
        record.action_commission_decision(
            self.approved, self.date, self.number, self.note
        )

    def _confirm_aid_contract(self, record):
        record.action_sign_contract(self.number, self.date)

    def _confirm_aid_end(self, record):
        record.action_record_end(self.date)

    def _confirm_training_start(self, record):
        record.action_start(self.date, self.date_end)

    def _confirm_training_complete(self, record):
        record.action_complete(self.number, self.date)

    def _confirm_training_employer(self, record):
        if not self.partner_id:
            raise UserError(self.env._("Choose the employer."))
        record.action_refer_to_employer(self.partner_id, self.date)

    def _confirm_training_drop(self, record):
        record.action_drop(self.note)

    def _confirm_training_employed(self, record):
        record.action_record_employment(self.date)
