# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.mgp_base.models.mgp_today import centre_today
from odoo.addons.mgp_base.models.mgp_transition import Transition

SPECIALIST = "mgp_base.group_specialist"
MANAGER = "mgp_base.group_manager"

REFUND_STATES = [
    ("none", "No refund"),
    ("due", "Refund due"),
    ("claimed", "Claimed"),
    ("repaid", "Repaid"),
]


class MgpSubsidyAgreement(models.Model):
    """The agreement on a subsidy for equipping workplaces (seed 004:90):
    the amount is the actual costs, at most the regional ceiling per
    workplace (004:106), within the year's budget limit; the workplaces are
    monitored for 12 months; a refund proportional to the period of
    employment is claimed when a condition is broken (004:115–121)."""

    _name = "mgp.subsidy.agreement"
    _description = "Workplace Subsidy Agreement"
    _inherit = ["mgp.programme.employer.mixin"]
    _order = "id desc"
    _mgp_number_code = "mgp.subsidy.agreement"
    _mgp_portal_path = "/my/subsidy/agreement"
    _mgp_protected_fields = (
        "application_id",
        "date_signed",
        "date_paid",
        "date_closed",
        "budget_id",
        "claim_date",
        "claim_amount",
        "repaid_amount",
        "repaid_date",
    )
    # the refund is claimed and repaid while the workplaces are monitored
    # and after the closure (seed 004:115–121)
    _mgp_transitions = {
        "action_sign": Transition(("draft",), "signed", SPECIALIST),
        "action_pay": Transition(("signed",), "paid", MANAGER),
        "action_cancel": Transition(("draft", "signed"), "cancelled", MANAGER),
        "action_claim_refund": Transition(("paid", "closed"), group=SPECIALIST),
        "action_record_repayment": Transition(
            ("paid", "closed"), group=SPECIALIST, launchers=("action_mgp_dialog",)
        ),
        "action_close": Transition(("paid",), "closed", SPECIALIST),
    }

    application_id = fields.Many2one(
        "mgp.subsidy.application", readonly=True, index=True
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("signed", "Signed"),
            ("paid", "Paid, monitoring"),
            ("closed", "Closed"),
            ("cancelled", "Cancelled"),
        ],
        required=True,
        default="draft",
        tracking=True,
        index=True,
    )
    workplace_ids = fields.One2many(
        "mgp.subsidy.workplace", "agreement_id", string="Workplaces", copy=False
    )
    amount_total = fields.Monetary(
        string="Subsidy", compute="_compute_amount_total", store=True
    )
    date_signed = fields.Date(string="Signed on", tracking=True)
    date_paid = fields.Date(string="Paid on", tracking=True)
    date_closed = fields.Date(string="Closed on", tracking=True)
    budget_id = fields.Many2one(
        "mgp.subsidy.budget", string="Budget limit", readonly=True, index=True
    )
    budget_left = fields.Monetary(related="budget_id.amount_left", string="Limit left")
    retention_end = fields.Date(
        string="Monitoring until", compute="_compute_refund", store=True
    )
    refund_amount = fields.Monetary(
        string="Refund due", compute="_compute_refund", store=True
    )
    refund_state = fields.Selection(
        REFUND_STATES, compute="_compute_refund_state", store=True, tracking=True
    )
    claim_date = fields.Date(string="Claim sent on", tracking=True)
    claim_amount = fields.Monetary(string="Amount claimed", tracking=True)
    repaid_amount = fields.Monetary(tracking=True)
    repaid_date = fields.Date(tracking=True)
    inspection_ids = fields.One2many(
        "mgp.subsidy.inspection", "agreement_id", string="Inspections"
    )

    _name_company_uniq = models.Constraint(
        "UNIQUE(company_id, name)", "An agreement with this number exists."
    )

    @api.depends("workplace_ids.amount")
    def _compute_amount_total(self):
        for agreement in self:
            agreement.amount_total = sum(agreement.workplace_ids.mapped("amount"))

    @api.depends("workplace_ids.refund_amount", "workplace_ids.retention_end")
    def _compute_refund(self):
        for agreement in self:
            agreement.refund_amount = sum(
                agreement.workplace_ids.mapped("refund_amount")
            )
            ends = agreement.workplace_ids.filtered("retention_end")
            agreement.retention_end = max(ends.mapped("retention_end"), default=False)

    @api.depends("refund_amount", "claim_date", "repaid_amount", "claim_amount")
    def _compute_refund_state(self):
        for agreement in self:
            currency = agreement.currency_id
            if (
                agreement.claim_date
                and currency.compare_amounts(
                    agreement.repaid_amount, agreement.claim_amount
                )
                >= 0
            ):
                agreement.refund_state = "repaid"
            elif agreement.claim_date:
                agreement.refund_state = "claimed"
            elif currency.compare_amounts(agreement.refund_amount, 0) > 0:
                agreement.refund_state = "due"
            else:
                agreement.refund_state = "none"

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_sign(self, sign_date=None):
        """Sign: every workplace within the ceiling, the total within what is
        left of the year's limit (committed under the limit's row lock)."""
        self.ensure_one()
        if not self.workplace_ids:
            raise UserError(self.env._("Add the workplaces the subsidy equips."))
        self._mgp_step(
            "action_sign",
            sign_date,
            lambda day: {
                "date_signed": day,
                "budget_id": self._mgp_commit_budget(day).id,
            },
            after=[(self.application_id.decision_date, self.env._("the grant"))],
            label=self.env._("The signature"),
        )
        self.budget_id.invalidate_recordset(["amount_used", "amount_left"])
        return True

    def action_pay(self, pay_date=None):
        """The subsidy is transferred; monitoring runs from each hire."""
        self.ensure_one()
        self._mgp_step(
            "action_pay",
            pay_date,
            lambda day: {"date_paid": day},
            after=[(self.date_signed, self.env._("the signature"))],
            label=self.env._("The payment"),
        )
        return True

    def action_cancel(self):
        """An agreement not yet paid is cancelled (its limit is released)."""
        self.ensure_one()
        self._mgp_transition("action_cancel")
        self.budget_id.invalidate_recordset(["amount_used", "amount_left"])
        return True

    def action_claim_refund(self, claim_date=None):
        """Send the claim letter for the refund due (seed 004:115)."""
        self.ensure_one()
        if self.refund_state != "due":
            raise UserError(self.env._("No refund is due under this agreement."))
        self._mgp_step(
            "action_claim_refund",
            claim_date,
            lambda day: {"claim_date": day, "claim_amount": self.refund_amount},
            after=[(self.date_paid, self.env._("the payment"))],
            label=self.env._("The claim"),
        )
        self.message_post(
            body=self.env._("Refund of %.2f claimed.", self.claim_amount),
            subtype_xmlid="mail.mt_note",
        )
        return self.env.ref(
            "mgp_employer_programmes.action_report_subsidy_claim"
        ).report_action(self)

    def action_record_repayment(self, amount, repaid_date=None):
        """Record what the employer paid back."""
        self.ensure_one()
        if not self.claim_date:
            raise UserError(self.env._("No refund was claimed under this agreement."))
        if amount <= 0:
            raise UserError(self.env._("The repaid amount must be positive."))
        self._mgp_step(
            "action_record_repayment",
            repaid_date,
            lambda day: {
                "repaid_amount": self.repaid_amount + amount,
                "repaid_date": day,
            },
            after=[(self.claim_date, self.env._("the claim"))],
            label=self.env._("The repayment"),
        )
        return True

    def action_close(self, close_date=None):
        """Close after the monitoring: targeted use proven (004:108–110),
        every workplace kept or its refund repaid."""
        self.ensure_one()
        close_date = self._mgp_check_action_date(
            close_date, label=self.env._("The closure")
        )
        self._mgp_check_documents("subsidy_use")
        if self.refund_state in ("due", "claimed"):
            raise UserError(self.env._("The refund is not repaid yet."))
        running = self.workplace_ids.filtered(
            lambda w: (
                not w.refund_amount
                and (not w.retention_end or w.retention_end > close_date)
            )
        )
        if running:
            raise UserError(
                self.env._(
                    "The monitoring of %s is not over.",
                    ", ".join(running.mapped("display_name")),
                )
            )
        self._mgp_step("action_close", close_date, {"date_closed": close_date})
        return True

    def _mgp_commit_budget(self, sign_date):
        """Every workplace within the ceiling in force, the total committed
        to the year's limit (under its row lock)."""
        self.workplace_ids._mgp_check_ceiling(sign_date)
        return self.env["mgp.subsidy.budget"]._mgp_commit(self, sign_date)

    # ------------------------------------------------------------------
    # The employer's portal
    # ------------------------------------------------------------------
    def _mgp_portal_values(self):
        """What the employer's page shows of its agreement: the state, the
        amounts, each workplace's monitoring and refund, the dismissals and
        their report terms (the employer's side of the engine's deadline,
        seed 004:112), the claim."""
        self.ensure_one()
        self.check_access("read")
        # the employer reads its own agreement; the checklist, the
        # employments and their deadlines are the centre's records about it
        agreement = self.sudo()
        grounds = dict(
            agreement.workplace_ids._fields["refund_ground"]._description_selection(
                self.env
            )
        )
        return {
            "centre": agreement.company_id.name,
            "state": self._mgp_state_text(),
            "missing": agreement._mgp_missing_document_names(),
            "workplaces": [
                {
                    "name": workplace.name,
                    "amount": workplace.amount,
                    "date_first_hire": workplace.date_first_hire,
                    "gap_days": workplace.gap_days,
                    "retention_end": workplace.retention_end,
                    "refund": workplace.refund_amount,
                    "refund_ground": grounds.get(workplace.refund_ground),
                }
                for workplace in agreement.workplace_ids
            ],
            # the employer's own workers, numbered: no names of persons
            "dismissals": [
                {
                    "id": employment.id,
                    "workplace": employment.workplace_id.name,
                    "date_hired": employment.date_hired,
                    "date_dismissed": employment.date_dismissed,
                    "due": employment.dismissal_report_due,
                    "reported": employment.dismissal_reported_date,
                    "missed": employment.dismissal_report_missed,
                }
                for employment in agreement.workplace_ids.employment_ids
                if employment.date_dismissed
            ],
            "claim_date": agreement.claim_date,
            "claim_amount": agreement.claim_amount,
            "repaid_amount": agreement.repaid_amount,
        }

    def _mgp_portal_report_dismissal(self, employment_id, files):
        """The employer reports a dismissal in the portal with the dismissal
        order and the vacancy form 125н (seed 004:112): the files are kept
        with the employment and the report term is closed on today."""
        self.ensure_one()
        self.check_access("read")
        if not files:
            raise UserError(
                self.env._(
                    "Attach the dismissal order and the information on vacancies "
                    "(form 125н)."
                )
            )
        # the employments are the centre's records: only one of this
        # agreement, which the employer may read, is reported
        employment = self.sudo().workplace_ids.employment_ids.filtered(
            lambda e: e.id == employment_id and e.date_dismissed
        )
        if not employment or employment.dismissal_reported_date:
            raise UserError(self.env._("Choose a dismissal not reported yet."))
        attachments = self.env["mgp.upload"]._mgp_attach(employment, files)
        employment.action_report_dismissal(self._mgp_today())
        employment.message_post(
            body=self.env._("The employer reported the dismissal in the portal."),
            attachment_ids=attachments.ids,
            subtype_xmlid="mail.mt_note",
        )
        return employment


class MgpSubsidyInspection(models.Model):
    """A documentary or on-site inspection of the employer (seed
    004:113–114) and its findings."""

    _name = "mgp.subsidy.inspection"
    _description = "Subsidy Inspection"
    _order = "date desc, id desc"

    agreement_id = fields.Many2one(
        "mgp.subsidy.agreement", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="agreement_id.company_id", store=True, index=True
    )
    kind = fields.Selection(
        [("documentary", "Documentary"), ("on_site", "On site")],
        required=True,
        default="documentary",
    )
    date = fields.Date(required=True, default=centre_today)
    user_id = fields.Many2one(
        "res.users", string="Inspector", default=lambda self: self.env.user
    )
    findings = fields.Text()
    violation = fields.Boolean(
        help="Misuse of the subsidy or a broken condition found (seed 004:116); "
        "record it on the workplace to compute the refund."
    )
