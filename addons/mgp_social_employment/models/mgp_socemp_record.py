# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.mgp_base.models.mgp_today import centre_today
from odoo.addons.mgp_base.models.mgp_transition import Transition

STATES = [
    ("identified", "Identified"),
    ("informed", "Informed"),
    ("consented", "Consented"),
    ("receiving", "Receiving services"),
    ("ended", "Ended"),
]
OPEN_STATES = ("identified", "informed", "consented", "receiving")
# where the information about the need came from (003:81, 91, 99)
NEED_SOURCES = [
    ("ipra", "IPRA from the MSE bureau"),
    ("ministry", "Notice of the ministry"),
    ("mse", "Notice of the MSE bureau"),
    ("municipality", "Notice of a local government"),
    ("organisation", "Notice of an authorised organisation"),
    ("person", "The person's own application"),
]
CONSENT_FORMS = [
    ("paper", "Written, on paper"),
    ("electronic", "Electronic document"),
]
ORGANISATION = "mgp_social_employment.group_organisation"
# the documents the start of the services needs (003:105-108): the medical
# conclusion received and checked (mgp.document.requirement, data)
START_DOCUMENTS = "socemp_start"
MEDICAL_TYPE = "mgp_social_employment.mgp_document_type_socemp_medical"
MEDICAL_RESULTS = [
    ("none", "No medical contraindications"),
    ("contraindicated", "Medical contraindications"),
]


class MgpSocempRecord(models.Model):
    """A person in the register of the disabled persons given social
    employment services per their IPRA (003:77), kept by the authorised
    organisation that serves him.

    Social employment is with the person's consent (003:41): nothing starts
    without it and its withdrawal ends the record and stops the exchange of
    the record's documents. The person must be of working age (003:41; the
    bounds are the region's) and the medical conclusion must state no
    contraindications (003:108)."""

    _name = "mgp.socemp.record"
    _description = "Social Employment Register Record"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "mgp.case.mixin",
        "mgp.document.checklist.mixin",
    ]
    # the register is the region's sharing of the persons' data: its readers
    # need them whatever the centre (mgp_base: res.partner need to know)
    _mgp_person_data_shared = True
    _order = "id desc"
    _mgp_number_code = "mgp.socemp.record"
    _mgp_protected_fields = (
        "name",
        "state",
        "date_informed",
        "consent_date",
        "consent_form",
        "consent_scope",
        "consent_withdrawn_date",
        "date_start",
        "date_end",
        "end_reason_id",
        "end_note",
    )
    _mgp_create_only_fields = ("company_id", "partner_id", "organisation_id")
    # the register's path (003:41, 79, 108); the ministry acts as an
    # organisation (its group implies it)
    _mgp_transitions = {
        "action_inform": Transition(
            ("identified",), "informed", ORGANISATION, launchers=("action_open_wizard",)
        ),
        "action_consent": Transition(
            ("identified", "informed"),
            "consented",
            ORGANISATION,
            launchers=("action_open_wizard",),
        ),
        "action_start": Transition(
            ("consented",), "receiving", ORGANISATION, launchers=("action_open_wizard",)
        ),
        "action_withdraw_consent": Transition(
            ("consented", "receiving"),
            "ended",
            ORGANISATION,
            launchers=("action_open_wizard",),
        ),
        "action_end": Transition(
            OPEN_STATES, "ended", ORGANISATION, launchers=("action_open_wizard",)
        ),
    }

    partner_id = fields.Many2one(required=True)
    company_id = fields.Many2one(string="Organisation's company")
    organisation_id = fields.Many2one(
        "mgp.socemp.participant",
        string="Authorised organisation",
        required=True,
        index=True,
        tracking=True,
        domain=[("kind", "=", "organisation")],
    )
    state_id = fields.Many2one(
        "res.country.state",
        string="Region",
        related="organisation_id.state_id",
        store=True,
        index=True,
    )
    municipality_id = fields.Many2one(
        "mgp.socemp.participant",
        domain=[("kind", "=", "municipality")],
        tracking=True,
        help="The local government of the person's place of residence.",
    )
    date_identified = fields.Date(
        string="Identified on",
        required=True,
        default=centre_today,
        tracking=True,
    )
    need_source = fields.Selection(
        NEED_SOURCES,
        string="Need known from",
        required=True,
        default="ipra",
        tracking=True,
    )
    need_notice_id = fields.Many2one(
        "mgp.socemp.notice", string="Need notice", index=True, tracking=True
    )
    ipra_recommendation = fields.Text(
        string="IPRA recommendation",
        help="What the IPRA recommends on social employment.",
    )
    date_informed = fields.Date(string="Informed on", tracking=True)
    consent_date = fields.Date(tracking=True)
    consent_form = fields.Selection(CONSENT_FORMS, tracking=True)
    consent_scope = fields.Text(
        tracking=True,
        help="What the person agrees to: the services and the exchange of "
        "his documents between the participants.",
    )
    consent_withdrawn_date = fields.Date(string="Consent withdrawn on", tracking=True)
    medical_date = fields.Date(string="Medical conclusion of", tracking=True)
    medical_organisation = fields.Char(string="Medical organisation")
    medical_number = fields.Char(string="Conclusion number")
    medical_result = fields.Selection(
        MEDICAL_RESULTS, string="Medical conclusion", tracking=True
    )
    date_start = fields.Date(string="Services from", tracking=True)
    date_end = fields.Date(string="Ended on", tracking=True)
    end_reason_id = fields.Many2one(
        "mgp.socemp.end.reason", string="End reason", tracking=True
    )
    end_note = fields.Text()
    line_ids = fields.One2many(
        "mgp.socemp.record.line", "record_id", string="Services given"
    )
    document_ids = fields.One2many(
        "mgp.socemp.document", "record_id", string="Documents exchanged"
    )
    request_ids = fields.One2many(
        "mgp.mse.request",
        "res_id",
        string="Requests",
        domain=lambda self: [("res_model", "=", self._name)],
        readonly=True,
    )
    request_count = fields.Integer(compute="_compute_request_count")
    exchange_allowed = fields.Boolean(
        compute="_compute_exchange_allowed",
        help="The person's consent is given and not withdrawn: documents may "
        "be exchanged.",
    )
    state = fields.Selection(
        STATES, required=True, default="identified", tracking=True, index=True
    )

    _name_company_uniq = models.Constraint(
        "UNIQUE(company_id, name)", "A record with this number exists."
    )

    @api.depends("request_ids")
    def _compute_request_count(self):
        for record in self:
            record.request_count = len(record.request_ids)

    @api.depends("consent_date", "consent_withdrawn_date", "state")
    def _compute_exchange_allowed(self):
        for record in self:
            record.exchange_allowed = record._mgp_exchange_allowed()

    @api.constrains("medical_date", "date_identified")
    def _check_medical_date(self):
        today = centre_today(self)
        for record in self:
            if record.medical_date and record.medical_date > today:
                raise ValidationError(
                    self.env._("The medical conclusion cannot be dated in the future.")
                )

    @api.constrains("partner_id", "organisation_id", "state")
    def _check_one_open(self):
        for record in self.filtered(lambda r: r.state in OPEN_STATES):
            # one open record per person and organisation, whoever reads it
            other = self.sudo().search(
                [
                    ("partner_id", "=", record.partner_id.id),
                    ("organisation_id", "=", record.organisation_id.id),
                    ("state", "in", OPEN_STATES),
                    ("id", "!=", record.id),
                ],
                limit=1,
            )
            if other:
                raise ValidationError(
                    self.env._(
                        "%(person)s already has an open record %(number)s in "
                        "this organisation.",
                        person=record.partner_id.name,
                        number=other.name,
                    )
                )

    @api.constrains("organisation_id")
    def _check_organisation(self):
        for record in self:
            if record.organisation_id.kind != "organisation":
                raise ValidationError(
                    self.env._(
                        "Records are kept by an authorised organisation, not by %s.",
                        record.organisation_id.name,
                    )
                )

    @api.model
    def _mgp_prepare_create_vals(self, vals_list):
        Participant = self.env["mgp.socemp.participant"]
        for vals in vals_list:
            # the record lives in the organisation's own company
            company = Participant.browse(vals.get("organisation_id")).company_id
            if company and not vals.get("company_id"):
                vals["company_id"] = company.id
        return super()._mgp_prepare_create_vals(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(
            self.env._("A record of the register is never deleted: end it instead.")
        )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_inform(self, inform_date=None):
        """The person (or his representative) is informed of the services
        (003:79, 89, 97)."""
        self.ensure_one()
        inform_date = self._mgp_check_action_date(
            inform_date,
            after=[(self.date_identified, self.env._("the identification"))],
            label=self.env._("The information of the person"),
        )
        self._mgp_transition("action_inform", {"date_informed": inform_date})
        return True

    def action_consent(self, consent_date, consent_form="paper", scope=None):
        """Register the person's consent to social employment (003:41)."""
        self.ensure_one()
        if not consent_date:
            raise UserError(self.env._("Give the date of the person's consent."))
        if consent_form not in dict(CONSENT_FORMS):
            raise UserError(self.env._("Choose the form of the consent."))
        consent_date = self._mgp_check_action_date(
            consent_date,
            after=[
                (self.date_identified, self.env._("the identification")),
                (self.date_informed, self.env._("the information of the person")),
            ],
            label=self.env._("The consent"),
        )
        self._mgp_check_working_age(consent_date)
        self._mgp_transition(
            "action_consent",
            {
                "consent_date": consent_date,
                "consent_form": consent_form,
                "consent_scope": scope
                or self.env._(
                    "Social employment services and the exchange of the "
                    "documents they need between the participants."
                ),
            },
        )
        return True

    def action_start(self, start_date=None):
        """The organisation starts giving services: only with a consent not
        withdrawn, to a person of working age whose medical conclusion states
        no contraindications."""
        self.ensure_one()
        start_date = self._mgp_check_action_date(
            start_date,
            after=[(self.consent_date, self.env._("the consent"))],
            label=self.env._("The start of the services"),
        )
        self._mgp_check_consent()
        self._mgp_check_working_age(start_date)
        self._mgp_check_medical()
        self._mgp_check_documents(START_DOCUMENTS)
        self._mgp_transition("action_start", {"date_start": start_date})
        return True

    def action_withdraw_consent(self, withdrawn_date=None):
        """The person withdraws his consent: the record ends and the exchange
        of its documents stops."""
        self.ensure_one()
        withdrawn_date = self._mgp_check_action_date(
            withdrawn_date,
            after=[(self.consent_date, self.env._("the consent"))],
            label=self.env._("The withdrawal of the consent"),
        )
        return self._mgp_end(
            "action_withdraw_consent", "withdrawn", withdrawn_date, withdrawn=True
        )

    def action_end(self, reason, end_date=None, note=None):
        """End the record with ``reason`` (a code of the catalogue —
        ``withdrawn``, ``contraindication``, ``moved``, ``other`` — or a
        reason record)."""
        self.ensure_one()
        reason = self.env["mgp.socemp.end.reason"]._mgp_get(reason)
        end_date = self._mgp_check_action_date(
            end_date,
            after=[
                (self.date_identified, self.env._("the identification")),
                (self.date_start, self.env._("the start of the services")),
            ],
            label=self.env._("The end of the record"),
        )
        withdrawn = reason.code == "withdrawn" and bool(self.consent_date)
        return self._mgp_end(
            "action_end", reason, end_date, note=note, withdrawn=withdrawn
        )

    def action_open_requests(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Requests"),
            "res_model": "mgp.mse.request",
            "view_mode": "list,form",
            "domain": [("res_model", "=", self._name), ("res_id", "=", self.id)],
            "context": {"create": False},
        }

    def action_open_wizard(self):
        """Open the wizard of the action named by the button's context."""
        self.ensure_one()
        kind = self.env.context.get("mgp_socemp_action")
        return self.env["mgp.socemp.action.wizard"]._mgp_open(self, kind)

    def action_open_request_wizard(self):
        self.ensure_one()
        return self.env["mgp.socemp.request.wizard"]._mgp_open(self)

    # ------------------------------------------------------------------
    # Business helpers
    # ------------------------------------------------------------------
    def _mgp_end(self, transition, reason, end_date, note=None, withdrawn=False):
        reason = self.env["mgp.socemp.end.reason"]._mgp_get(reason)
        vals = {
            "date_end": end_date,
            "end_reason_id": reason.id,
            "end_note": note or False,
        }
        if withdrawn:
            vals["consent_withdrawn_date"] = end_date
        self._mgp_transition(transition, vals, date=end_date)
        self._mgp_stop_exchange()
        self.line_ids.filtered(lambda line: not line.date_end)._mgp_close(end_date)
        self.message_post(
            body=self.env._(
                "The record ended on %(date)s: %(reason)s.",
                date=end_date.strftime("%d.%m.%Y"),
                reason=reason.name,
            )
        )
        return True

    def _mgp_stop_exchange(self):
        """Cancel the record's requests still waiting: no more documents of
        an ended record go between the participants."""
        requests = self.request_ids.filtered(lambda r: r.state in ("draft", "sent"))
        if requests:
            requests._mgp_socemp_stop()
        return requests

    def _mgp_exchange_allowed(self):
        self.ensure_one()
        return bool(
            self.consent_date
            and not self.consent_withdrawn_date
            and self.state in ("consented", "receiving")
        )

    def _mgp_check_exchange(self):
        """Refuse an exchange of the record's documents without consent."""
        for record in self:
            if not record._mgp_exchange_allowed():
                raise UserError(
                    self.env._(
                        "No document of %(record)s may be exchanged: the "
                        "person's consent is not given, withdrawn or the "
                        "record has ended.",
                        record=record.display_name,
                    )
                )
        return True

    def _mgp_check_consent(self):
        self.ensure_one()
        if not self.consent_date or self.consent_withdrawn_date:
            raise UserError(
                self.env._(
                    "Social employment is given only with the person's consent "
                    "(not withdrawn)."
                )
            )

    def _mgp_check_medical(self):
        self.ensure_one()
        if not self.medical_date or not self.medical_result:
            raise UserError(
                self.env._(
                    "Record the medical conclusion on the state of health "
                    "before the services start."
                )
            )
        if self.medical_result == "contraindicated":
            raise UserError(
                self.env._(
                    "The medical conclusion states contraindications to social "
                    "employment: the services cannot start."
                )
            )

    def _mgp_age_on(self, on_date):
        """The person's age in full years on ``on_date`` (None: unknown)."""
        self.ensure_one()
        # the check needs the birth date, whatever the reader may see
        birth_date = self.partner_id.sudo().mgp_birth_date
        if not birth_date:
            return None
        return relativedelta(on_date, birth_date).years

    def _mgp_check_working_age(self, on_date):
        """Refuse a person out of the region's working age on ``on_date``."""
        self.ensure_one()
        age = self._mgp_age_on(on_date)
        if age is None:
            raise UserError(
                self.env._(
                    "Record the birth date of %s: social employment is for "
                    "persons of working age.",
                    self.partner_id.name,
                )
            )
        state = self.state_id or self.company_id.state_id
        youngest, oldest = state._mgp_socemp_age_bounds(on_date)
        if not youngest <= age <= oldest:
            raise UserError(
                self.env._(
                    "%(person)s is %(age)s years old on %(date)s: social "
                    "employment is for persons of working age (%(min)s to "
                    "%(max)s years in the region).",
                    person=self.partner_id.name,
                    age=age,
                    date=on_date.strftime("%d.%m.%Y"),
                    min=youngest,
                    max=oldest,
                )
            )

    def _mgp_request_vals(self, participant, subject, direction):
        self.ensure_one()
        if not isinstance(participant, models.BaseModel):
            participant = self.env["mgp.socemp.participant"].browse(participant)
        own = self.organisation_id
        return {
            "partner_id": self.partner_id.id,
            "res_model": self._name,
            "res_id": self.id,
            "request_type": "socemp",
            "direction": direction,
            "company_id": self.company_id.id,
            "user_id": self.env.user.id,
            "socemp_sender_id": (own if direction == "outgoing" else participant).id,
            "socemp_addressee_id": (participant if direction == "outgoing" else own).id,
            "bureau": participant.name,
            "subject": subject,
            "channel": {"paper": "post"}.get(participant.channel, participant.channel),
        }

    def _mgp_request_create(self, addressee, subject, need_date=None):
        """The organisation requests missing information from ``addressee``
        (003:110): to be prepared and sent within 5 working days of
        ``need_date``."""
        self.ensure_one()
        self._mgp_check_exchange()
        need_date = self._mgp_check_action_date(
            need_date, label=self.env._("The need for the information")
        )
        vals = self._mgp_request_vals(addressee, subject, "outgoing")
        vals["date_info_received"] = need_date
        return self._mgp_request_model()._mgp_engine_create(vals)

    def _mgp_request_receive(self, sender, subject, date_received=None):
        """A participant's request received by the organisation (003:112,
        114): answered within 5 working days of receipt, or a «cannot
        answer» notice within 3."""
        self.ensure_one()
        self._mgp_check_exchange()
        date_received = self._mgp_check_action_date(
            date_received, label=self.env._("The receipt of the request")
        )
        vals = self._mgp_request_vals(sender, subject, "incoming")
        vals["date_received"] = date_received
        return self._mgp_request_model()._mgp_engine_create(vals)

    def _mgp_request_model(self):
        """The request register in a context without the caller's
        ``default_`` keys: what the request records is this action's."""
        context = {
            key: value
            for key, value in self.env.context.items()
            if not key.startswith("default_")
        }
        return self.env["mgp.mse.request"].with_env(self.env(context=context))

    def _mgp_state_id(self):
        self.ensure_one()
        return (self.state_id or self.company_id.state_id).id
