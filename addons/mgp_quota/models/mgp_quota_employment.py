# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Working conditions of a disabled worker hired on a quota workplace.

Seed 004:124 «Не допускается установление ... условий труда инвалидов ...,
ухудшающих положение инвалидов по сравнению с другими работниками»; 004:125
«Для инвалидов I и II групп устанавливается сокращенная продолжительность
рабочего времени не более 35 часов в неделю с сохранением полной оплаты
труда»; 004:126 overtime, weekend and night work «допускается только с их
согласия и при условии, если такие работы не запрещены им по состоянию
здоровья».
"""

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .mgp_quota_category import DISABILITY_GROUPS

# seed 004:125
SHORT_WEEK_HOURS = 35.0
SHORT_WEEK_GROUPS = ("1", "2")


class MgpQuotaEmployment(models.Model):
    _name = "mgp.quota.employment"
    _description = "Employment on a Quota Workplace"
    _inherit = ["mail.thread", "mgp.protected.mixin"]
    _order = "date_start desc, id desc"
    _mgp_create_only_fields = ("partner_id", "company_id", "disability_group")

    partner_id = fields.Many2one("res.partner", string="Worker", required=True)
    workplace_id = fields.Many2one("mgp.quota.workplace", required=True, index=True)
    employer_id = fields.Many2one(
        related="workplace_id.employer_id", store=True, index=True
    )
    company_id = fields.Many2one(
        "res.company",
        string="Centre",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    date_start = fields.Date(string="Contract date", required=True)
    disability_group = fields.Selection(DISABILITY_GROUPS, readonly=True)
    hours_per_week = fields.Float(
        digits=(4, 1),
        required=True,
        default=SHORT_WEEK_HOURS,
        tracking=True,
        help="At most 35 hours a week with full pay for groups I and II.",
    )
    # seed 004:68 «трудоустраивает инвалидов ... путем заключения трудовых
    # договоров на неопределенный срок»
    contract_indefinite = fields.Boolean(
        string="Indefinite contract",
        default=True,
        tracking=True,
        help="A worker referred to a reserved workplace is hired for an "
        "indefinite term.",
    )
    full_pay = fields.Boolean(string="Full pay kept", default=True, tracking=True)
    consent_overtime = fields.Boolean(string="Consents to overtime work", tracking=True)
    consent_weekend = fields.Boolean(string="Consents to weekend work", tracking=True)
    consent_night = fields.Boolean(string="Consents to night work", tracking=True)
    not_contraindicated = fields.Boolean(
        string="Not contraindicated",
        tracking=True,
        help="Overtime, weekend or night work is not forbidden to the worker "
        "by his health (the ИПРА).",
    )
    condition_ids = fields.Many2many(
        "mgp.quota.condition", string="Working conditions provided"
    )
    note = fields.Text()

    @api.constrains("hours_per_week", "disability_group", "full_pay")
    def _check_short_week(self):
        for employment in self:
            if employment.disability_group not in SHORT_WEEK_GROUPS:
                continue
            if employment.hours_per_week > SHORT_WEEK_HOURS:
                raise ValidationError(
                    self.env._(
                        "A disabled worker of group I or II works at most 35 hours "
                        "a week (%(hours)s given).",
                        hours=f"{employment.hours_per_week:g}",
                    )
                )
            if not employment.full_pay:
                raise ValidationError(
                    self.env._(
                        "The shortened week of a group I or II worker keeps the full "
                        "pay."
                    )
                )

    @api.constrains("contract_indefinite", "workplace_id")
    def _check_reserved_indefinite(self):
        for employment in self:
            if employment.workplace_id.reserved and not employment.contract_indefinite:
                raise ValidationError(
                    self.env._(
                        "A disabled person referred to a reserved workplace is "
                        "hired under an indefinite labour contract."
                    )
                )

    @api.constrains(
        "consent_overtime", "consent_weekend", "consent_night", "not_contraindicated"
    )
    def _check_consent(self):
        for employment in self:
            if (
                employment.consent_overtime
                or employment.consent_weekend
                or employment.consent_night
            ) and not employment.not_contraindicated:
                raise ValidationError(
                    self.env._(
                        "Overtime, weekend or night work needs the worker's consent "
                        "and that it is not contraindicated to him."
                    )
                )
