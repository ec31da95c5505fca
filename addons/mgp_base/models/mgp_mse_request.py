# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class MgpMseRequest(models.Model):
    """Request to a bureau of medical and social expertise (МСЭ) for its
    recommendations on whether a disabled person needs accompaniment."""

    _name = "mgp.mse.request"
    _description = "MSE Bureau Request"
    _inherit = ["mail.thread", "mail.activity.mixin", "mgp.case.mixin"]
    _order = "id desc"
    _mgp_number_code = "mgp.mse.request"
    # the request's progress is recorded by its actions only
    _mgp_protected_fields = (
        "name",
        "state",
        "res_model",
        "res_id",
        "date_sent",
        "date_received",
        "date_answer",
        "recommendation",
    )
    _mgp_create_only_fields = ("company_id", "partner_id")

    name = fields.Char(
        string="Number", required=True, copy=False, readonly=True, default="/"
    )
    partner_id = fields.Many2one(
        "res.partner", string="Person", required=True, index=True, tracking=True
    )
    res_model = fields.Char(string="Case model", index=True, readonly=True)
    res_id = fields.Many2oneReference(
        string="Case", model_field="res_model", index=True, readonly=True
    )
    company_id = fields.Many2one(
        "res.company",
        string="Centre",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    user_id = fields.Many2one(
        "res.users", string="Specialist", default=lambda self: self.env.user
    )
    bureau = fields.Char(string="MSE bureau")
    date_info_received = fields.Date(
        string="Disability information received",
        help="The request is due the next working day after this date.",
    )
    date_sent = fields.Date(tracking=True)
    date_received = fields.Date(
        string="Received by the bureau",
        tracking=True,
        help="The bureau answers within 5 working days from this date.",
    )
    date_answer = fields.Date(string="Answer date", tracking=True)
    recommendation = fields.Selection(
        [("needed", "Needs accompaniment"), ("not_needed", "Does not need it")],
        tracking=True,
    )
    answer_note = fields.Text(string="Answer details")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("sent", "Sent"),
            ("answered", "Answered"),
            ("cancelled", "Cancelled"),
        ],
        required=True,
        default="draft",
        tracking=True,
        index=True,
    )

    @api.constrains("date_sent", "date_received", "date_answer")
    def _check_dates(self):
        for request in self:
            if (
                request.date_sent
                and request.date_received
                and request.date_received < request.date_sent
            ):
                raise ValidationError(
                    self.env._("The bureau cannot receive a request before it is sent.")
                )
            if (
                request.date_answer
                and request.date_sent
                and request.date_answer < request.date_sent
            ):
                raise ValidationError(
                    self.env._("The answer cannot come before the request is sent.")
                )

    _name_company_uniq = models.Constraint(
        "UNIQUE(company_id, name)", "A request with this number exists in the centre."
    )

    def _get_case(self):
        self.ensure_one()
        if self.res_model and self.res_id and self.res_model in self.env:
            return self.env[self.res_model].browse(self.res_id).exists()
        return None

    def action_send(self, date_sent=None, date_received=None):
        """Mark the request sent; the case tracks the bureau's answer."""
        self._mgp_check_group("mgp_base.group_specialist")
        for request in self:
            request._mgp_check_transition(("draft",))
            date_sent = request._mgp_check_action_date(
                date_sent,
                after=[
                    (
                        request.date_info_received,
                        self.env._("the receipt of the disability information"),
                    )
                ],
                label=self.env._("The sending of the request"),
            )
            date_received = request._mgp_check_action_date(
                date_received or date_sent,
                after=[(date_sent, self.env._("the sending of the request"))],
                label=self.env._("The receipt by the bureau"),
            )
            request._mgp_engine_write(
                {
                    "state": "sent",
                    "date_sent": date_sent,
                    "date_received": date_received,
                }
            )
            case = request._get_case()
            if case and hasattr(case, "_mgp_on_mse_sent"):
                case._mgp_on_mse_sent(request)
        return True

    def action_register_answer(self, recommendation, date_answer=None):
        """Register the bureau's recommendation and hand it to the case."""
        self.ensure_one()
        self._mgp_check_group("mgp_base.group_specialist")
        if self.state not in ("draft", "sent"):
            raise UserError(
                self.env._("The answer of this request is already registered.")
            )
        if recommendation not in ("needed", "not_needed"):
            raise UserError(self.env._("Unknown MSE recommendation."))
        if self.state == "draft":
            self.action_send(date_sent=date_answer, date_received=date_answer)
        self._mgp_check_transition(("sent",))
        date_answer = self._mgp_check_action_date(
            date_answer,
            after=[(self.date_sent, self.env._("the sending of the request"))],
            label=self.env._("The answer of the bureau"),
        )
        self._mgp_engine_write(
            {
                "state": "answered",
                "recommendation": recommendation,
                "date_answer": date_answer,
            }
        )
        case = self._get_case()
        if case and hasattr(case, "_mgp_on_mse_answer"):
            case._mgp_on_mse_answer(self)
        return True

    def action_cancel(self):
        for request in self:
            if request.state == "answered":
                raise UserError(self.env._("An answered request cannot be cancelled."))
        self._mgp_check_transition(("draft", "sent"))
        self._mgp_engine_write({"state": "cancelled"})
        return True

    def action_open_answer_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Register MSE answer"),
            "res_model": "mgp.mse.answer.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_request_id": self.id},
        }
