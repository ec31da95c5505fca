# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError


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
    company_id = fields.Many2one(
        "res.company",
        string="Centre",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    note = fields.Text()


class MgpQuotaReservation(models.Model):
    """Seed 004:67 «договор о резервировании рабочих мест для трудоустройства
    инвалидов, проходящих профессиональное обучение по направлению центра
    занятости»; the centre controls it (004:78)."""

    _name = "mgp.quota.reservation"
    _description = "Workplace Reservation Contract"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"

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
    _order = "reservation_id, id"

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

    def action_refer(self):
        """Seed 004:76 «выдает инвалиду, завершившему профессиональное
        обучение ..., направление к работодателю для трудоустройства на
        резервированное рабочее место»: the referral is drafted."""
        self.ensure_one()
        if self.state != "trained" or not self.workplace_id:
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
        self.write({"referral_id": referral.id, "state": "referred"})
        return referral
