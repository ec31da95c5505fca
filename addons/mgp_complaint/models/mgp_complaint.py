# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.mgp_base.models.mgp_transition import Transition

STATES = [
    ("draft", "Draft"),
    ("registered", "Under review"),
    ("decided", "Decided"),
    ("answered", "Answered"),
]
# Seed 002 §5.1.2, plus the refusal of the service and «иное».
SUBJECTS = [
    ("registration_delay", "Missed deadline of registration"),
    ("service_delay", "Missed deadline of the service"),
    ("extra_documents", "Demand for documents the law does not require"),
    ("documents_refused", "Refusal to accept documents"),
    ("typo_refused", "Refusal to correct a typo or an error in an issued document"),
    ("typo_delay", "Missed deadline of the correction of a typo"),
    ("service_refused", "Refusal of the service (no need)"),
    ("other", "Other"),
]
# Seed 002 §5.1.3: these subjects are reviewed within 5 working days.
SHORT_SUBJECTS = ("documents_refused", "typo_refused", "typo_delay")
REVIEW_DEADLINES = ("complaint_review", "complaint_review_short")
CHANNELS = [
    ("portal", "Portal"),
    ("paper", "Paper, in person"),
    ("post", "Post"),
    ("email", "E-mail"),
    ("mfc", "MFC"),
    ("ministry", "Forwarded by the ministry"),
]
DECISIONS = [("upheld", "Upheld"), ("rejected", "Rejected")]
REMEDIES = [
    ("case_reopened", "The case is reopened"),
    ("document_corrected", "The issued document is corrected"),
    ("decision_reviewed", "The decision is reviewed"),
    ("documents_accepted", "The documents are accepted"),
    ("other", "Other remedy"),
]
# Groups that decide a complaint, by the body it is addressed to (§5.2).
REVIEWER_GROUPS = {
    "centre": "mgp_base.group_manager",
    "ministry": "mgp_base.group_admin",
}


class MgpComplaint(models.Model):
    """A pre-trial complaint (досудебная жалоба, seed 002 §5) about a
    decision, an action or an inaction of the centre in either service.

    The record it concerns is generic (``res_model`` + ``res_id``): a case of
    service 1, a workplace plan of service 2 or any other record of the suite.
    """

    _name = "mgp.complaint"
    _description = "Pre-trial Complaint"
    _inherit = [
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "mgp.case.mixin",
    ]
    _order = "date_registered desc, id desc"
    _mgp_number_code = "mgp.complaint"
    _mgp_protected_fields = (
        "name",
        "state",
        "date_registered",
        "decision",
        "decision_date",
        "decision_reasons",
        "remedy",
        "remedy_note",
        "decided_by_id",
        "answer_date",
    )
    _mgp_create_only_fields = ("company_id",)
    _mgp_transitions = {
        # the review term is 15 working days, 5 for a refused document or
        # correction (seed 002 §5.1.3): the code is chosen per complaint
        "action_register": Transition(
            ("draft",),
            "registered",
            group="mgp_base.group_specialist",
            open=REVIEW_DEADLINES,
            notice="mgp_complaint.mail_template_registered",
        ),
        # the head of the centre, or a regional administrator for a
        # complaint addressed to the ministry (checked in the action)
        "action_decide": Transition(
            ("registered",),
            "decided",
            group="mgp_base.group_manager",
            close=REVIEW_DEADLINES,
            open=("complaint_answer",),
            launchers=("action_open_decision_wizard",),
        ),
        "action_send_answer": Transition(
            ("decided",),
            "answered",
            group="mgp_base.group_specialist",
            close=("complaint_answer",),
            notice="mgp_complaint.mail_template_answer",
        ),
    }

    partner_id = fields.Many2one(
        string="Complainant", required=True, ondelete="restrict"
    )
    complainant_type = fields.Selection(
        [("citizen", "Citizen"), ("employer", "Employer")],
        required=True,
        default="citizen",
        tracking=True,
    )
    res_model = fields.Char(string="Concerned model", index=True, tracking=True)
    res_id = fields.Many2oneReference(
        string="Concerned record", model_field="res_model", index=True
    )
    res_name = fields.Char(string="Concerns", compute="_compute_res_name")
    subject = fields.Selection(SUBJECTS, required=True, tracking=True)
    description = fields.Text(string="Text of the complaint", required=True)
    attachment_ids = fields.Many2many("ir.attachment", string="Attachments", copy=False)
    channel = fields.Selection(
        CHANNELS, string="Received by", required=True, default="paper"
    )
    addressed_to = fields.Selection(
        [("centre", "Head of the centre"), ("ministry", "Ministry")],
        required=True,
        default="centre",
        tracking=True,
        help="A complaint addressed to the ministry is decided by a regional "
        "administrator, the others by the head of the centre (seed 002 §5.2).",
    )
    reviewer_id = fields.Many2one(
        "res.users",
        tracking=True,
        domain="[('share', '=', False)]",
    )
    review_term = fields.Selection(
        [("short", "5 working days"), ("standard", "15 working days")],
        compute="_compute_review_term",
        store=True,
    )
    state = fields.Selection(
        STATES, default="draft", required=True, tracking=True, index=True
    )
    date_registered = fields.Date(
        string="Registered on", tracking=True, copy=False, readonly=True
    )
    decision = fields.Selection(DECISIONS, tracking=True, copy=False, readonly=True)
    decision_date = fields.Date(tracking=True, copy=False, readonly=True)
    decision_reasons = fields.Text(string="Reasons", copy=False, readonly=True)
    remedy = fields.Selection(REMEDIES, tracking=True, copy=False, readonly=True)
    remedy_note = fields.Text(string="Remedy details", copy=False, readonly=True)
    decided_by_id = fields.Many2one(
        "res.users", string="Decided by", copy=False, readonly=True
    )
    correction_id = fields.Many2one(
        "mgp.document.correction",
        copy=False,
        help="The correction of the issued document that remedies an upheld "
        "complaint about a typo.",
    )
    answer_date = fields.Date(
        string="Answer sent on", tracking=True, copy=False, readonly=True
    )

    _name_company_uniq = models.Constraint(
        "UNIQUE(company_id, name)",
        "A complaint with this number exists in the centre.",
    )

    @api.depends("res_model", "res_id")
    def _compute_res_name(self):
        for complaint in self:
            record = complaint._mgp_concerned_record()
            # the name of the concerned record, whoever reads the complaint
            complaint.res_name = record.sudo().display_name if record else False

    @api.depends("subject")
    def _compute_review_term(self):
        for complaint in self:
            complaint.review_term = (
                "short" if complaint.subject in SHORT_SUBJECTS else "standard"
            )

    @api.constrains("res_model", "res_id")
    def _check_concerned_record(self):
        for complaint in self:
            model = complaint.res_model
            # a complaint concerns a record of the suite, nothing else
            if model and (model not in self.env or not model.startswith("mgp.")):
                raise ValidationError(self.env._("Unknown model %s.", model))

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for complaint in self:
            complaint.access_url = f"/my/complaint/{complaint.id}"
        return res

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_register(self, registration_date=None):
        """Register the complaint: the review deadline starts (15 working
        days, 5 for a refused document or correction — seed 002 §5.1.3)."""
        for complaint in self:
            registration_date = complaint._mgp_check_action_date(
                registration_date, label=self.env._("The registration")
            )
            complaint._mgp_transition(
                "action_register",
                {"date_registered": registration_date},
                date=registration_date,
            )
            complaint._mgp_log_on_concerned(
                self.env._(
                    "Complaint %(complaint)s registered: %(subject)s.",
                    complaint=complaint._get_html_link(),
                    subject=dict(
                        complaint._fields["subject"]._description_selection(self.env)
                    )[complaint.subject],
                )
            )
        return True

    def action_decide(
        self, decision, reasons, remedy=None, remedy_note=None, decision_date=None
    ):
        """Uphold or reject the complaint with its reasons; the reasoned
        answer is due the next working day."""
        self.ensure_one()
        # a complaint addressed to the ministry is decided there (§5.2)
        self._mgp_check_group(REVIEWER_GROUPS[self.addressed_to])
        if decision not in dict(DECISIONS):
            raise UserError(self.env._("Choose whether the complaint is upheld."))
        if not (reasons or "").strip():
            raise UserError(self.env._("Give the reasons of the decision."))
        if decision == "upheld" and not remedy:
            raise UserError(
                self.env._("Say how the violation is remedied (upheld complaint).")
            )
        decision_date = self._mgp_check_action_date(
            decision_date,
            after=[(self.date_registered, self.env._("the registration"))],
            label=self.env._("The decision"),
        )
        self._mgp_transition(
            "action_decide",
            {
                "decision": decision,
                "decision_date": decision_date,
                "decision_reasons": reasons.strip(),
                "remedy": remedy if decision == "upheld" else False,
                "remedy_note": (remedy_note or "").strip() or False,
                "decided_by_id": self.env.user.id,
            },
            date=decision_date,
        )
        self._mgp_log_on_concerned(
            self.env._(
                "Complaint %(complaint)s decided: %(decision)s.",
                complaint=self._get_html_link(),
                decision=dict(
                    self._fields["decision"]._description_selection(self.env)
                )[decision],
            )
        )
        return True

    def action_send_answer(self, answer_date=None):
        """Send the reasoned answer to the complainant (portal and e-mail)."""
        for complaint in self:
            answer_date = complaint._mgp_check_action_date(
                answer_date,
                after=[(complaint.decision_date, self.env._("the decision"))],
                label=self.env._("The answer"),
            )
            complaint._mgp_transition(
                "action_send_answer", {"answer_date": answer_date}, date=answer_date
            )
        return True

    def action_open_decision_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Decision on the complaint"),
            "res_model": "mgp.complaint.decision.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_complaint_id": self.id},
        }

    def action_open_concerned(self):
        self.ensure_one()
        record = self._mgp_concerned_record()
        if not record:
            return False
        return {
            "type": "ir.actions.act_window",
            "res_model": record._name,
            "res_id": record.id,
            "view_mode": "form",
        }

    # ------------------------------------------------------------------
    # Portal
    # ------------------------------------------------------------------
    @api.model
    def _mgp_complaint_target_domains(self, partner):
        """Records a portal user may complain about, by model: hook that
        each service (or a bridge addon) extends with its own records."""
        return {}

    @api.model
    def _mgp_portal_targets(self, partner):
        """The records of ``partner`` a complaint may concern."""
        targets = []
        for model, domain in self._mgp_complaint_target_domains(partner).items():
            if model in self.env:
                # the person's own records, read whatever the portal rules
                # show: a complaint may concern a refused case too
                targets.extend(self.env[model].sudo().search(domain, limit=100))
        return targets

    @api.model
    def _mgp_portal_file(self, target_ref, subject, description, files=()):
        """File a complaint from the portal for the current user.

        :param target_ref: ``"model,id"`` of a record of the user's own
        :param files: list of ``(filename, content)``
        :return: the registered complaint
        """
        user = self.env.user
        partner = user.partner_id
        errors = {}
        target = False
        model, _sep, res_id = (target_ref or "").partition(",")
        for record in self._mgp_portal_targets(partner):
            if record._name == model and str(record.id) == res_id:
                target = record
        if not target:
            errors["target"] = self.env._(
                "Choose one of your own cases or plans that the complaint concerns."
            )
        if subject not in dict(SUBJECTS):
            errors["subject"] = self.env._("Choose the subject of the complaint.")
        if not (description or "").strip():
            errors["description"] = self.env._("Write the text of the complaint.")
        Upload = self.env["mgp.upload"]
        for filename, content in files:
            try:
                Upload._check_upload(filename, content)
            except ValidationError as error:
                errors["attachments"] = error.args[0]
        if errors:
            raise MgpPortalError(errors)
        is_employer = partner.commercial_partner_id.is_company
        # the portal user files a complaint about a record of their own
        # (checked above); the register belongs to the centre
        complaint = (
            self.sudo()
            .with_company(target.company_id)
            ._mgp_engine_create(
                {
                    "partner_id": (
                        partner.commercial_partner_id if is_employer else partner
                    ).id,
                    "complainant_type": "employer" if is_employer else "citizen",
                    "res_model": target._name,
                    "res_id": target.id,
                    "subject": subject,
                    "description": description.strip(),
                    "channel": "portal",
                    "company_id": target.company_id.id,
                }
            )
        )
        complaint.message_subscribe(partner_ids=partner.ids)
        complaint.action_register()
        Upload._mgp_attach(complaint, list(files), field="attachment_ids")
        return complaint.with_env(self.env)

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _mgp_review_code(self):
        self.ensure_one()
        return (
            "complaint_review_short"
            if self.subject in SHORT_SUBJECTS
            else "complaint_review"
        )

    def _mgp_concerned_record(self):
        self.ensure_one()
        if not self.res_model or not self.res_id or self.res_model not in self.env:
            return False
        return self.env[self.res_model].browse(self.res_id).exists()

    def _mgp_log_on_concerned(self, body):
        """A note in the history of the case or plan the complaint concerns."""
        self.ensure_one()
        record = self._mgp_concerned_record()
        if record and hasattr(record, "message_post"):
            # the case's history records its complaints, whoever may write it
            record.sudo().message_post(body=body, subtype_xmlid="mail.mt_note")

    def _mgp_transition_deadline_codes(self, transition):
        """A registration opens the one review term of the subject."""
        close, cancel, to_open = super()._mgp_transition_deadline_codes(transition)
        if to_open == REVIEW_DEADLINES:
            to_open = (self._mgp_review_code(),)
        return close, cancel, to_open

    def _mgp_deadline_user(self):
        self.ensure_one()
        return self.reviewer_id or self.user_id or self.env.user

    def _mgp_portal_status(self):
        """Status shown to the complainant."""
        self.ensure_one()
        if self.state == "answered":
            return dict(self._fields["decision"]._description_selection(self.env))[
                self.decision
            ]
        return self._mgp_state_label(self.state)


class MgpPortalError(UserError):
    """Errors of a portal form, by field name (shown next to each field)."""

    def __init__(self, errors):
        self.errors = errors
        super().__init__("\n".join(errors.values()))
