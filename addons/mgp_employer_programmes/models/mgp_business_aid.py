# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.mgp_base.models.mgp_today import centre_today
from odoo.addons.mgp_base.models.mgp_transition import Transition

from .mgp_programme_dialog import without_defaults

LEGAL_FORMS = [
    ("legal_entity", "Legal entity"),
    ("entrepreneur", "Individual entrepreneur"),
    ("farm", "Peasant (farm) household"),
]
# an aid that was (or is being) granted: at most one per person, ever
LIFETIME_STATES = (
    "draft",
    "commission",
    "approved",
    "contract",
    "paid",
    "done",
    "ended",
)
KEEP_RULE = "business_retention"
MODULE = "mgp_employer_programmes"
SPECIALIST = "mgp_base.group_specialist"
MANAGER = "mgp_base.group_manager"


class MgpBusinessService(models.Model):
    """A service of the self-employment support (seed 004:177–182)."""

    _name = "mgp.business.service"
    _description = "Self-Employment Service"
    _inherit = ["mgp.programme.catalogue.mixin"]


class MgpBusinessPurpose(models.Model):
    """A purpose of a business plan the aid may pay for (seed 004:194–207)."""

    _name = "mgp.business.purpose"
    _description = "Business Plan Purpose"
    _inherit = ["mgp.programme.catalogue.mixin"]


class MgpBusinessAid(models.Model):
    """One-off financial aid to an unemployed disabled person who starts a
    business (seed 004 §6): eligibility (004:187–188), services
    (004:177–182), business plan (004:193–207), the decision of the
    municipal commission with a representative of the МСЭ bureau and the
    contract with the centre (004:190–191), aid at the state registration
    and for its documents (004:184–185), once in a lifetime (004:192), the
    business kept at least 12 months (004:208)."""

    _name = "mgp.business.aid"
    _description = "Business Start Aid"
    _inherit = ["mgp.programme.person.mixin"]
    _order = "id desc"
    _mgp_number_code = "mgp.business.aid"
    _mgp_portal_path = "/my/business-aid"
    # the application and the business plan before the commission (004:190)
    _mgp_protected_fields = (
        "commission_date",
        "commission_number",
        "contract_number",
        "contract_date",
        "aid_registration_amount",
        "aid_documents_amount",
        "paid_date",
        "end_date",
        "refusal_reason",
    )
    _mgp_transitions = {
        "action_to_commission": Transition(("draft",), "commission", SPECIALIST),
        "action_commission_decision": Transition(
            ("commission",),
            ("approved", "refused"),
            SPECIALIST,
            launchers=("action_mgp_dialog",),
        ),
        "action_sign_contract": Transition(
            ("approved",), "contract", SPECIALIST, launchers=("action_mgp_dialog",)
        ),
        "action_pay": Transition(("contract",), "paid", MANAGER),
        "action_record_end": Transition(
            ("paid",), ("done", "ended"), SPECIALIST, launchers=("action_mgp_dialog",)
        ),
        # the daily job: the business kept 12 months (seed 004:208)
        "kept": Transition(("paid",), "done"),
    }

    state = fields.Selection(
        [
            ("draft", "Preparation"),
            ("commission", "At the commission"),
            ("approved", "Approved by the commission"),
            ("contract", "Contract signed"),
            ("paid", "Paid, monitoring"),
            ("done", "Business kept 12 months"),
            ("ended", "Business stopped early"),
            ("refused", "Refused"),
        ],
        required=True,
        default="draft",
        tracking=True,
        index=True,
    )
    date_application = fields.Date(
        string="Applied on", required=True, default=centre_today
    )
    birth_date = fields.Date(string="Date of birth")
    unemployed_date = fields.Date(
        string="Registered as unemployed on",
        help="Registration as unemployed at the centre of the place of "
        "residence (seed 004:187).",
    )
    registered_at_residence = fields.Boolean(string="Registered where the person lives")
    service_ids = fields.Many2many("mgp.business.service", string="Services given")
    legal_form = fields.Selection(LEGAL_FORMS, default="entrepreneur")
    business_activity = fields.Char(string="Kind of business")
    purpose_ids = fields.Many2many(
        "mgp.business.purpose", string="Purposes of the business plan"
    )
    plan_amount = fields.Monetary(string="Costs in the business plan")
    commission_date = fields.Date(tracking=True)
    commission_number = fields.Char(string="Commission decision No.", tracking=True)
    commission_mse_member = fields.Char(
        string="Representative of the MSE bureau",
        help="The commission decides with a representative of the МСЭ bureau "
        "(seed 004:190).",
    )
    contract_number = fields.Char(tracking=True)
    contract_date = fields.Date(tracking=True)
    registration_date = fields.Date(
        string="State registration on",
        help="The state registration of the business (seed 004:184).",
    )
    registration_number = fields.Char(string="OGRN / OGRNIP")
    aid_registration_amount = fields.Monetary(
        string="Aid at the registration", tracking=True
    )
    aid_documents_amount = fields.Monetary(
        string="Aid for the documents", tracking=True
    )
    aid_total = fields.Monetary(compute="_compute_aid_total", store=True)
    paid_date = fields.Date(tracking=True)
    keep_until = fields.Date(
        string="Business kept until",
        compute="_compute_keep_until",
        store=True,
        help="12 months from the state registration (seed 004:208).",
    )
    end_date = fields.Date(string="Business stopped on", tracking=True)
    refusal_reason = fields.Text(tracking=True)

    # seed 004:192 «предоставляются однократно»: one aid per person, also
    # for parallel registrations (the database refuses the second one)
    _partner_once_idx = models.UniqueIndex(
        "(partner_id) WHERE state != 'refused'",
        "This person has already received (or applied for) the aid: it is given once.",
    )

    @api.depends("aid_registration_amount", "aid_documents_amount")
    def _compute_aid_total(self):
        for aid in self:
            aid.aid_total = aid.aid_registration_amount + aid.aid_documents_amount

    @api.depends("registration_date", "company_id")
    def _compute_keep_until(self):
        Rule = self.env["mgp.deadline.rule"]
        for aid in self:
            aid.keep_until = aid.registration_date and Rule._mgp_due_date(
                KEEP_RULE, aid.registration_date, aid.company_id.state_id.id
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("partner_id"):
                self._mgp_check_once(vals["partner_id"])
        return super().create(vals_list)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_to_commission(self):
        """Eligibility checked (seed 004:187–188), the business plan goes to
        the municipal commission."""
        self.ensure_one()
        self._mgp_check_eligibility()
        if not self.purpose_ids or not self.business_activity:
            raise UserError(
                self.env._("Give the kind of business and the purposes of its plan.")
            )
        self._mgp_check_documents("business_aid")
        self._mgp_transition("action_to_commission")
        return True

    def action_commission_decision(self, approved, decision_date, number, reason=None):
        """The municipal commission's decision (seed 004:190)."""
        self.ensure_one()
        if approved and not self.commission_mse_member:
            raise UserError(
                self.env._(
                    "The commission decides with a representative of the MSE "
                    "bureau: name the representative (seed 004:190)."
                )
            )
        self._mgp_step(
            "action_commission_decision",
            decision_date,
            lambda day: {
                "commission_date": day,
                "commission_number": number,
                **({} if approved else {"refusal_reason": reason or False}),
            },
            after=[(self.date_application, self.env._("the application"))],
            label=self.env._("The commission's decision"),
            target="approved" if approved else "refused",
        )
        return True

    def action_sign_contract(self, number, contract_date):
        """The contract with the centre (seed 004:191); the amounts are the
        regional settings in force on its day (004:184–185)."""
        self.ensure_one()
        self._mgp_step(
            "action_sign_contract",
            contract_date,
            lambda day: dict(self._mgp_aid_amounts(day), contract_number=number),
            after=[(self.commission_date, self.env._("the commission's decision"))],
            label=self.env._("The contract"),
        )
        return True

    def action_pay(self, paid_date=None):
        """The aid is paid after the state registration (seed 004:184)."""
        self.ensure_one()
        if not self.registration_date:
            raise UserError(
                self.env._("Record the state registration of the business.")
            )
        self._mgp_step(
            "action_pay",
            paid_date,
            lambda day: {"paid_date": day},
            after=[(self.contract_date, self.env._("the contract"))],
            label=self.env._("The payment"),
        )
        return True

    def action_record_end(self, end_date):
        """The business stopped: before 12 months the condition of 004:208
        is broken."""
        self.ensure_one()
        if not self.keep_until:
            # the 12 months of 004:208 run from the state registration
            raise UserError(
                self.env._("Record the state registration of the business first.")
            )
        end_date = self._mgp_check_action_date(
            end_date,
            after=[(self.registration_date, self.env._("the registration"))],
            label=self.env._("The end of the business"),
        )
        self._mgp_step(
            "action_record_end",
            end_date,
            {"end_date": end_date},
            target="done" if end_date >= self.keep_until else "ended",
        )
        return True

    @api.model
    def _cron_kept(self, today=None):
        """Businesses alive 12 months after their registration are done."""
        today = fields.Date.to_date(today) or centre_today(self)
        # the daily job checks every centre
        aids = self.sudo().search([("state", "=", "paid"), ("keep_until", "<=", today)])
        # one transition of the whole set: one lock, one write (an aid a
        # parallel action ended meanwhile is left to that action)
        aids._mgp_lock()
        aids = aids.filtered(lambda aid: aid.state == "paid")
        aids._mgp_transition("kept", date=today)
        return aids

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _mgp_aid_amounts(self, contract_date):
        """The values of the contract: the amounts of the regional settings
        in force on its day (seed 004:184–185)."""
        Setting = self.env["mgp.programme.setting"]
        state_id = self.company_id.state_id.id
        registration = Setting._mgp_get(
            "business_aid_registration", contract_date, state_id
        )
        if not registration:
            raise UserError(
                self.env._("The amount of the one-off aid is not set for the region.")
            )
        documents = Setting._mgp_get("business_aid_documents", contract_date, state_id)
        return {
            "contract_date": contract_date,
            "aid_registration_amount": registration.amount,
            "aid_documents_amount": documents.amount,
        }

    # ------------------------------------------------------------------
    # The person's portal
    # ------------------------------------------------------------------
    def _mgp_portal_closed_states(self):
        return ("done", "ended", "refused")

    @api.model
    def _mgp_portal_apply_errors(self, vals):
        """What is wrong in an application typed in the portal, per field."""
        errors = {}
        if vals.get("company_id") not in self._mgp_portal_companies().ids:
            errors["company_id"] = self.env._(
                "Choose an employment centre from the list."
            )
        if vals.get("legal_form") not in dict(LEGAL_FORMS):
            errors["legal_form"] = self.env._("Choose the form of the business.")
        if not vals.get("business_activity"):
            errors["business_activity"] = self.env._("Give the kind of business.")
        if not vals.get("purpose_ids"):
            errors["purpose_ids"] = self.env._(
                "Choose at least one purpose of the business plan."
            )
        self._mgp_portal_positive(
            vals, "plan_amount", self.env._("the costs of the business plan"), errors
        )
        if not vals.get("files"):
            errors["business_plan"] = self.env._("Attach the business plan.")
        return errors

    @api.model
    def _mgp_portal_apply(self, vals, files=()):
        """The person applies in the portal (seed 004:190): the application
        is the form itself, the business plan its file; the centre checks
        the rest (registration as unemployed, age, the commission).

        :param vals: company_id, legal_form, business_activity, purpose_ids
            (ids), plan_amount
        :param files: pairs (file name, content) of the business plan
        """
        user = self.env.user
        if not user._mgp_is_citizen():
            raise UserError(
                self.env._("Only a disabled citizen may apply for the aid.")
            )
        files = list(files)
        Upload = self.env["mgp.upload"]
        for name, content in files:
            Upload._check_upload(name, content)
        company = self._mgp_portal_companies().filtered(
            lambda c: c.id == vals.get("company_id")
        )
        if not company:
            raise UserError(self.env._("Choose the employment centre."))
        # once in a lifetime (004:192), said before anything is created
        self._mgp_check_once(user.partner_id.id)
        purposes = self._mgp_portal_purposes().filtered(
            lambda p: p.id in (vals.get("purpose_ids") or [])
        )
        # a portal user may not create the centre's records: the engine
        # registers the application of the user himself
        aid = without_defaults(self.sudo())._mgp_engine_create(
            {
                "partner_id": user.partner_id.id,
                "company_id": company.id,
                "legal_form": vals["legal_form"],
                "business_activity": vals["business_activity"],
                "purpose_ids": [(6, 0, purposes.ids)],
                "plan_amount": vals["plan_amount"],
            }
        )
        by_type = {line.type_id: line for line in aid.mgp_document_line_ids}
        ref = self.env.ref
        application = by_type.get(ref(f"{MODULE}.document_type_business_aid_1"))
        plan = by_type.get(ref(f"{MODULE}.document_type_business_aid_2"))
        if application:
            # the application typed in the portal is received with it; the
            # centre checks it
            application.write({"received_date": aid.date_application})
        if plan and files:
            # the business plan is the plan line's file (through mgp.upload)
            name, content = files[0]
            plan.write({"file_name": name, "file": base64.b64encode(content)})
            files = files[1:]
        if files:
            Upload._mgp_attach(aid, files)
        aid._mgp_post_note(
            self.env._("The person applied in the portal with the business plan."),
        )
        return aid.with_env(self.env)

    @api.model
    def _mgp_portal_purposes(self):
        # the catalogue of purposes is public information for the form
        return self.env["mgp.business.purpose"].sudo().search([], limit=100)

    @api.model
    def _mgp_check_once(self, partner_id):
        # the aid is once in a lifetime, whichever centre gave it
        previous = self.sudo().search(
            [("partner_id", "=", partner_id), ("state", "!=", "refused")], limit=1
        )
        if previous:
            raise UserError(
                self.env._(
                    "The aid is given once (seed 004:192): the person already "
                    "has %(number)s of %(centre)s.",
                    number=previous.name,
                    centre=previous.company_id.name,
                )
            )

    def _mgp_check_eligibility(self):
        self.ensure_one()
        person = self.partner_id
        problems = []
        if not person.mgp_is_disabled:
            problems.append(self.env._("the person is not recorded as disabled"))
        if not self.unemployed_date or not self.registered_at_residence:
            problems.append(
                self.env._(
                    "the person is not registered as unemployed at the place "
                    "of residence"
                )
            )
        adult = self.birth_date and self.birth_date + relativedelta(years=18)
        if not adult or adult > self.date_application:
            problems.append(self.env._("the person is not 18 years old"))
        if problems:
            raise UserError(
                self.env._(
                    "The person has no right to the aid (seed 004:187–188): %s.",
                    "; ".join(problems),
                )
            )
