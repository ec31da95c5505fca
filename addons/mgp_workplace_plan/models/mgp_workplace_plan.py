# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Service 2: the case and its transition table.

The other concerns extend the same model: the offer after service 1
(``mgp_workplace_plan_offer.py``), the employer's appeal and the МСЭ part
(``mgp_workplace_plan_appeal.py``), the plan's versions and sending
(``mgp_workplace_plan_version.py``), the employer's portal side
(``mgp_workplace_plan_portal.py``), the register (``…_register.py``).
"""

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.mgp_base.models.mgp_transition import Transition

STATES = [
    ("offered", "Offered"),
    ("appealed", "Appeal"),
    ("analysis", "Analysis"),
    ("draft", "Draft plan"),
    ("discussion", "Discussion"),
    ("sent", "Sent"),
    ("revised", "Replaced by a new version"),
    ("cancelled", "Cancelled"),
]
APPEAL_CHANNELS = [
    ("portal", "Portal"),
    ("paper", "On paper, in person"),
    ("post", "By post"),
    ("email", "By e-mail"),
]
CLOSED_STATES = ("sent", "revised", "cancelled")
OPEN_STATES = ("offered", "appealed", "analysis", "draft", "discussion")
FROZEN_LINE_STATES = ("discussion", *CLOSED_STATES)
MENTOR_ACTIVITY = "mgp_base.activity_workplace_16"
WORKING_TIME_ACTIVITY = "mgp_base.activity_workplace_02"
SPECIALIST = "mgp_base.group_specialist"
OFFER_NOTICE = "mgp_workplace_plan.mail_template_offer"
DISCUSSION_NOTICE = "mgp_workplace_plan.mail_template_discussion"
CANCELLED_NOTICE = "mgp_workplace_plan.mail_template_cancelled"
NOT_NEEDED_NOTICE = "mgp_workplace_plan.mail_template_not_needed"


class MgpWorkplacePlan(models.Model):
    """Service 2 «План сопровождения инвалида на рабочем месте» (692н).

    Trajectory 1 (``offer``): opened when a service-1 case ends with the
    citizen's employment; the employer answers the offer within its window.
    Trajectory 2 (``appeal``): the employer's appeal (Приложение 5); the
    centre checks the disability through an interagency request.
    Both then analyse the person's data and draft, discuss, correct (a new
    version per correction) and send the plan (Приложение 2).
    """

    _name = "mgp.workplace.plan"
    _description = "Workplace Accompaniment Plan"
    _inherit = [
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "mgp.case.mixin",
    ]
    _order = "id desc"
    _mgp_number_code = "mgp.workplace.plan"
    # the notices of the plan (offer, draft, stop) go to the employer
    _mgp_partner_field = "employer_id"
    _mgp_protected_fields = (
        "name",
        "state",
        "trajectory",
        "accompaniment_id",
        "cancel_reason_id",
        "cancel_date",
    )
    _mgp_create_only_fields = ("company_id", "employer_id")
    # one open plan (offer or appeal) per worker and employer (issue 17)
    _mgp_one_open_fields = ("partner_id", "employer_id")
    _mgp_closed_states = CLOSED_STATES
    # the plan's transitions (issue 17 §2): the state changes only here
    _mgp_transitions = {
        # trajectory 1: the offer after service 1
        "offer_sent": Transition(
            ("offered",),
            close=("s2_offer",),
            open=("s2_offer_response",),
            notice=OFFER_NOTICE,
        ),
        "action_set_offer_received": Transition(
            ("offered",),
            group=SPECIALIST,
            cancel=("s2_offer_response",),
            open=("s2_offer_response",),
            launchers=("action_open_offer_wizard",),
        ),
        # staff record an answer given otherwise; the employer answers in
        # its portal (checked by the action)
        "action_accept_offer": Transition(
            ("offered",),
            "analysis",
            close=("s2_offer_response",),
            open=("s2_analysis",),
        ),
        "action_decline_offer": Transition(
            ("offered",), "cancelled", close=("s2_offer_response",)
        ),
        "close_unanswered": Transition(
            ("offered",), "cancelled", cancel=("s2_offer_response",)
        ),
        # trajectory 2: the employer's appeal
        "action_set_disability": Transition(
            ("appealed",),
            "analysis",
            SPECIALIST,
            close=("s2_disability_check",),
            open=("s2_analysis_appeal",),
            launchers=("action_confirm_disability",),
        ),
        "disability_not_confirmed": Transition(
            ("appealed",),
            "cancelled",
            SPECIALIST,
            close=("s2_disability_check",),
            cancel=True,
            notice=CANCELLED_NOTICE,
        ),
        # the analysis waits for the МСЭ bureau, then runs from its answer
        "action_request_mse": Transition(
            ("analysis",),
            group=SPECIALIST,
            cancel=("s2_analysis_appeal",),
            launchers=("action_request_mse_open",),
        ),
        "mse_answered": Transition(
            ("analysis",), group=SPECIALIST, open=("s2_analysis_appeal",)
        ),
        # «не нуждается»: as in service 1 («Не нуждается → Отказ», seed
        # 000), the need decision follows the bureau and the service stops
        # with a reasoned notice to the employer
        "mse_not_needed": Transition(
            ("analysis",),
            "cancelled",
            SPECIALIST,
            cancel=True,
            notice=NOT_NEEDED_NOTICE,
        ),
        # the plan: draft, discussion, versions, sending
        "action_start_draft": Transition(
            ("analysis",),
            "draft",
            SPECIALIST,
            close=("s2_analysis", "s2_analysis_appeal"),
            open=("s2_plan",),
        ),
        "action_to_discussion": Transition(
            ("draft",), "discussion", SPECIALIST, notice=DISCUSSION_NOTICE
        ),
        "action_revise": Transition(
            ("draft", "discussion"),
            "revised",
            SPECIALIST,
            launchers=("action_revise_open",),
        ),
        "action_send": Transition(
            ("draft", "discussion"), "sent", SPECIALIST, close=("s2_plan",)
        ),
        "action_cancel": Transition(
            OPEN_STATES,
            "cancelled",
            SPECIALIST,
            cancel=True,
            notice=CANCELLED_NOTICE,
            launchers=("action_open_cancel_wizard",),
        ),
    }

    employer_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        tracking=True,
        domain="[('is_company', '=', True)]",
    )
    partner_id = fields.Many2one(string="Worker")
    trajectory = fields.Selection(
        [("offer", "Offer after accompaniment"), ("appeal", "Employer's appeal")],
        required=True,
        default="appeal",
        index=True,
    )
    accompaniment_id = fields.Many2one(
        "mgp.accompaniment", string="Service 1 case", index=True, readonly=True
    )
    state = fields.Selection(
        STATES, required=True, default="appealed", tracking=True, index=True
    )
    line_ids = fields.One2many(
        "mgp.workplace.plan.line", "plan_id", string="Plan activities", copy=True
    )
    cancel_reason_id = fields.Many2one(
        "mgp.workplace.cancel.reason",
        string="Stop reason",
        tracking=True,
        readonly=True,
        copy=False,
        ondelete="restrict",
    )
    cancel_note = fields.Text(string="Cancellation details")
    cancel_date = fields.Date(tracking=True)

    @api.model_create_multi
    def create(self, vals_list):
        Partner = self.env["res.partner"]
        for vals in vals_list:
            if vals.get("worker_snils"):
                vals["worker_snils"] = Partner._mgp_normalize_snils(
                    vals["worker_snils"]
                )
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("worker_snils"):
            vals["worker_snils"] = self.env["res.partner"]._mgp_normalize_snils(
                vals["worker_snils"]
            )
        return super().write(vals)

    def action_cancel(self, reason, note=None):
        """Stop the service with ``reason`` (a reason of the catalogue the
        specialist may choose: a record, its id or its code); the employer
        is notified."""
        self.ensure_one()
        try:
            reason = self._mgp_cancel_reason(reason)
        except UserError:
            raise UserError(self.env._("Unknown cancellation reason.")) from None
        if not reason.manual:
            raise UserError(
                self.env._(
                    "The reason «%s» is given by the plan's own steps, not chosen.",
                    reason.name,
                )
            )
        vals = {"cancel_reason_id": reason.id, "cancel_date": self._mgp_today()}
        if note:
            vals["cancel_note"] = note
        self._mgp_transition("action_cancel", vals)
        return True

    def _mgp_cancel_reason(self, reason):
        """The catalogue's reason given as a record, an id or a code."""
        return self.env["mgp.workplace.cancel.reason"]._mgp_get(reason)

    # ------------------------------------------------------------------
    # Buttons of the form
    # ------------------------------------------------------------------
    def action_open_offer_wizard(self):
        return self._mgp_plan_wizard(
            "mgp.workplace.offer.wizard", self.env._("Record the employer's answer")
        )

    def action_open_cancel_wizard(self):
        return self._mgp_plan_wizard(
            "mgp.workplace.cancel.wizard", self.env._("Stop the service")
        )

    def _mgp_plan_wizard(self, model, name):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": "form",
            "target": "new",
            "context": {"default_plan_id": self.id},
        }

    @staticmethod
    def _mgp_form_action(record):
        """The form of ``record`` (a request, a new version)."""
        return {
            "type": "ir.actions.act_window",
            "res_model": record._name,
            "res_id": record.id,
            "view_mode": "form",
        }
