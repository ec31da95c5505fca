# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models
from odoo.exceptions import UserError

# How the act names the kind and form of the check (seed 002, 4.2–4.3).
KIND_RU = {
    "current": "текущего контроля",
    "planned": "плановой",
    "unplanned": "внеплановой",
}
FORM_RU = {"on_site": "выездной", "documentary": "документарной"}


class ReportInspectionAct(models.AbstractModel):
    """Акт проверки полноты и качества предоставления государственной услуги
    (seed 002 §IV)."""

    _name = "report.mgp_enquiry.report_inspection_act"
    _inherit = "mgp.report.form"
    _description = "Act of an inspection of the service"

    _mgp_doc_model = "mgp.inspection"

    @api.model
    def _mgp_check_docs(self, docs):
        not_closed = docs.filtered(lambda i: i.state != "closed")
        if not_closed:
            raise UserError(
                self.env._(
                    "The act of %s is printed once the inspection is closed.",
                    ", ".join(not_closed.mapped("name")),
                )
            )
        return True

    @api.model
    def _mgp_get_form_values(self, docs):
        return {
            "form": {
                inspection.id: {
                    "title": self._mgp_title(inspection),
                    "cases": inspection.case_ids,
                }
                for inspection in docs
            }
        }

    @api.model
    def _mgp_title(self, inspection):
        if inspection.kind == "current":
            return "проверки в порядке текущего контроля"
        return "%s %s проверки" % (KIND_RU[inspection.kind], FORM_RU[inspection.form])
