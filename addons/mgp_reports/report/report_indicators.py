# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models
from odoo.exceptions import UserError


class ReportIndicators(models.AbstractModel):
    """Приложение 6: the indicators I1 and I2 of a period for a centre, some
    centres or a region, with their counting rules — the figures of the
    screen, read by the same queries."""

    _name = "report.mgp_reports.report_indicators"
    _inherit = "mgp.report.form"
    _description = "Indicators of the measure (Appendix 6)"

    _mgp_doc_model = "mgp.indicator.report.wizard"

    @api.model
    def _mgp_check_docs(self, docs):
        for wizard in docs:
            if not wizard._mgp_period_ok():
                raise UserError(self.env._("Choose a period and at least one centre."))
        return True

    @api.model
    def _mgp_get_form_values(self, docs):
        # the PDF prints the figures, never the drill-down rows
        return {
            "figures": {
                wizard.id: wizard._mgp_report_data(with_rows=False) for wizard in docs
            }
        }
