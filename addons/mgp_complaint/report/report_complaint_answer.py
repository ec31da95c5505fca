# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models
from odoo.exceptions import UserError

# Russian wording of the printed answer, whatever the user's language.
RU_SUBJECTS = {
    "registration_delay": "нарушение срока регистрации заявления",
    "service_delay": "нарушение срока предоставления государственной услуги",
    "extra_documents": "требование документов, не предусмотренных нормативными "
    "правовыми актами",
    "documents_refused": "отказ в приеме документов",
    "typo_refused": "отказ в исправлении допущенных опечаток и ошибок в выданных "
    "документах",
    "typo_delay": "нарушение срока исправления опечаток и ошибок",
    "service_refused": "отказ в предоставлении услуги (отсутствие нуждаемости)",
    "other": "иное",
}
RU_REMEDIES = {
    "case_reopened": "возобновлено предоставление услуги",
    "document_corrected": "выданный документ исправлен",
    "decision_reviewed": "решение пересмотрено",
    "documents_accepted": "документы приняты",
    "other": "иные меры",
}


class ReportComplaintAnswer(models.AbstractModel):
    """The reasoned answer to a pre-trial complaint (210-ФЗ, ст. 11.2)."""

    _name = "report.mgp_complaint.report_complaint_answer"
    _inherit = "mgp.report.form"
    _description = "Answer to a pre-trial complaint"

    _mgp_doc_model = "mgp.complaint"

    @api.model
    def _mgp_check_docs(self, docs):
        docs._mgp_check_answer_reader()
        undecided = docs.filtered(lambda complaint: not complaint.decision)
        if undecided:
            raise UserError(
                self.env._(
                    "No decision is taken on %s yet: the answer cannot be printed.",
                    ", ".join(undecided.mapped("name")),
                )
            )
        return True

    @api.model
    def _mgp_get_form_values(self, docs):
        return {"ru_subjects": RU_SUBJECTS, "ru_remedies": RU_REMEDIES}
