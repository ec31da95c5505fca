# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from num2words import num2words

from odoo import api, models
from odoo.exceptions import UserError


def ru_amount(value):
    """``50410.96`` as ``50 410,96 руб. (пятьдесят тысяч … рублей 96 копеек)``."""
    rubles = int(value)
    kopecks = round((value - rubles) * 100)
    digits = f"{rubles:,}".replace(",", "\u00a0") + f",{kopecks:02d}"
    words = num2words(rubles, lang="ru")
    return f"{digits} руб. ({words} руб. {kopecks:02d} коп.)"


class ReportProgrammeForm(models.AbstractModel):
    """The printed forms of the programmes: the suite's form with the
    amounts in words."""

    _name = "mgp.programme.report.form"
    _inherit = "mgp.report.form"
    _description = "Printed form of an employer programme"

    @api.model
    def _mgp_get_form_values(self, docs):
        values = super()._mgp_get_form_values(docs)
        values["ru_amount"] = ru_amount
        return values


class ReportSubsidyClaim(models.AbstractModel):
    """Требование о возврате субсидии (seed 004:115–121)."""

    _name = "report.mgp_employer_programmes.report_subsidy_claim"
    _inherit = "mgp.programme.report.form"
    _description = "Subsidy refund claim letter"

    _mgp_doc_model = "mgp.subsidy.agreement"

    @api.model
    def _mgp_check_docs(self, docs):
        none_due = docs.filtered(lambda a: not a.refund_amount and not a.claim_amount)
        if none_due:
            raise UserError(
                self.env._(
                    "No refund is due under %s.",
                    ", ".join(none_due.mapped("display_name")),
                )
            )
        return True


class ReportSubsidyRefusal(models.AbstractModel):
    """Уведомление об отказе в заключении соглашения (seed 004:105)."""

    _name = "report.mgp_employer_programmes.report_subsidy_refusal"
    _inherit = "mgp.programme.report.form"
    _description = "Subsidy refusal notice"

    _mgp_doc_model = "mgp.subsidy.application"

    @api.model
    def _mgp_check_docs(self, docs):
        if docs.filtered(lambda a: a.state != "refused"):
            raise UserError(self.env._("Only a refused application has a notice."))
        return True

    @api.model
    def _mgp_get_form_values(self, docs):
        values = super()._mgp_get_form_values(docs)
        values["reasons"] = {
            "conditions": "несоблюдение работодателем порядка и условий "
            "предоставления субсидии",
            "documents": "неполное представление документов",
            "false_data": "указание недостоверных сведений",
        }
        return values


class ReportProgrammeFigures(models.AbstractModel):
    """Figures of the programmes for a period (PDF)."""

    _name = "report.mgp_employer_programmes.report_programme_figures"
    _inherit = "mgp.programme.report.form"
    _description = "Programme figures"

    _mgp_doc_model = "mgp.programme.figures.wizard"
