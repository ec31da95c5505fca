# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.mgp_base.models.mgp_transition import Transition

from .mgp_programme_dialog import without_defaults

SPECIALIST = "mgp_base.group_specialist"

CHANNELS = [
    ("portal", "Portal"),
    ("paper", "On paper, in person"),
    ("post", "By post"),
    ("email", "By e-mail"),
]
# seed 004:105: «несоблюдение работодателем порядка, условий предоставления
# субсидии, неполное представление документов, указание недостоверных сведений»
REFUSAL_REASONS = [
    ("conditions", "The order or the conditions of the subsidy are not met"),
    ("documents", "The documents are incomplete"),
    ("false_data", "The application gives false data"),
]


class MgpSubsidyCostKind(models.Model):
    """What a subsidy may pay for (seed 004:83–86)."""

    _name = "mgp.subsidy.cost.kind"
    _description = "Kind of Workplace Costs"
    _inherit = ["mgp.programme.catalogue.mixin"]

    legal_source = fields.Char()
    ipra_required = fields.Boolean(
        string="Needs an IPRA recommendation",
        help="E.g. a home workplace: only when the IPRA recommends home work "
        "(seed 004:86).",
    )


class MgpSubsidyApplication(models.Model):
    """An employer's application for a subsidy for equipping workplaces for
    disabled people (seed 004 §4): documents (004:96–103), conditions
    (004:88–92), the decision (004:104–105) within the review term."""

    _name = "mgp.subsidy.application"
    _description = "Workplace Subsidy Application"
    _inherit = ["mgp.programme.employer.mixin"]
    _order = "priority desc, date_received desc, id desc"
    _mgp_number_code = "mgp.subsidy.application"
    _mgp_portal_path = "/my/subsidy"
    _mgp_protected_fields = (
        "date_received",
        "decision_date",
        "refusal_reason",
        "agreement_id",
    )
    # the review term runs from the receipt to the decision (seed
    # 004:104); an application filed in the portal is registered by the
    # engine for the employer's representative
    _mgp_transitions = {
        "action_submit": Transition(
            ("draft",), "submitted", SPECIALIST, open=("subsidy_review",)
        ),
        "action_grant": Transition(
            ("submitted",), "granted", SPECIALIST, close=("subsidy_review",)
        ),
        "action_refuse": Transition(
            ("submitted",),
            "refused",
            SPECIALIST,
            close=("subsidy_review",),
            notice="mgp_employer_programmes.mail_template_subsidy_refused",
            launchers=("action_mgp_dialog",),
        ),
    }

    channel = fields.Selection(CHANNELS, required=True, default="paper")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Under review"),
            ("granted", "Granted"),
            ("refused", "Refused"),
        ],
        required=True,
        default="draft",
        tracking=True,
        index=True,
    )
    date_received = fields.Date(string="Received", tracking=True)
    cost_kind_ids = fields.Many2many(
        "mgp.subsidy.cost.kind", string="Kinds of costs", required=False
    )
    workplace_count = fields.Integer(string="Workplaces", default=1)
    amount_requested = fields.Monetary(string="Costs planned")
    works_description = fields.Text(
        string="Preliminary list of works and equipment",
        help="The feasibility study of the costs (seed 004:102).",
    )
    home_work_ipra = fields.Boolean(
        string="Home work recommended by the IPRA",
        help="A home workplace is paid only when the IPRA recommends home "
        "work (seed 004:86).",
    )
    quota_employer = fields.Boolean(
        string="Subject to the quota",
        tracking=True,
        help="Employers subject to the quota have priority (seed 004:93).",
    )
    priority = fields.Selection(
        [("0", "Normal"), ("1", "Priority")],
        compute="_compute_priority",
        store=True,
    )
    # conditions (seed 004:88–92)
    cond_no_tax_debt = fields.Boolean(
        string="No tax debt, no card file No. 2",
        help="Seed 004:88: no arrears of taxes, fees and other obligatory "
        "payments, no debts to be written off without the employer's order.",
    )
    cond_no_liquidation = fields.Boolean(
        string="No liquidation, bankruptcy or staff cut",
        help="Seed 004:89.",
    )
    cond_candidates = fields.Boolean(
        string="Disabled job seekers fit the employer's needs",
        help="Seed 004:104: the centre has unemployed disabled people who "
        "meet the employer's needs.",
    )
    decision_date = fields.Date(tracking=True)
    refusal_reason = fields.Selection(REFUSAL_REASONS, tracking=True)
    refusal_note = fields.Text(string="Refusal details")
    agreement_id = fields.Many2one("mgp.subsidy.agreement", readonly=True, copy=False)
    review_due = fields.Date(
        string="Decision due", compute="_compute_review_due", store=False
    )

    _name_company_uniq = models.Constraint(
        "UNIQUE(company_id, name)", "An application with this number exists."
    )

    @api.depends("quota_employer")
    def _compute_priority(self):
        for application in self:
            application.priority = "1" if application.quota_employer else "0"

    @api.depends("deadline_ids.date_due")
    def _compute_review_due(self):
        for application in self:
            deadline = application.deadline_ids.filtered(
                lambda d: d.code == "subsidy_review"
            )[-1:]
            application.review_due = deadline.date_due

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_submit(self, date_received=None):
        """Register the application: the review term starts."""
        self.ensure_one()
        self._mgp_step(
            "action_submit",
            date_received,
            lambda day: {"date_received": day},
            label=self.env._("The receipt of the application"),
        )
        return True

    def action_grant(self, decision_date=None):
        """Grant the subsidy (seed 004:104): the agreement is drafted."""
        self.ensure_one()
        self._mgp_check_documents("subsidy_application")
        self._mgp_check_conditions()
        Agreement = without_defaults(self.env["mgp.subsidy.agreement"])
        self._mgp_step(
            "action_grant",
            decision_date,
            lambda day: {
                "decision_date": day,
                "agreement_id": Agreement._mgp_engine_create(
                    self._mgp_prepare_agreement_vals()
                ).id,
            },
            after=[(self.date_received, self.env._("the receipt"))],
            label=self.env._("The decision"),
        )
        agreement = self.agreement_id
        self.message_post(
            body=self.env._(
                "The subsidy is granted: agreement %s drafted.", agreement.name
            ),
            partner_ids=self.employer_id.ids if self.employer_id.email else [],
            subtype_xmlid="mail.mt_comment",
        )
        return agreement

    def action_refuse(self, reason, note=None, decision_date=None):
        """Refuse with the written notice of the reason (seed 004:105)."""
        self.ensure_one()
        if reason not in dict(REFUSAL_REASONS):
            raise UserError(self.env._("Give the reason of the refusal."))
        self._mgp_step(
            "action_refuse",
            decision_date,
            lambda day: {
                "decision_date": day,
                "refusal_reason": reason,
                "refusal_note": note or False,
            },
            after=[(self.date_received, self.env._("the receipt"))],
            label=self.env._("The decision"),
        )
        return True

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _mgp_check_conditions(self):
        self.ensure_one()
        missing = [
            self._fields[name].get_description(self.env)["string"]
            for name in self._mgp_condition_fields()
            if not self[name]
        ]
        if missing:
            raise UserError(
                self.env._(
                    "The conditions of the subsidy are not confirmed: %s "
                    "(seed 004:88–92).",
                    "; ".join(missing),
                )
            )
        ipra_kinds = self.cost_kind_ids.filtered("ipra_required")
        if ipra_kinds and not self.home_work_ipra:
            raise UserError(
                self.env._(
                    "%s is paid only when the IPRA recommends home work (seed 004:86).",
                    ", ".join(ipra_kinds.mapped("name")),
                )
            )

    def _mgp_condition_fields(self):
        """Hook: the boolean conditions checked before a grant."""
        return ["cond_no_tax_debt", "cond_no_liquidation", "cond_candidates"]

    def _mgp_prepare_agreement_vals(self):
        self.ensure_one()
        return {
            "employer_id": self.employer_id.id,
            "company_id": self.company_id.id,
            "application_id": self.id,
            "user_id": (self.user_id or self.env.user).id,
        }

    @api.model
    def _mgp_portal_apply(self, vals, files=()):
        """An application filed by an employer's representative in the
        portal, submitted at once.

        :param vals: cost_kind_ids (ids), workplace_count, amount_requested,
            works_description, home_work_ipra, company_id (the centre)
        :param files: pairs (file name, content)
        """
        user = self.env.user
        employer = user._mgp_portal_organisation()
        if not employer:
            raise UserError(
                self.env._("Only the representative of an employer may apply.")
            )
        Upload = self.env["mgp.upload"]
        files = list(files)
        for name, content in files:
            Upload._check_upload(name, content)
        company = self.env["res.company"].sudo().browse(vals.get("company_id"))
        if not company.exists():
            raise UserError(self.env._("Choose the employment centre."))
        kinds = (
            self.env["mgp.subsidy.cost.kind"]
            .sudo()
            .browse(vals.get("cost_kind_ids") or [])
            .exists()
        )
        if not kinds:
            raise UserError(self.env._("Choose at least one kind of costs."))
        # a portal user may not create the centre's records: the engine
        # registers the application of the user's own organisation
        application = without_defaults(self.sudo())._mgp_engine_create(
            {
                "employer_id": employer.id,
                "partner_id": user.partner_id.id,
                "company_id": company.id,
                "channel": "portal",
                "cost_kind_ids": [(6, 0, kinds.ids)],
                "workplace_count": max(int(vals.get("workplace_count") or 1), 1),
                "amount_requested": float(vals.get("amount_requested") or 0.0),
                "works_description": vals.get("works_description") or False,
                "home_work_ipra": bool(vals.get("home_work_ipra")),
            }
        )
        Upload._mgp_attach(application, files)
        application.action_submit()
        return application.with_env(self.env)

    def action_open_agreement(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "mgp.subsidy.agreement",
            "res_id": self.agreement_id.id,
            "view_mode": "form",
        }

    # ------------------------------------------------------------------
    # Portal
    # ------------------------------------------------------------------
    @api.model
    def _mgp_portal_document_types(self):
        # the list of documents is public information for the form
        return (
            self.env["mgp.document.requirement"]
            .sudo()
            ._mgp_for(self._name, "subsidy_application")
            .type_id
        )

    @api.model
    def _mgp_portal_apply_errors(self, vals):
        """What is wrong in an application typed in the portal, per field."""
        errors = {}
        if vals.get("company_id") not in self._mgp_portal_companies().ids:
            errors["company_id"] = self.env._(
                "Choose an employment centre from the list."
            )
        if not vals.get("cost_kind_ids"):
            errors["cost_kind_ids"] = self.env._("Choose at least one kind of costs.")
        for name, label in (
            ("workplace_count", self.env._("the number of workplaces")),
            ("amount_requested", self.env._("the planned costs")),
        ):
            self._mgp_portal_positive(vals, name, label, errors)
        if not vals.get("works_description"):
            errors["works_description"] = self.env._(
                "Give the preliminary list of works and equipment."
            )
        return errors

    def _mgp_portal_figures(self):
        """What the employer's page shows of the application and its
        agreement: states, documents missing, amounts, monitoring."""
        self.ensure_one()
        self.check_access("read")
        # the employer reads its own application; the checklist, the
        # deadline and the agreement are the centre's records about it
        application = self.sudo()
        agreement = application.agreement_id
        return {
            "centre": application.company_id.name,
            "review_due": application.review_due,
            "missing": application._mgp_missing_document_names(),
            "agreement": agreement
            and {
                "name": agreement.name,
                "url": agreement.access_url,
                "state": agreement._mgp_state_text(),
                "amount": agreement.amount_total,
                "retention_end": agreement.retention_end,
                "refund": agreement.refund_amount,
                "workplaces": [
                    {
                        "name": workplace.name,
                        "amount": workplace.amount,
                        "retention_end": workplace.retention_end,
                    }
                    for workplace in agreement.workplace_ids
                ],
            },
        }
