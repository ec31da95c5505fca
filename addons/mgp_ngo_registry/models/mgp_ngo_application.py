# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.mgp_base.models.mgp_today import centre_today
from odoo.addons.mgp_base.models.mgp_transition import Transition

SPECIALIST = "mgp_base.group_specialist"
MANAGER = "mgp_base.group_manager"
# the decision is taken on a registered application, under review or not
AWAITING = ("submitted", "review")

CHANNELS = [
    ("portal", "Portal"),
    ("paper", "Paper, in person"),
    ("post", "Post with an inventory"),
    ("email", "E-mail"),
]


class MgpNgoApplication(models.Model):
    """Application of an organisation for inclusion in the NGO registry
    (Appendix 4 to the Standard).

    The interface name ``mgp_activity_ids`` (activities the organisation offers)
    excludes ``mail.activity.mixin``; the review deadline is the rule
    ``ngo_review`` of the deadline engine.
    """

    _name = "mgp.ngo.application"
    _description = "NGO Registry Application"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "mgp.case.mixin",
        "portal.mixin",
    ]
    _order = "date_received desc, id desc"
    _rec_names_search = ["name", "org_name", "inn"]
    _mgp_number_code = "mgp.ngo.application"
    # the review's outcome: set only by submit, review, approve and reject
    _mgp_protected_fields = (
        "name",
        "state",
        "decision_date",
        "reject_reason",
        "submitted_user_id",
    )
    # the review (Standard, Appendix 4): registered by a specialist, the
    # decision by a manager within the term ``ngo_review``
    _mgp_transitions = {
        "action_submit": Transition(
            ("draft",), "submitted", SPECIALIST, open=("ngo_review",)
        ),
        "action_take_review": Transition(("submitted",), "review", SPECIALIST),
        "action_approve": Transition(
            AWAITING,
            "approved",
            MANAGER,
            close=("ngo_review",),
            notice="mgp_ngo_registry.mail_template_ngo_application_approved",
        ),
        "action_reject": Transition(
            AWAITING,
            "rejected",
            MANAGER,
            close=("ngo_review",),
            notice="mgp_ngo_registry.mail_template_ngo_application_rejected",
        ),
        # the rejection wizard opens where the rejection is possible
        "action_open_reject_wizard": Transition(AWAITING, group=MANAGER),
    }

    name = fields.Char(
        string="Reference", required=True, copy=False, readonly=True, default="/"
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("review", "Under review"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
        ],
        string="Status",
        required=True,
        default="draft",
        copy=False,
        index=True,
        tracking=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Organisation",
        index=True,
        tracking=True,
        domain=[("is_company", "=", True)],
        help="Created from the application data on submission when empty.",
    )
    channel = fields.Selection(CHANNELS, required=True, default="paper", tracking=True)
    date_received = fields.Date(
        string="Received on",
        required=True,
        default=centre_today,
        tracking=True,
    )
    post_reference = fields.Char(
        string="Postal item / inventory",
        help="Number of the postal item and its inventory of contents.",
    )
    date = fields.Date(
        string="Application date",
        compute="_compute_date",
        store=True,
        readonly=False,
        precompute=True,
        help="Date of the application as signed by the organisation; the "
        "day it was received unless the organisation dated it earlier.",
    )
    # Organisation data of the form
    org_name = fields.Char(string="Full name of the organisation", required=True)
    inn = fields.Char(string="INN", required=True)
    ogrn = fields.Char(string="OGRN")
    address = fields.Char()
    head_name = fields.Char(string="Head")
    head_position = fields.Char(string="Head's position")
    contact_name = fields.Char(string="Contact person")
    phone = fields.Char()
    email = fields.Char()
    # What the organisation offers
    mgp_activity_ids = fields.Many2many(
        "mgp.activity",
        "mgp_ngo_application_activity_rel",
        "application_id",
        "activity_id",
        string="Activities performed",
        domain=[("service", "=", "employment")],
    )
    conditions = fields.Text(string="Order and conditions of assistance")
    staff_ids = fields.One2many(
        "mgp.ngo.staff", "application_id", string="Trained staff", copy=True
    )
    territory_state_ids = fields.Many2many(
        "res.country.state",
        "mgp_ngo_application_territory_rel",
        "application_id",
        "state_id",
        string="Regions served",
    )
    territory = fields.Char(string="Municipalities served")
    schedule = fields.Text(
        string="Schedule of assistance",
        help="Days and hours when the organisation provides assistance.",
    )
    schedule_slot_ids = fields.Many2many(
        "mgp.ngo.schedule.slot",
        "mgp_ngo_application_schedule_slot_rel",
        "application_id",
        "slot_id",
        string="Periods of assistance",
        help="The periods of the week in which the organisation provides assistance.",
    )
    help_form_ids = fields.Many2many(
        "mgp.ngo.help.form",
        "mgp_ngo_application_help_form_rel",
        "application_id",
        "help_form_id",
        string="Forms of assistance",
    )
    accessibility = fields.Text(
        string="Accessibility of the premises",
        help="Entrance, ramps and lifts, accessible toilet, parking, help of "
        "the staff: what makes the organisation's premises accessible to "
        "disabled persons.",
    )
    accessibility_ids = fields.Many2many(
        "mgp.ngo.accessibility",
        "mgp_ngo_application_accessibility_rel",
        "application_id",
        "accessibility_id",
        string="Accessibility features",
    )
    inclusion_basis = fields.Selection(
        [
            ("application", "Application"),
            ("social_order", "Participant of the social order (189-FZ)"),
        ],
        string="Basis of inclusion",
        required=True,
        default="application",
        help="An organisation taking part in the social order (Federal Law "
        "189-FZ) is included on that basis; give the social order.",
    )
    social_order_ref = fields.Char(
        string="Social order",
        help="The register of executors of the social order or the agreement, "
        "with its number and date.",
    )
    capacity = fields.Integer(string="Capacity (cases at once)")
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "mgp_ngo_application_attachment_rel",
        "application_id",
        "attachment_id",
        string="Documents",
        help="Charter, documents on the training of the staff and other "
        "documents attached to the application.",
    )
    # Processing
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        index=True,
        tracking=True,
        domain=[("share", "=", False)],
    )
    submitted_user_id = fields.Many2one(
        "res.users", string="Filed by", readonly=True, copy=False
    )
    company_id = fields.Many2one(
        "res.company",
        string="Centre",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )

    _name_company_uniq = models.Constraint(
        "UNIQUE(company_id, name)",
        "An application with this number exists in the centre.",
    )
    decision_date = fields.Date(string="Decided on", readonly=True, copy=False)
    reject_reason = fields.Text(
        string="Reason for rejection", readonly=True, copy=False, tracking=True
    )
    # staff only: the applicant reads its application through the portal
    note = fields.Text(string="Internal note", groups="base.group_user")
    approval_missing = fields.Text(
        string="Missing for approval",
        compute="_compute_approval_missing",
        help="The trained staff and conditions of assistance the application "
        "still lacks: it cannot be approved without them.",
    )

    @api.depends("date_received")
    def _compute_date(self):
        # the application is dated the day it was received unless the
        # organisation signed it earlier
        for application in self:
            if not application.date or (
                application.date_received
                and application.date > application.date_received
            ):
                application.date = application.date_received

    @api.depends(
        "staff_ids.activity_ids",
        "territory_state_ids",
        "territory",
        "schedule",
        "schedule_slot_ids",
        "help_form_ids",
        "accessibility",
        "inclusion_basis",
        "social_order_ref",
    )
    def _compute_approval_missing(self):
        for application in self:
            application.approval_missing = "\n".join(
                f"• {item}" for item in application._mgp_missing_for_approval()
            )

    def _compute_access_url(self):
        for application in self:
            application.access_url = f"/my/ngo/application/{application.id}"

    @api.depends("name", "org_name")
    def _compute_display_name(self):
        for application in self:
            application.display_name = (
                f"{application.name} — {application.org_name}"
                if application.org_name
                else application.name
            )

    @api.constrains("inn", "ogrn")
    def _check_identifiers(self):
        Partner = self.env["res.partner"]
        for application in self:
            if application.inn:
                Partner._mgp_check_inn(application.inn)
            if application.ogrn:
                Partner._mgp_check_ogrn(application.ogrn)
            Partner._mgp_check_inn_ogrn_pair(application.inn, application.ogrn)

    @api.constrains("date", "date_received")
    def _check_dates(self):
        today = centre_today(self)
        for application in self:
            if application.date_received > today:
                raise ValidationError(
                    self.env._("An application cannot be received in the future.")
                )
            if application.date and application.date > application.date_received:
                raise ValidationError(
                    self.env._(
                        "The application cannot be dated after the day it was received."
                    )
                )

    @api.constrains("capacity")
    def _check_capacity(self):
        if any(application.capacity < 0 for application in self):
            raise ValidationError(self.env._("The capacity cannot be negative."))

    @api.onchange("partner_id")
    def _onchange_partner_id(self):
        partner = self.partner_id
        if not partner:
            return
        self.org_name = self.org_name or partner.name
        self.inn = self.inn or partner.vat
        self.ogrn = self.ogrn or partner.company_registry
        self.address = self.address or partner._display_address(without_company=True)
        self.phone = self.phone or partner.phone
        self.email = self.email or partner.email

    @api.model_create_multi
    def create(self, vals_list):
        Partner = self.env["res.partner"]
        for vals in vals_list:
            self._normalize_vals(vals, Partner)
        return super().create(vals_list)

    def write(self, vals):
        self._normalize_vals(vals, self.env["res.partner"])
        return super().write(vals)

    @api.model
    def _normalize_vals(self, vals, Partner):
        if vals.get("inn"):
            vals["inn"] = Partner._mgp_check_inn(vals["inn"])
        if vals.get("ogrn"):
            vals["ogrn"] = Partner._mgp_check_ogrn(vals["ogrn"])

    @api.ondelete(at_uninstall=False)
    def _unlink_except_decided(self):
        # a registered (numbered) application is kept too (issue 18 §3)
        if any(application.state != "draft" for application in self):
            raise UserError(
                self.env._("An application that was decided cannot be deleted.")
            )

    # ------------------------------------------------------------------
    # Actions (the table above checks the group and the state first)
    # ------------------------------------------------------------------
    def action_submit(self):
        """Register the application: it is received and its review starts."""
        for application in self:
            application._mgp_ensure_partner()
            application._mgp_transition(
                "action_submit", start=application.date_received
            )
        return True

    def action_take_review(self):
        for application in self:
            vals = {} if application.user_id else {"user_id": self.env.user.id}
            application._mgp_transition("action_take_review", vals)
        return True

    def action_approve(self):
        """Include the organisation in the registry."""
        # one incomplete application approves none of them
        self._mgp_check_approval_requirements()
        today = centre_today(self)
        for application in self:
            partner = application._mgp_ensure_partner()
            application._check_registry_duplicate(partner)
            partner._mgp_ngo_include(
                application.inclusion_basis,
                date=today,
                vals=application._prepare_partner_vals(),
            )
            application._mgp_transition(
                "action_approve", {"decision_date": today}, date=today
            )
        return True

    def action_reject(self, reason):
        """Reject the application and notify the organisation of ``reason``."""
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for the rejection."))
        today = centre_today(self)
        self._mgp_transition(
            "action_reject",
            {"decision_date": today, "reject_reason": reason.strip()},
            date=today,
        )
        return True

    def action_open_reject_wizard(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reject the application"),
            "res_model": "mgp.ngo.application.reject.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_application_ids": self.ids},
        }

    def action_view_partner(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "res.partner",
            "res_id": self.partner_id.id,
            "view_mode": "form",
            "target": "current",
        }

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _mgp_deadline_user(self):
        """The responsible specialist; never the portal user who filed it."""
        self.ensure_one()
        if self.user_id:
            return self.user_id
        return self.env.user if not self.env.user.share else self.env["res.users"]

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Application %s", self.name)
