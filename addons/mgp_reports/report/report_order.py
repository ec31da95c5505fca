# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models
from odoo.exceptions import UserError

# Term of accompaniment under the certificate, in months (Standard 692n).
CERTIFICATE_TERM_MONTHS = 6


class ReportOrder(models.AbstractModel):
    """Приложение 3: Приказ о назначении ответственного работника
    государственного учреждения службы занятости за сопровождение при
    содействии занятости инвалида."""

    _name = "report.mgp_reports.report_order"
    _inherit = "mgp.report.form"
    _description = "Order appointing the employee responsible (Appendix 3)"

    _mgp_doc_model = "mgp.accompaniment"

    @api.model
    def _mgp_check_docs(self, docs):
        without = docs.filtered(lambda case: not case.responsible_user_id)
        if without:
            raise UserError(
                self.env._(
                    "No employee of the centre is appointed for %(cases)s: an "
                    "order is printed only for a case accompanied by an employee "
                    "of the centre.",
                    cases=", ".join(without.mapped("display_name")),
                )
            )
        return True

    @api.model
    def _mgp_get_form_values(self, docs):
        # the variant in force today in the region of the (first) centre
        rule = self.env["mgp.deadline.rule"]._get_rule(
            "s1_results", state_id=docs[:1].company_id.state_id.id
        )
        return {
            "form": {case.id: self._mgp_order_values(case) for case in docs},
            "term_months": CERTIFICATE_TERM_MONTHS,
            "results_days": rule.days or 5,
        }

    @api.model
    def _mgp_order_values(self, case):
        centre_lines = case.line_ids.filtered(lambda line: line.performer != "ngo")
        return {
            "activities": (centre_lines or case.line_ids).activity_id.mapped("name"),
            "employee": case.responsible_user_id,
            "city": case.company_id.city or "",
            # the person as named at the approval (or by the last correction)
            "person": case._mgp_printed("order"),
        }
