# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.mgp_base.models.mgp_today import centre_today
from odoo.addons.mgp_base.models.mgp_transition import Transition

SPECIALIST = "mgp_base.group_specialist"


class MgpQuotaAgreement(models.Model):
    """An agreement under which another organisation or an individual
    entrepreneur employs disabled people in the employer's quota (today's
    ст. 38 Закона № 565-ФЗ)."""

    _name = "mgp.quota.agreement"
    _description = "Agreement on Employing Disabled People"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

    name = fields.Char(string="Number", required=True, tracking=True)
    date = fields.Date(required=True, tracking=True)
    date_end = fields.Date(string="Valid until", tracking=True)
    employer_id = fields.Many2one(
        "res.partner", required=True, index=True, domain="[('is_company', '=', True)]"
    )
    organisation_id = fields.Many2one(
        "res.partner",
        required=True,
        help="The organisation or individual entrepreneur that employs the "
        "disabled people.",
    )
    kind = fields.Selection(
        [
            ("agreement", "Agreement with another organisation"),
            ("service_contract", "Service contract"),
        ],
        required=True,
        default="agreement",
    )
    places = fields.Integer(string="Quota places", default=1)
    line_ids = fields.One2many(
        "mgp.quota.report.line", "agreement_id", string="Workers reported"
    )
    places_used = fields.Integer(
        string="Places used",
        compute="_compute_places_used",
        help="Workers of the employer's latest quota report counted under "
        "this agreement.",
    )
    company_id = fields.Many2one(
        "res.company",
        string="Centre",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    note = fields.Text()

    @api.depends("line_ids.report_id.date_from")
    def _compute_places_used(self):
        for agreement in self:
            lines = agreement.line_ids
            latest = max(lines.report_id.mapped("date_from"), default=False)
            agreement.places_used = len(
                lines.filtered(lambda line, d=latest: line.report_id.date_from == d)
            )


class MgpQuotaReservation(models.Model):
    """Seed 004:67 «договор о резервировании рабочих мест для трудоустройства
    инвалидов, проходящих профессиональное обучение по направлению центра
    занятости»; the centre controls it (004:78)."""

    _name = "mgp.quota.reservation"
    _description = "Workplace Reservation Contract"
    _inherit = ["mail.thread", "mail.activity.mixin", "mgp.protected.mixin"]
    _order = "date desc, id desc"
    _mgp_protected_fields = ("state",)
    _mgp_transitions = {
        "action_close": Transition(("active",), "closed", SPECIALIST),
        # a contract closed by mistake is in force again
        "action_reopen": Transition(("closed",), "active", SPECIALIST),
    }

    name = fields.Char(string="Number", required=True, tracking=True)
    date = fields.Date(required=True, tracking=True)
    employer_id = fields.Many2one(
        "res.partner", required=True, index=True, domain="[('is_company', '=', True)]"
    )
    company_id = fields.Many2one(
        "res.company",
        string="Centre",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    workplace_ids = fields.One2many(
        "mgp.quota.workplace", "reservation_id", string="Reserved workplaces"
    )
    trainee_ids = fields.One2many("mgp.quota.trainee", "reservation_id")
    state = fields.Selection(
        [("active", "In force"), ("closed", "Closed")],
        required=True,
        default="active",
        tracking=True,
    )
    note = fields.Text()

    def action_close(self):
        """The contract ends: it is kept with its workplaces and trainees."""
        self._mgp_transition("action_close")
        return True

    def action_reopen(self):
        self._mgp_transition("action_reopen")
        return True

    @api.constrains("employer_id")
    def _check_not_disabled_association(self):
        # seed 004:62 «Общественные объединения инвалидов ... освобождаются
        # от резервирования рабочих мест для инвалидов»
        for reservation in self:
            if reservation.employer_id.sudo().mgp_quota_disabled_association:
                raise UserError(
                    self.env._(
                        "A public association of disabled people is exempt from "
                        "reserving workplaces."
                    )
                )


class MgpQuotaTrainee(models.Model):
    """A disabled person trained by referral of the centre for a reserved
    workplace (seed 004:72–76): the profession agreed, the training, then the
    referral to the reserved workplace."""

    _name = "mgp.quota.trainee"
    _description = "Trainee of a Reservation Contract"
    _inherit = ["mgp.protected.mixin"]
    _order = "reservation_id, id"
    _mgp_protected_fields = ("state", "referral_id")
    _mgp_transitions = {
        "action_mark_trained": Transition(("training",), "trained", SPECIALIST),
        "action_drop": Transition(
            ("training", "trained", "referred"), "dropped", SPECIALIST
        ),
        "action_refer": Transition(("trained",), "referred", SPECIALIST),
        # the hire of the referral (mgp.quota.referral)
        "hire": Transition(("referred",), "hired"),
    }

    reservation_id = fields.Many2one(
        "mgp.quota.reservation", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="reservation_id.company_id", store=True)
    partner_id = fields.Many2one("res.partner", string="Person", required=True)
    profession = fields.Char(
        required=True, help="Agreed with the person (seed 004:72)."
    )
    training_organisation = fields.Char()
    date_training_referral = fields.Date(string="Referred to training on")
    date_training_end = fields.Date(string="Training ended on")
    workplace_id = fields.Many2one(
        "mgp.quota.workplace",
        string="Reserved workplace",
        domain="[('reservation_id', '=', reservation_id)]",
    )
    referral_id = fields.Many2one("mgp.quota.referral", readonly=True)
    state = fields.Selection(
        [
            ("training", "In training"),
            ("trained", "Trained"),
            ("referred", "Referred to the workplace"),
            ("hired", "Hired"),
            ("dropped", "Dropped out"),
        ],
        required=True,
        default="training",
    )

    @api.constrains("workplace_id", "reservation_id", "profession")
    def _check_reserved_workplace(self):
        """Seed 004:67–76: the person is trained in the profession agreed for
        a workplace the contract reserves, then referred to it."""
        for trainee in self.filtered("workplace_id"):
            workplace = trainee.workplace_id
            if not workplace.reserved or workplace.reservation_id != (
                trainee.reservation_id
            ):
                raise ValidationError(
                    self.env._(
                        "The workplace «%s» is not reserved by this contract.",
                        workplace.name,
                    )
                )
            profession = (workplace.profession or "").strip().casefold()
            if profession and profession != trainee.profession.strip().casefold():
                raise ValidationError(
                    self.env._(
                        "The workplace «%(place)s» is reserved for the profession "
                        "«%(profession)s», not «%(agreed)s».",
                        place=workplace.name,
                        profession=workplace.profession,
                        agreed=trainee.profession,
                    )
                )

    def action_mark_trained(self, date_end=None):
        """The training is completed (seed 004:76)."""
        for trainee in self:
            trainee._mgp_transition(
                "action_mark_trained",
                {
                    "date_training_end": fields.Date.to_date(date_end)
                    or trainee.date_training_end
                    or centre_today(trainee)
                },
            )
        return True

    def action_drop(self):
        """The person dropped out of the training, or was not hired on the
        referral."""
        self._mgp_transition("action_drop")
        return True

    def action_refer(self):
        """Seed 004:76 «выдает инвалиду, завершившему профессиональное
        обучение ..., направление к работодателю для трудоустройства на
        резервированное рабочее место»: the referral is drafted."""
        self.ensure_one()
        if not self.workplace_id:
            raise UserError(
                self.env._(
                    "A trainee is referred once trained, to a reserved workplace."
                )
            )
        referral = self.env["mgp.quota.referral"].create(
            {
                "partner_id": self.partner_id.id,
                "workplace_id": self.workplace_id.id,
                "company_id": self.company_id.id,
            }
        )
        self._mgp_transition("action_refer", {"referral_id": referral.id})
        return referral
