# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

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
        default=fields.Date.context_today,
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
        "help_form_ids",
        "accessibility",
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
        today = fields.Date.context_today(self)
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
        if any(application.state in ("approved", "rejected") for application in self):
            raise UserError(
                self.env._("An application that was decided cannot be deleted.")
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_submit(self):
        """Register the application: it is received and its review starts."""
        for application in self:
            if application.state != "draft":
                raise UserError(
                    self.env._("Only a draft application can be submitted.")
                )
            application._mgp_ensure_partner()
            application._mgp_engine_write({"state": "submitted"})
            application._mgp_deadline_open("ngo_review", application.date_received)
        return True

    def action_take_review(self):
        for application in self:
            if application.state != "submitted":
                raise UserError(
                    self.env._("Only a submitted application can be taken for review.")
                )
        self._mgp_engine_write({"state": "review"})
        for application in self.filtered(lambda a: not a.user_id):
            application.user_id = self.env.user
        return True

    def action_approve(self):
        """Include the organisation in the registry."""
        self._check_manager()
        today = fields.Date.context_today(self)
        template = self.env.ref(
            "mgp_ngo_registry.mail_template_ngo_application_approved",
            raise_if_not_found=False,
        )
        for application in self:
            application._lock_for_decision()
            application._mgp_check_approval_requirements()
            partner = application._mgp_ensure_partner()
            application._check_registry_duplicate(partner)
            partner._mgp_ngo_include(
                "application", date=today, vals=application._prepare_partner_vals()
            )
            application._mgp_engine_write({"state": "approved", "decision_date": today})
            application._mgp_deadline_close("ngo_review", today)
            application._notify_decision(template)
        return True

    def action_reject(self, reason):
        """Reject the application and notify the organisation of ``reason``."""
        self._check_manager()
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for the rejection."))
        today = fields.Date.context_today(self)
        template = self.env.ref(
            "mgp_ngo_registry.mail_template_ngo_application_rejected",
            raise_if_not_found=False,
        )
        for application in self:
            application._lock_for_decision()
            application._mgp_engine_write(
                {
                    "state": "rejected",
                    "decision_date": today,
                    "reject_reason": reason.strip(),
                }
            )
            application._mgp_deadline_close("ngo_review", today)
            application._notify_decision(template)
        return True

    def action_open_reject_wizard(self):
        self._check_manager()
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
    # Portal
    # ------------------------------------------------------------------
    @api.model
    def _mgp_portal_submit(self, form, files=()):
        """An application filed in the portal by a representative: validate
        the form, create the organisation when it is new, the application
        with its documents, and submit it.

        :param form: the portal form's values (see the portal controller)
        :param files: ``(filename, content)`` of the uploaded documents
        :return: the submitted application
        """
        env = self.env
        user = env.user
        if not user._is_portal():
            raise UserError(env._("Applications are filed here by portal users."))
        organisation = user.partner_id.commercial_partner_id
        if not organisation.is_company:
            organisation = env["res.partner"]
        Partner = env["res.partner"]
        if not form["org_name"]:
            raise ValidationError(env._("Enter the full name of the organisation."))
        if not form["inn"]:
            raise ValidationError(env._("Enter the INN of the organisation."))
        inn = Partner._mgp_check_inn(form["inn"])
        own_inn = "".join((organisation.vat or "").split())
        if own_inn and inn != own_inn:
            # the application is bound to the user's own organisation
            raise ValidationError(
                env._(
                    "The INN %(inn)s is not the INN of your organisation "
                    "%(name)s (%(own)s): an application can only be filed for "
                    "your own organisation.",
                    inn=inn,
                    name=organisation.name,
                    own=own_inn,
                )
            )
        ogrn = Partner._mgp_check_ogrn(form["ogrn"]) if form["ogrn"] else False
        if not form["activity_ids"]:
            raise ValidationError(
                env._("Choose at least one activity the organisation performs.")
            )
        capacity = form["capacity"]
        if capacity and not capacity.isdigit():
            raise ValidationError(env._("The capacity must be a whole number."))
        for message in self._mgp_portal_condition_errors(form).values():
            raise ValidationError(message)
        Activity = env["mgp.activity"]
        employment = [("service", "=", "employment")]
        staff_lines = []
        for row in form["staff"]:
            if not any(row.values()):
                continue
            if not row["name"]:
                raise ValidationError(env._("Enter the full name of each employee."))
            try:
                document_date = fields.Date.to_date(row["document_date"] or None)
            except ValueError:
                raise ValidationError(
                    env._("The document date of %s is not a valid date.", row["name"])
                ) from None
            staff_activities = Activity.search(
                [("id", "in", row.get("activity_ids") or [])] + employment
            )
            staff_lines.append(
                fields.Command.create(
                    dict(
                        row,
                        document_date=document_date,
                        activity_ids=[fields.Command.set(staff_activities.ids)],
                    )
                )
            )
        activities = Activity.search([("id", "in", form["activity_ids"])] + employment)
        help_forms = env["mgp.ngo.help.form"].search(
            [("id", "in", form.get("help_form_ids") or [])]
        )
        region = (
            env["res.country.state"]
            .sudo()  # public reference data: one of the regions of Russia offered
            .search(
                [("id", "=", form["state_id"] or 0), ("country_id.code", "=", "RU")],
                limit=1,
            )
        )
        for filename, content in files:  # refused before anything is created
            env["mgp.upload"]._check_upload(filename, content)
        # Portal users cannot create partners, applications or attachments:
        # the values were validated above and are bound to the user's own
        # organisation.
        env_su = env(su=True)
        if not organisation:
            # own record; the person fields are restricted to the centre's staff
            person = user.partner_id.sudo()
            if person.mgp_snils or person.mgp_disability_group:
                # the citizen's record must not become an organisation's contact
                raise ValidationError(
                    env._(
                        "Your account is the personal account of a citizen served "
                        "by the employment centre: to file an application for an "
                        "organisation, ask the centre for a separate account of "
                        "the organisation's representative."
                    )
                )
            organisation = env_su["res.partner"].create(
                {
                    "name": form["org_name"],
                    "is_company": True,
                    "vat": inn,
                    "company_registry": ogrn,
                    "street": form["address"],
                    "phone": form["phone"],
                    "email": form["email"],
                    "country_id": env.ref("base.ru").id,
                    "state_id": region.id or user.company_id.state_id.id,
                    "company_id": False,
                }
            )
            # the user becomes the representative of the new organisation
            user.partner_id.sudo().parent_id = organisation
        application = env_su["mgp.ngo.application"].create(
            {
                "partner_id": organisation.id,
                "channel": "portal",
                "date_received": fields.Date.context_today(user),
                "date": fields.Date.context_today(user),
                "org_name": form["org_name"],
                "inn": inn,
                "ogrn": ogrn,
                "address": form["address"],
                "head_name": form["head_name"],
                "head_position": form["head_position"],
                "contact_name": form["contact_name"] or user.partner_id.name,
                "phone": form["phone"],
                "email": form["email"] or user.partner_id.email,
                "conditions": form["conditions"],
                "schedule": form["schedule"],
                "help_form_ids": [fields.Command.set(help_forms.ids)],
                "accessibility": form["accessibility"],
                "territory": form["territory"],
                "territory_state_ids": [fields.Command.set(region.ids)],
                "capacity": int(capacity or 0),
                "mgp_activity_ids": [fields.Command.set(activities.ids)],
                "staff_ids": staff_lines,
                "submitted_user_id": user.id,
                # the centre keeping the registry of the region named
                "company_id": (
                    region.mgp_ngo_registry_company_id or user.company_id
                ).id,
            }
        )
        env["mgp.upload"]._mgp_attach(application, files, field="attachment_ids")
        application.message_subscribe(partner_ids=user.partner_id.ids)
        application.action_submit()
        return application.with_env(env)

    @api.model
    def _mgp_portal_condition_errors(self, form):
        """``{field name: message}`` of the portal form: the trained staff
        with their activities and the conditions of assistance an
        application needs to be approved, asked for when it is filed."""
        env = self.env
        errors = {}
        rows = [
            (index, row) for index, row in enumerate(form["staff"]) if any(row.values())
        ]
        if not rows:
            errors["staff_name_0"] = env._(
                "Enter at least one trained employee and the activities he may perform."
            )
        for index, row in rows:
            if not row.get("activity_ids"):
                errors[f"staff_activity_ids_{index}"] = env._(
                    "Choose the activities employee %s may perform.",
                    row["name"] or index + 1,
                )
        if not (form["state_id"] or form["territory"]):
            errors["territory"] = env._(
                "Give the territory served: the region or the municipalities."
            )
        if not form["schedule"]:
            errors["schedule"] = env._("Give the schedule of assistance.")
        if not form.get("help_form_ids"):
            errors["help_form_ids"] = env._(
                "Choose at least one form in which the organisation provides "
                "assistance."
            )
        if not form["accessibility"]:
            errors["accessibility"] = env._(
                "Describe the accessibility of the organisation's premises."
            )
        return errors

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _mgp_deadline_user(self):
        """The responsible specialist; never the portal user who filed it."""
        self.ensure_one()
        if self.user_id:
            return self.user_id
        return self.env.user if not self.env.user.share else self.env["res.users"]

    def _check_manager(self):
        if not self.env.user.has_group("mgp_base.group_manager"):
            raise UserError(
                self.env._("Only a manager can approve or reject an application.")
            )

    def _mgp_missing_for_approval(self):
        """What the application still lacks to be approved: the trained
        staff with the activities each employee may perform, and the order
        and conditions of assistance (territory, schedule, forms of
        assistance, accessibility of the premises)."""
        self.ensure_one()
        missing = []
        if not self.staff_ids:
            missing.append(self.env._("trained staff (at least one employee)"))
        else:
            without = self.staff_ids.filtered(lambda staff: not staff.activity_ids)
            if without:
                missing.append(
                    self.env._(
                        "the activities each employee may perform (%s)",
                        ", ".join(without.mapped("name")),
                    )
                )
        if not (self.territory_state_ids or (self.territory or "").strip()):
            missing.append(
                self.env._("the territory served (regions or municipalities)")
            )
        if not (self.schedule or "").strip():
            missing.append(self.env._("the schedule of assistance"))
        if not self.help_form_ids:
            missing.append(self.env._("the forms of assistance"))
        if not (self.accessibility or "").strip():
            missing.append(self.env._("the accessibility of the premises"))
        return missing

    def _mgp_check_approval_requirements(self):
        for application in self:
            missing = application._mgp_missing_for_approval()
            if missing:
                raise UserError(
                    self.env._(
                        "Application %(application)s cannot be approved: "
                        "missing %(missing)s.",
                        application=application.name,
                        missing="; ".join(missing),
                    )
                )

    def _lock_for_decision(self):
        """Lock the application row so that two decisions cannot overlap."""
        self.ensure_one()
        self.lock_for_update()
        self.invalidate_recordset(["state"])
        if self.state not in ("submitted", "review"):
            raise UserError(
                self.env._("Application %s is not awaiting a decision.", self.name)
            )

    def _check_registry_duplicate(self, partner):
        """Refuse to include a second organisation with the INN of one that
        is already known to the registry (e.g. a new representative who
        applied in the portal for an organisation of the registry)."""
        self.ensure_one()
        own_inn = "".join((partner.vat or "").split())
        if own_inn and own_inn != self.inn:
            raise UserError(
                self.env._(
                    "The INN %(inn)s of application %(application)s differs from "
                    "the INN %(own)s of the organisation %(name)s.",
                    inn=self.inn,
                    application=self.name,
                    own=own_inn,
                    name=partner.display_name,
                )
            )
        inn = partner.vat or self.inn
        duplicate = self.env["res.partner"].search(
            [
                ("id", "!=", partner.id),
                ("is_company", "=", True),
                ("vat", "=", inn),
                ("mgp_ngo_state", "!=", "none"),
            ],
            limit=1,
        )
        if duplicate:
            raise UserError(
                self.env._(
                    "The organisation %(name)s with the INN %(inn)s is already "
                    "known to the NGO registry: link application %(application)s "
                    "to it before approving.",
                    name=duplicate.display_name,
                    inn=inn,
                    application=self.name,
                )
            )

    def _mgp_ensure_partner(self):
        """The organisation of the application, found by INN or created."""
        self.ensure_one()
        if self.partner_id:
            return self.partner_id
        Partner = self.env["res.partner"]
        partner = Partner.search(
            [("is_company", "=", True), ("vat", "=", self.inn)], limit=1
        )
        if not partner:
            partner = Partner.create(self._prepare_new_partner_vals())
        self.partner_id = partner
        return partner

    def _prepare_new_partner_vals(self):
        self.ensure_one()
        return {
            "name": self.org_name,
            "is_company": True,
            "vat": self.inn,
            "company_registry": self.ogrn,
            "street": self.address,
            "phone": self.phone,
            "email": self.email,
            "country_id": self.env.ref("base.ru").id,
            "state_id": self.territory_state_ids[:1].id or self.company_id.state_id.id,
        }

    def _prepare_partner_vals(self):
        """Registry data copied to the organisation on approval."""
        self.ensure_one()
        partner = self.partner_id
        vals = {
            "mgp_ngo_activity_ids": [fields.Command.set(self.mgp_activity_ids.ids)],
            "mgp_ngo_conditions": self.conditions,
            "mgp_ngo_schedule": self.schedule,
            "mgp_ngo_help_form_ids": [fields.Command.set(self.help_form_ids.ids)],
            "mgp_ngo_accessibility": self.accessibility,
            "mgp_ngo_territory": self.territory,
            "mgp_ngo_capacity": self.capacity,
            "mgp_ngo_territory_state_ids": [
                fields.Command.set(self.territory_state_ids.ids)
            ],
            "mgp_ngo_staff_ids": [
                fields.Command.delete(staff.id) for staff in partner.mgp_ngo_staff_ids
            ]
            + [
                fields.Command.create(values)
                for values in self.staff_ids._mgp_prepare_copy_vals(partner)
            ],
        }
        if not partner.vat:
            vals["vat"] = self.inn
        if not partner.company_registry and self.ogrn:
            vals["company_registry"] = self.ogrn
        if not partner.state_id:
            vals["state_id"] = (
                self.territory_state_ids[:1].id or self.company_id.state_id.id
            )
        return vals

    def _notify_decision(self, template):
        """Send the decision to the organisation and log it in the chatter
        (the engine's one way to notify)."""
        self.ensure_one()
        return self._mgp_notify(template)

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Application %s", self.name)
