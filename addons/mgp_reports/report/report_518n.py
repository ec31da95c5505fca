# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models
from odoo.exceptions import UserError


class Report518nBase(models.AbstractModel):
    """The forms of seed 002 (the superseded standard 518н): printed only for
    cases started before the standard of Order 692n came into force."""

    _name = "report.mgp_reports.report_518n_base"
    _inherit = "mgp.report.form"
    _description = "Printed form of standard 518n"

    _mgp_doc_model = "mgp.accompaniment"

    @api.model
    def _mgp_check_docs(self, docs):
        newer = docs.filtered(lambda case: not case.mgp_518n)
        if newer:
            raise UserError(
                self.env._(
                    "%(cases)s started under the standard of Order 692n, which "
                    "has no citizen application nor conclusion: the forms of "
                    "standard 518n are printed only for cases started before it "
                    "came into force.",
                    cases=", ".join(newer.mapped("display_name")),
                )
            )
        return True

    @api.model
    def _mgp_get_form_values(self, docs):
        return {
            "form": {
                case.id: {"person": case._mgp_printed("conclusion")} for case in docs
            }
        }


class Report518nApplication(models.AbstractModel):
    """Seed 002, Приложение 2: Заявление о предоставлении государственной
    услуги по организации сопровождения при содействии занятости инвалидов."""

    _name = "report.mgp_reports.report_518n_application"
    _inherit = "report.mgp_reports.report_518n_base"
    _description = "Application for the service (standard 518n)"


class Report518nConclusion(models.AbstractModel):
    """Seed 002, Приложение 1: Заключение о предоставлении государственной
    услуги по организации сопровождения при содействии занятости инвалидов."""

    _name = "report.mgp_reports.report_518n_conclusion"
    _inherit = "report.mgp_reports.report_518n_base"
    _description = "Conclusion on the service (standard 518n)"

    @api.model
    def _mgp_check_docs(self, docs):
        super()._mgp_check_docs(docs)
        without = docs.filtered(
            lambda case: not (case.responsible_user_id or case.ngo_id)
        )
        if without:
            raise UserError(
                self.env._(
                    "Neither an employee nor an NGO is assigned to %(cases)s: "
                    "the conclusion records one of them.",
                    cases=", ".join(without.mapped("display_name")),
                )
            )
        return True
