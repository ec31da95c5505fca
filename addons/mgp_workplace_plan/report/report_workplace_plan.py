# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models
from odoo.exceptions import UserError


class ReportWorkplacePlan(models.AbstractModel):
    """Приложение 2: План мероприятий, рекомендуемых при сопровождении
    инвалида на рабочем месте."""

    _name = "report.mgp_workplace_plan.report_workplace_plan"
    _inherit = "mgp.report.form"
    _description = "Workplace accompaniment plan (Appendix 2)"

    _mgp_doc_model = "mgp.workplace.plan"

    @api.model
    def _mgp_check_docs(self, docs):
        empty = docs.filtered(lambda plan: not plan.line_ids)
        if empty:
            raise UserError(
                self.env._(
                    "The plan %s has no activity yet: nothing to print.",
                    ", ".join(empty.mapped("display_name")),
                )
            )
        return True

    @api.model
    def _mgp_get_form_values(self, docs):
        # the worker as named when the plan was sent (or by its correction)
        return {"printed": {plan.id: plan._mgp_printed("plan") for plan in docs}}


class ReportWorkplaceAppeal(models.AbstractModel):
    """Приложение 5: Обращение о содействии в формировании плана
    сопровождения инвалида на рабочем месте."""

    _name = "report.mgp_workplace_plan.report_workplace_appeal"
    _inherit = "mgp.report.form"
    _description = "Employer's appeal (Appendix 5)"

    _mgp_doc_model = "mgp.workplace.plan"

    @api.model
    def _mgp_check_docs(self, docs):
        offers = docs.filtered(lambda plan: plan.trajectory != "appeal")
        if offers:
            raise UserError(
                self.env._(
                    "%s was not opened by an employer's appeal.",
                    ", ".join(offers.mapped("display_name")),
                )
            )
        return True
