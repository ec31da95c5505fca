# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.mgp_base.models.mgp_transition import Transition

SPECIALIST = "mgp_base.group_specialist"

# seed 004:224–227
GROUNDS = [
    ("no_qualification", "No qualification"),
    ("no_suitable_work", "No suitable work for lack of the qualification"),
    ("change_profession", "A change of profession: no work for the qualification"),
    ("lost_ability", "The ability to work in the qualification is lost"),
]
# seed 004:218–220
AIMS = [
    ("demand", "A profession in demand on the labour market"),
    ("quota_workplace", "A workplace of an employer under contract (quota)"),
    ("reserved_workplace", "A reserved workplace"),
    ("own_business", "Own business"),
]


class MgpTrainingProfession(models.Model):
    """A profession of the official list of kinds of work recommended to
    disabled people (Order of the Ministry of Labour No. 515, seed 004:217)."""

    _name = "mgp.training.profession"
    _description = "Training Profession"
    _order = "name"

    name = fields.Char(required=True)
    code = fields.Char()
    note = fields.Text(string="Suitable for")
    active = fields.Boolean(default=True)


class MgpTrainingCondition(models.Model):
    """A special condition of training per the IPRA (seed 004:240–246)."""

    _name = "mgp.training.condition"
    _description = "Special Training Condition"
    _inherit = ["mgp.programme.catalogue.mixin"]


class MgpTrainingReferral(models.Model):
    """Training of an unemployed disabled person in a new profession (seed
    004 §7): a referral on one of the four grounds (004:224–227), to a
    profession of the official list and the IPRA (004:217), for an aim
    (004:218–220), after vocational guidance when the choice is hard
    (004:222), to another locality only with consent (004:221), at a
    licensed school under contract (004:233–234), with the special
    conditions of the IPRA (004:240–246), the stipend (004:212),
    attendance (004:250), the certificate (004:249) and the referral to the
    employer afterwards (004:76)."""

    _name = "mgp.training.referral"
    _description = "Training Referral"
    _inherit = ["mgp.programme.person.mixin"]
    _order = "id desc"
    _mgp_number_code = "mgp.training.referral"
    _mgp_portal_path = "/my/training"
    # the IPRA extract and the school's papers (004:217, 004:233–234)
    _mgp_protected_fields = (
        "referral_date",
        "date_start",
        "date_end",
        "certificate_number",
        "certificate_date",
        "employer_referral_date",
        "date_employed",
        "drop_reason",
    )
    _mgp_transitions = {
        "action_refer": Transition(("draft",), "referred", SPECIALIST),
        "action_start": Transition(
            ("referred",), "training", SPECIALIST, launchers=("action_mgp_dialog",)
        ),
        "action_complete": Transition(
            ("training",), "completed", SPECIALIST, launchers=("action_mgp_dialog",)
        ),
        "action_refer_to_employer": Transition(
            ("completed",),
            "employer_referral",
            SPECIALIST,
            launchers=("action_mgp_dialog",),
        ),
        "action_drop": Transition(
            ("referred", "training"),
            "dropped",
            SPECIALIST,
            launchers=("action_mgp_dialog",),
        ),
    }

    state = fields.Selection(
        [
            ("draft", "Preparation"),
            ("referred", "Referred"),
            ("training", "In training"),
            ("completed", "Completed"),
            ("employer_referral", "Referred to an employer"),
            ("dropped", "Dropped out"),
        ],
        required=True,
        default="draft",
        tracking=True,
        index=True,
    )
    ground = fields.Selection(GROUNDS, required=True, tracking=True)
    aim = fields.Selection(AIMS, required=True, default="demand", tracking=True)
    profession_id = fields.Many2one(
        "mgp.training.profession", required=True, tracking=True
    )
    ipra_recommends = fields.Boolean(
        string="The IPRA recommends the training",
        help="The IPRA recommends vocational training and the profession "
        "(seed 004:217).",
    )
    choice_difficult = fields.Boolean(
        string="Difficulty in choosing a profession",
        help="Vocational guidance is given first (seed 004:222).",
    )
    guidance_date = fields.Date(string="Vocational guidance given on")
    other_locality = fields.Boolean(string="In another locality")
    consent_date = fields.Date(
        string="Consent to another locality",
        help="Training in another locality only with the person's consent "
        "(seed 004:221).",
    )
    travel_amount = fields.Monetary(string="Travel paid")
    lodging_amount = fields.Monetary(string="Lodging paid")
    school_id = fields.Many2one("res.partner", domain="[('is_company', '=', True)]")
    school_license = fields.Char(string="Educational licence")
    school_contract = fields.Char(string="Contract with the school")
    school_contract_date = fields.Date()
    condition_ids = fields.Many2many(
        "mgp.training.condition", string="Special conditions"
    )
    practice_place = fields.Char(
        help="Chosen per the IPRA's recommended conditions (seed 004:247)."
    )
    stipend_amount = fields.Monetary(
        string="Stipend per month",
        help="Paid also during temporary incapacity (seed 004:212).",
    )
    referral_date = fields.Date(tracking=True)
    date_start = fields.Date(string="Training from", tracking=True)
    date_end = fields.Date(string="Training until", tracking=True)
    attendance_ids = fields.One2many("mgp.training.attendance", "referral_id")
    certificate_number = fields.Char(tracking=True)
    certificate_date = fields.Date(tracking=True)
    employer_id = fields.Many2one("res.partner", domain="[('is_company', '=', True)]")
    employer_referral_date = fields.Date(tracking=True)
    date_employed = fields.Date(
        string="Employed on",
        tracking=True,
        help="The person was hired by the employer of the referral after "
        "the training (seed 004:76).",
    )
    drop_reason = fields.Text(tracking=True)

    @api.constrains("travel_amount", "lodging_amount", "other_locality")
    def _check_locality(self):
        for referral in self:
            if not referral.other_locality and (
                referral.travel_amount or referral.lodging_amount
            ):
                raise ValidationError(
                    self.env._(
                        "Travel and lodging are paid only for training in "
                        "another locality (seed 004:229–232)."
                    )
                )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_refer(self, referral_date=None):
        """Issue the referral to the school."""
        self.ensure_one()
        # the IPRA extract received and checked (004:217), then the rest
        self._mgp_check_documents("training")
        self._mgp_check_referral()
        self._mgp_step(
            "action_refer",
            referral_date,
            lambda day: {"referral_date": day},
            label=self.env._("The referral"),
        )
        return True

    def action_start(self, date_start, date_end=None):
        self.ensure_one()
        self._mgp_step(
            "action_start",
            date_start,
            lambda day: {
                "date_start": day,
                "date_end": fields.Date.to_date(date_end) or False,
            },
            after=[(self.referral_date, self.env._("the referral"))],
            label=self.env._("The start of the training"),
        )
        return True

    def action_complete(self, certificate_number, certificate_date):
        """The certificate of the profession is issued (seed 004:249)."""
        self.ensure_one()
        if not certificate_number:
            raise UserError(self.env._("Give the number of the certificate."))
        self._mgp_step(
            "action_complete",
            certificate_date,
            lambda day: {
                "certificate_number": certificate_number,
                "certificate_date": day,
                "date_end": self.date_end or day,
            },
            after=[(self.date_start, self.env._("the start of the training"))],
            label=self.env._("The certificate"),
        )
        return True

    def action_refer_to_employer(self, employer, referral_date=None):
        """Referral to the employer or the reserved workplace (seed 004:76);
        ``employer`` is a record or an id (a JSON-RPC client sends ids)."""
        self.ensure_one()
        if isinstance(employer, int):
            employer = self.env["res.partner"].browse(employer)
        if not employer.exists():
            raise UserError(self.env._("Choose the employer of the referral."))
        self._mgp_step(
            "action_refer_to_employer",
            referral_date,
            lambda day: {"employer_id": employer.id, "employer_referral_date": day},
            after=[(self.certificate_date, self.env._("the certificate"))],
            label=self.env._("The referral to the employer"),
        )
        return True

    def action_open_employment_dialog(self):
        """The dialog of :meth:`action_record_employment`: a dated result
        of the referral, not a transition of the table."""
        return self.with_context(mgp_dialog="training_employed").action_mgp_dialog()

    def action_record_employment(self, date_employed=None):
        """The person referred after the training was hired (seed 004:76):
        the result the figures count as employed."""
        self.ensure_one()
        if not (self.env.su or self.env.user.has_group(SPECIALIST)):
            raise UserError(self.env._("Only the centre records the employment."))
        if self.state != "employer_referral" or self.date_employed:
            raise UserError(
                self.env._(
                    "The employment is recorded once, after the referral to "
                    "the employer."
                )
            )
        day = self._mgp_check_action_date(
            date_employed,
            after=[(self.employer_referral_date, self.env._("the referral"))],
            label=self.env._("The employment"),
        )
        self._mgp_engine_write({"date_employed": day})
        return True

    def action_drop(self, reason):
        self.ensure_one()
        if not reason:
            raise UserError(self.env._("Give the reason."))
        self._mgp_transition("action_drop", {"drop_reason": reason})
        return True

    # ------------------------------------------------------------------
    # The person's portal
    # ------------------------------------------------------------------
    def _mgp_portal_closed_states(self):
        return ("employer_referral", "dropped")

    def _mgp_portal_consent(self):
        """The person consents in the portal to the training in another
        locality (seed 004:221): the day is recorded, the centre told."""
        self.ensure_one()
        self.check_access("read")
        if self.state != "draft" or not self.other_locality or self.consent_date:
            raise UserError(self.env._("No consent is asked of you on this referral."))
        # the person's own answer on his record, which he may only read
        self.sudo().consent_date = self._mgp_today()
        self._mgp_post_note(
            self.env._(
                "%s consented in the portal to the training in another locality.",
                self.env.user.partner_id.name,
            ),
            record=self.sudo(),
        )
        return True

    def _mgp_portal_values(self):
        values = super()._mgp_portal_values()
        # the attendance and the conditions of his own training
        referral = self.sudo()
        values.update(
            {
                "conditions": referral.condition_ids.mapped("name"),
                "profession": referral.profession_id.name,
                "school": referral.school_id.name,
                "employer": referral.employer_id.name,
                "attendance": [
                    {
                        "month": line.month,
                        "planned": line.days_planned,
                        "attended": line.days_attended,
                        "incapacity": line.days_incapacity,
                    }
                    for line in referral.attendance_ids
                ],
                "consent_asked": referral.state == "draft"
                and referral.other_locality
                and not referral.consent_date,
            }
        )
        return values

    def _mgp_check_referral(self):
        self.ensure_one()
        problems = []
        if not self.partner_id.mgp_is_disabled:
            problems.append(self.env._("the person is not recorded as disabled"))
        if not self.ipra_recommends:
            problems.append(
                self.env._("the IPRA does not recommend the training (004:217)")
            )
        if self.choice_difficult and not self.guidance_date:
            problems.append(self.env._("vocational guidance comes first (004:222)"))
        if self.other_locality and not self.consent_date:
            problems.append(
                self.env._("another locality needs the person's consent (004:221)")
            )
        if not self.school_id or not self.school_license or not self.school_contract:
            problems.append(
                self.env._("name the licensed school and its contract (004:233–234)")
            )
        if problems:
            raise UserError(
                self.env._("The referral cannot be issued: %s.", "; ".join(problems))
            )


class MgpTrainingAttendance(models.Model):
    """Attendance of a month of training (seed 004:250)."""

    _name = "mgp.training.attendance"
    _description = "Training Attendance"
    _order = "month, id"

    referral_id = fields.Many2one(
        "mgp.training.referral", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="referral_id.company_id", store=True, index=True
    )
    month = fields.Date(required=True, help="Any day of the month.")
    days_planned = fields.Integer(string="Days of classes")
    days_attended = fields.Integer(string="Days attended")
    days_incapacity = fields.Integer(
        string="Days of incapacity",
        help="The stipend is paid during temporary incapacity too (004:212).",
    )
    note = fields.Char()

    @api.constrains("days_planned", "days_attended", "days_incapacity")
    def _check_days(self):
        for line in self:
            if min(line.days_planned, line.days_attended, line.days_incapacity) < 0:
                raise ValidationError(self.env._("Days cannot be negative."))
            if line.days_attended + line.days_incapacity > line.days_planned:
                raise ValidationError(
                    self.env._(
                        "Days attended and of incapacity exceed the days of classes."
                    )
                )
