# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models
from odoo.exceptions import UserError


class ReportSubsidyApplication(models.AbstractModel):
    """Заявка на предоставление субсидии (seed 004:96–103)."""

    _name = "report.mgp_employer_programmes.report_subsidy_application"
    _inherit = "mgp.programme.report.form"
    _description = "Subsidy application form"

    _mgp_doc_model = "mgp.subsidy.application"


class ReportSubsidyAgreement(models.AbstractModel):
    """Соглашение о предоставлении субсидии (seed 004:90, 004:106)."""

    _name = "report.mgp_employer_programmes.report_subsidy_agreement"
    _inherit = "mgp.programme.report.form"
    _description = "Subsidy agreement form"

    _mgp_doc_model = "mgp.subsidy.agreement"


class ReportTrainingReferral(models.AbstractModel):
    """Направление на профессиональное обучение (seed 004:233–234)."""

    _name = "report.mgp_employer_programmes.report_training_referral"
    _inherit = "mgp.programme.report.form"
    _description = "Training referral form"

    _mgp_doc_model = "mgp.training.referral"


class ReportBusinessAidContract(models.AbstractModel):
    """Договор о предоставлении единовременной финансовой помощи (seed
    004:184–185, 004:190–192, 004:208)."""

    _name = "report.mgp_employer_programmes.report_business_aid_contract"
    _inherit = "mgp.programme.report.form"
    _description = "Business aid contract form"

    _mgp_doc_model = "mgp.business.aid"

    @api.model
    def _mgp_check_docs(self, docs):
        # the contract exists from its signature (seed 004:191)
        unsigned = docs.filtered(lambda aid: not aid.contract_date)
        if unsigned:
            raise UserError(
                self.env._(
                    "The contract of %s is not signed yet.",
                    ", ".join(unsigned.mapped("display_name")),
                )
            )
        return True


# the legal forms of 004:184, as the forms print them
LEGAL_FORMS_RU = {
    "legal_entity": "юридического лица",
    "entrepreneur": "индивидуального предпринимателя",
    "farm": "крестьянского (фермерского) хозяйства",
}


class ReportBusinessAidApplication(models.AbstractModel):
    """Заявление о предоставлении единовременной финансовой помощи (seed
    004:184–188, 004:193–207)."""

    _name = "report.mgp_employer_programmes.report_business_aid_application"
    _inherit = "mgp.programme.report.form"
    _description = "Business aid application form"

    _mgp_doc_model = "mgp.business.aid"

    @api.model
    def _mgp_get_form_values(self, docs):
        values = super()._mgp_get_form_values(docs)
        values["legal_forms"] = LEGAL_FORMS_RU
        return values


class ReportBusinessAidRefusal(models.AbstractModel):
    """Уведомление об отказе комиссии (seed 004:190)."""

    _name = "report.mgp_employer_programmes.report_business_aid_refusal"
    _inherit = "mgp.programme.report.form"
    _description = "Business aid refusal notice"

    _mgp_doc_model = "mgp.business.aid"

    @api.model
    def _mgp_check_docs(self, docs):
        if docs.filtered(lambda aid: aid.state != "refused"):
            raise UserError(
                self.env._("Only an aid the commission refused has a notice.")
            )
        return True
