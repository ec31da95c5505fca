# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The centre refers a disabled job seeker to a quota vacancy.

Seed 004:56: the centres «выдают инвалидам направления к работодателям для
трудоустройства в счет установленной квоты в соответствии с потребностями
работодателей, профессиональными возможностями инвалидов и их трудовыми
рекомендациями».
"""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Domain

from odoo.addons.mgp_base.models.mgp_transition import Transition

ANSWER_CODE = "quota_referral_answer"
ANSWER = (ANSWER_CODE,)
SPECIALIST = "mgp_base.group_specialist"


class MgpQuotaReferral(models.Model):
    _name = "mgp.quota.referral"
    _description = "Referral to a Quota Vacancy"
    _inherit = [
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "mgp.case.mixin",
    ]
    _order = "id desc"
    _mgp_number_code = "mgp.quota.referral"
    _mgp_protected_fields = (
        "name",
        "state",
        "date_referral",
        "date_answer",
        "contract_date",
        "refusal_reason",
        "employment_id",
    )
    _mgp_create_only_fields = ("company_id", "partner_id", "workplace_id")
    # the employer answers within the rule's term from the referral; staff
    # register an answer given on paper, the employer's representative
    # answers in the portal (its own rows: no staff group)
    _mgp_transitions = {
        "action_send": Transition(
            ("draft",),
            "sent",
            SPECIALIST,
            open=ANSWER,
            notice="mgp_quota.mail_template_quota_referral_sent",
        ),
        "action_cancel": Transition(
            ("draft", "sent"), "cancelled", SPECIALIST, cancel=ANSWER
        ),
        "action_register_hire": Transition(
            ("sent",),
            "hired",
            SPECIALIST,
            close=ANSWER,
            launchers=("mgp_quota.mgp_quota_referral_answer_wizard_action",),
        ),
        "action_register_refusal": Transition(
            ("sent",),
            "refused",
            SPECIALIST,
            close=ANSWER,
            launchers=("mgp_quota.mgp_quota_referral_answer_wizard_action",),
        ),
        "portal_hire": Transition(("sent",), "hired", close=ANSWER),
        "portal_refuse": Transition(("sent",), "refused", close=ANSWER),
    }

    partner_id = fields.Many2one(required=True)
    accompaniment_id = fields.Many2one(
        "mgp.accompaniment",
        string="Service 1 case",
        index=True,
        help="The case of «Сопровождение инвалида при трудоустройстве» the "
        "referral is made from: a hire records its employment.",
    )
    workplace_id = fields.Many2one(
        "mgp.quota.workplace",
        string="Vacancy",
        required=True,
        index=True,
        domain="[('state', '=', 'vacant')]",
    )
    employer_id = fields.Many2one(
        related="workplace_id.employer_id", store=True, index=True
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("sent", "Sent to the employer"),
            ("hired", "Hired"),
            ("refused", "Refused"),
            ("cancelled", "Cancelled"),
        ],
        required=True,
        default="draft",
        index=True,
        tracking=True,
    )
    date_referral = fields.Date(string="Referred on", readonly=True, copy=False)
    date_answer = fields.Date(string="Answered on", readonly=True, copy=False)
    contract_date = fields.Date(readonly=True, copy=False)
    refusal_reason = fields.Text(readonly=True, copy=False)
    employment_id = fields.Many2one("mgp.quota.employment", readonly=True, copy=False)

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for referral in self:
            referral.access_url = f"/my/quota/referral/{referral.id}"
        return res

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_send(self, referral_date=None):
        """The referral is issued: the employer answers within the rule's
        term (the notice goes to the employer)."""
        for referral in self:
            referral._mgp_check_fit()
            day = referral._mgp_check_action_date(
                referral_date, label=self.env._("The referral")
            )
            referral._mgp_transition("action_send", {"date_referral": day}, date=day)
        return True

    def action_cancel(self):
        self._mgp_transition("action_cancel")
        return True

    def action_register_hire(self, contract_date, conditions=None):
        """The employer hired the person (staff register a paper answer)."""
        return self._mgp_hire("action_register_hire", contract_date, conditions or {})

    def action_register_refusal(self, reason, answer_date=None):
        return self._mgp_refuse("action_register_refusal", reason, answer_date)

    # ------------------------------------------------------------------
    # Business helpers
    # ------------------------------------------------------------------
    def _mgp_check_fit(self):
        """The vacancy fits the person's ИПРА: a special workplace is
        equipped for each of the person's impaired functions; the person's
        contraindications are the specialist's to weigh (they are shown)."""
        self.ensure_one()
        workplace = self.workplace_id
        if workplace.state != "vacant":
            raise UserError(
                self.env._("The workplace «%s» is not vacant.", workplace.name)
            )
        functions = self.partner_id.mgp_impaired_function_ids
        missing = functions - workplace.impaired_function_ids
        if workplace.special and missing:
            raise UserError(
                self.env._(
                    "The special workplace «%(place)s» is not equipped for: "
                    "%(functions)s.",
                    place=workplace.name,
                    functions=", ".join(missing.mapped("name")),
                )
            )
        return True

    def _mgp_hire(self, transition, contract_date, conditions):
        self.ensure_one()
        contract_date = self._mgp_check_action_date(
            contract_date,
            after=[(self.date_referral, self.env._("the referral"))],
            label=self.env._("The contract date"),
        )
        answer_date = self._mgp_today()
        # the hired person occupies the vacancy (refused when it is taken)
        self.workplace_id.sudo()._mgp_occupy(self.partner_id, contract_date)
        # the employment carries the person's group for the 35-hour check;
        # the engine reads it for the employer (seed 004:125)
        group = self.partner_id.sudo().mgp_disability_group
        employment = (
            self.env["mgp.quota.employment"]
            .sudo()
            .create(
                dict(
                    # the ГОСТ Р 53873-2010 conditions of the workplace
                    # (seed 004:131–139), unless the answer gives its own
                    {
                        "condition_ids": [
                            fields.Command.set(self.workplace_id.condition_ids.ids)
                        ]
                    },
                    **conditions,
                    partner_id=self.partner_id.id,
                    workplace_id=self.workplace_id.id,
                    company_id=self.company_id.id,
                    date_start=contract_date,
                    disability_group=group,
                )
            )
        )
        self._mgp_transition(
            transition,
            {
                "date_answer": answer_date,
                "contract_date": contract_date,
                "employment_id": employment.id,
            },
            date=answer_date,
        )
        # the trainee of a reservation contract referred here is hired
        self.env["mgp.quota.trainee"].sudo().search(
            [("referral_id", "=", self.id)], limit=1
        )._mgp_transition("hire")
        if self.accompaniment_id:
            # the hire is the employment of the service-1 case (and opens
            # service 2's offer): recorded by the engine for the employer
            self.accompaniment_id.sudo().action_mark_employed(
                contract_date, self.employer_id.id
            )
        self.message_post(
            body=self.env._(
                "Hired: contract of %s.", contract_date.strftime("%d.%m.%Y")
            ),
            subtype_xmlid="mail.mt_note",
        )
        return employment

    def _mgp_refuse(self, transition, reason, answer_date=None):
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Give the reason of the refusal."))
        self.ensure_one()
        day = self._mgp_check_action_date(
            answer_date,
            after=[(self.date_referral, self.env._("the referral"))],
            label=self.env._("The answer"),
        )
        self._mgp_transition(
            transition, {"date_answer": day, "refusal_reason": reason}, date=day
        )
        self.message_post(
            body=self.env._("The employer refused: %s", reason),
            subtype_xmlid="mail.mt_note",
        )
        return True

    @api.model
    def _mgp_action_new(self, person, company, case=None):
        """The form of a new referral of ``person`` (from his card or his
        service-1 case), the vacancy to choose."""
        context = {
            "default_partner_id": person.id,
            "default_company_id": company.id,
        }
        if case:
            context["default_accompaniment_id"] = case.id
        return self._mgp_window(
            self._name,
            self.env._("Referral to a quota vacancy"),
            context=context,
            target="current",
        )

    @api.model
    def _mgp_action_list(self, domain):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "mgp_quota.mgp_quota_referral_action"
        )
        action["domain"] = domain
        return action

    def _mgp_notify(self, template, partner=None):
        """The referral's notices go to the employer."""
        return super()._mgp_notify(template, partner or self.employer_id)

    def _mgp_is_employer_user(self, user=None):
        user = user or self.env.user
        return bool(
            user.share
            and self.employer_id
            and user.partner_id.commercial_partner_id == self.employer_id
        )

    @api.model
    def _mgp_portal_domain(self):
        organisation = self.env.user.partner_id.commercial_partner_id
        return Domain("employer_id", "=", organisation.id) & Domain(
            "state", "!=", "draft"
        )

    def _mgp_portal_check_employer(self, transition):
        """The current portal user represents the referral's employer, and
        the table lets the referral take ``transition``; the referral as the
        engine answers it for the employer."""
        self.ensure_one()
        self.check_access("read")
        if not self._mgp_is_employer_user():
            raise AccessError(self.env._("This referral is for another employer."))
        # the employer's representative (checked above) answers its referral
        referral = self.sudo()
        referral._mgp_transition_check(transition)
        return referral

    def _mgp_portal_hire(self, contract_date, conditions):
        referral = self._mgp_portal_check_employer("portal_hire")
        return referral._mgp_hire("portal_hire", contract_date, conditions)

    def _mgp_portal_refuse(self, reason):
        referral = self._mgp_portal_check_employer("portal_refuse")
        return referral._mgp_refuse("portal_refuse", reason)
