# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.mgp_base.models.mgp_today import centre_today
from odoo.addons.mgp_base.models.mgp_transition import Transition

# The enquiry's one term (seed 002, 1.3.6): the code of its deadline rule.
ANSWER_DEADLINE = "enq_answer"
CHANNELS = [
    # seed 002, 1.3.6: «Письменные запросы заявителей … направленные почтой,
    # а также запросы, направленные по электронной почте или с использованием
    # средств факсимильной связи …»
    ("post", "Post"),
    ("email", "E-mail"),
    ("fax", "Fax"),
    ("portal", "Portal"),
    # seed 002, 1.3.5: «При ответах на телефонные звонки работники учреждений
    # службы занятости подробно информируют обратившихся …»
    ("phone", "Phone"),
]
SPECIALIST = "mgp_base.group_specialist"


class MgpEnquiry(models.Model):
    """The register of the enquiries about the service (seed 002, 1.3.5–1.3.6).

    A written enquiry (post, e-mail, fax, portal) is registered, then
    answered within 15 calendar days of its registration, a term of the
    deadline engine (rule ``enq_answer``). A phone call is recorded as
    answered at once: what the caller was told.
    """

    _name = "mgp.enquiry"
    _description = "Enquiry about the Service"
    _inherit = [
        "mgp.case.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "mgp.register.mixin",
    ]
    _order = "id desc"
    _mgp_number_code = "mgp.enquiry"
    # the enquiry's progress and its answer are recorded by its actions only
    _mgp_protected_fields = (
        "name",
        "state",
        "date_registered",
        "date_answer",
        "answer_text",
        "answer_user_id",
        "answer_attachment_ids",
        "cancel_reason",
    )
    _mgp_create_only_fields = ("company_id", "channel")
    # seed 002, 1.3.6: «… в срок, не превышающий 15 календарных дней с
    # момента регистрации запроса заявителя»
    _mgp_transitions = {
        "action_register": Transition(
            ("draft",), "registered", SPECIALIST, open=(ANSWER_DEADLINE,)
        ),
        "action_answer": Transition(
            ("registered",),
            "answered",
            SPECIALIST,
            close=(ANSWER_DEADLINE,),
            launchers=("action_open_answer_wizard",),
        ),
        "action_cancel": Transition(
            ("draft", "registered"),
            "cancelled",
            SPECIALIST,
            cancel=(ANSWER_DEADLINE,),
            launchers=("action_open_cancel_wizard",),
        ),
        # a phone call is answered while the caller is on the line
        "answer_phone": Transition(("draft",), "answered"),
    }

    partner_id = fields.Many2one(string="Applicant", required=True)
    user_id = fields.Many2one(default=lambda self: self.env.user)
    channel = fields.Selection(
        CHANNELS, string="Received by", required=True, default="post", tracking=True
    )
    subject = fields.Char(required=True, tracking=True)
    text = fields.Text(string="Enquiry")
    date_received = fields.Date(
        string="Received on",
        default=centre_today,
        help="The day the enquiry reached the centre.",
    )
    date_registered = fields.Date(
        string="Registered on",
        readonly=True,
        tracking=True,
        help="The 15 calendar days of the answer run from this day.",
    )
    date_answer = fields.Date(string="Answered on", readonly=True, tracking=True)
    answer_text = fields.Text(string="Answer", readonly=True)
    answer_user_id = fields.Many2one(
        "res.users", string="Answered by", readonly=True, tracking=True
    )
    answer_attachment_ids = fields.Many2many(
        "ir.attachment",
        "mgp_enquiry_answer_attachment_rel",
        "enquiry_id",
        "attachment_id",
        string="Answer documents",
        readonly=True,
        copy=False,
    )
    cancel_reason = fields.Text(string="Reason of cancellation", readonly=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("registered", "Registered"),
            ("answered", "Answered"),
            ("cancelled", "Cancelled"),
        ],
        required=True,
        default="draft",
        tracking=True,
        index=True,
    )
    is_phone = fields.Boolean(compute="_compute_is_phone")

    _name_company_uniq = models.Constraint(
        "UNIQUE(company_id, name)", "An enquiry with this number exists in the centre."
    )

    @api.depends("channel")
    def _compute_is_phone(self):
        for enquiry in self:
            enquiry.is_phone = enquiry.channel == "phone"

    @api.constrains("date_received", "date_registered", "date_answer")
    def _check_dates(self):
        for enquiry in self:
            if (
                enquiry.date_received
                and enquiry.date_registered
                and enquiry.date_registered < enquiry.date_received
            ):
                raise ValidationError(
                    self.env._("An enquiry cannot be registered before it is received.")
                )
            if (
                enquiry.date_answer
                and enquiry.date_registered
                and enquiry.date_answer < enquiry.date_registered
            ):
                raise ValidationError(
                    self.env._("An enquiry cannot be answered before it is registered.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        enquiries = super().create(vals_list)
        # a phone call is answered while the caller is on the line
        for enquiry in enquiries.filtered(lambda e: e.channel == "phone"):
            enquiry._mgp_answer_phone()
        return enquiries

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def _mgp_register_kept(self):
        # a registered enquiry is a record of the register (issue 18 §3):
        # it is cancelled with a reason, never deleted
        return self.filtered(lambda enquiry: enquiry.state != "draft")

    def action_register(self, date_registered=None):
        """Register the written enquiry: its 15 calendar days start."""
        for enquiry in self:
            day = enquiry._mgp_check_action_date(
                date_registered,
                after=[(enquiry.date_received, self.env._("its receipt"))],
                label=self.env._("The registration of the enquiry"),
            )
            enquiry._mgp_transition(
                "action_register", {"date_registered": day}, date=day
            )
        return True

    def action_answer(self, answer_text, date_answer=None, files=None):
        """Record the answer sent to the applicant, with its documents
        (``files``: list of ``(filename, content bytes)``)."""
        self.ensure_one()
        if not (answer_text or "").strip():
            raise UserError(self.env._("Write the answer given to the applicant."))
        day = self._mgp_check_action_date(
            date_answer,
            after=[(self.date_registered, self.env._("the registration"))],
            label=self.env._("The answer"),
        )
        vals = {
            "date_answer": day,
            "answer_text": answer_text,
            "answer_user_id": self.env.user.id,
        }
        if files:
            attachments = self.env["mgp.upload"]._mgp_attach(self, files)
            vals["answer_attachment_ids"] = [(4, a.id) for a in attachments]
        self._mgp_transition("action_answer", vals, date=day)
        return True

    def action_cancel(self, reason):
        """Cancel the enquiry (registered by mistake, withdrawn…)."""
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason the enquiry is cancelled."))
        self._mgp_transition("action_cancel", {"cancel_reason": reason})
        return True

    def action_open_answer_wizard(self):
        return self._mgp_open_wizard("answer", self.env._("Answer the enquiry"))

    def action_open_cancel_wizard(self):
        return self._mgp_open_wizard("cancel", self.env._("Cancel the enquiry"))

    def _mgp_open_wizard(self, kind, name):
        self.ensure_one()
        return self._mgp_window(
            "mgp.enquiry.answer.wizard",
            name,
            {"default_enquiry_id": self.id, "default_kind": kind},
        )

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _mgp_answer_phone(self):
        """A phone enquiry: registered and answered the day of the call."""
        self.ensure_one()
        if not (self.text or "").strip():
            raise UserError(
                self.env._("Record what the caller was told in the enquiry's text.")
            )
        day = self._mgp_check_action_date(
            self.date_received, label=self.env._("The call")
        )
        self._mgp_transition(
            "answer_phone",
            {
                "date_registered": day,
                "date_answer": day,
                "answer_text": self.text,
                "answer_user_id": self.env.user.id,
            },
            date=day,
        )
