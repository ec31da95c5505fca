# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.mgp_base.models.mgp_today import centre_today


class MgpQualityWizard(models.TransientModel):
    """The quality indicator of seed 002 (2.17.2) for centres and a period,
    beside the indicators I1 and I2 of the standard."""

    _name = "mgp.quality.wizard"
    _description = "Quality Indicator of the Regional Regulation"

    date_from = fields.Date(
        string="From",
        required=True,
        default=lambda self: centre_today(self).replace(month=1, day=1),
    )
    date_to = fields.Date(string="To", required=True, default=centre_today)
    company_ids = fields.Many2many(
        "res.company",
        string="Centres",
        required=True,
        default=lambda self: self.env.company,
        domain=lambda self: [("id", "in", self.env.user.company_ids.ids)],
    )
    quality_numerator = fields.Integer(
        string="Employed after the service", compute="_compute_figures"
    )
    quality_denominator = fields.Integer(
        string="Applied for the service", compute="_compute_figures"
    )
    quality_share = fields.Float(
        string="Quality indicator, %", compute="_compute_figures", digits=(5, 2)
    )
    i1_numerator = fields.Integer(string="I1: not employed", compute="_compute_figures")
    i1_denominator = fields.Integer(
        string="I1: receiving the measure", compute="_compute_figures"
    )
    i2_numerator = fields.Integer(string="I2: late", compute="_compute_figures")
    i2_denominator = fields.Integer(string="I2: procedures", compute="_compute_figures")

    @api.depends("date_from", "date_to", "company_ids")
    def _compute_figures(self):
        Indicator = self.env["mgp.indicator"]
        for wizard in self:
            values = dict.fromkeys(
                (
                    "quality_numerator",
                    "quality_denominator",
                    "quality_share",
                    "i1_numerator",
                    "i1_denominator",
                    "i2_numerator",
                    "i2_denominator",
                ),
                0,
            )
            if (
                wizard.date_from
                and wizard.date_to
                and wizard.company_ids
                and wizard.date_from <= wizard.date_to
            ):
                quality = Indicator._mgp_quality_figures(
                    wizard.date_from, wizard.date_to, wizard.company_ids
                )[False]
                values.update(
                    quality_numerator=quality["numerator"],
                    quality_denominator=quality["denominator"],
                    quality_share=quality["share"] or 0.0,
                )
                for code in ("i1", "i2"):
                    figure = Indicator._mgp_compute(
                        code, wizard.date_from, wizard.date_to, wizard.company_ids
                    )
                    values[f"{code}_numerator"] = figure["numerator"]
                    values[f"{code}_denominator"] = figure["denominator"]
            wizard.update(values)

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for wizard in self:
            if wizard.date_to < wizard.date_from:
                raise ValidationError(self.env._("The period ends before it starts."))
