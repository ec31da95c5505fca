# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


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
