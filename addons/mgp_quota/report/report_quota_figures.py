# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models
from odoo.exceptions import UserError

from ..wizard.mgp_quota_figures_wizard import FIGURES


class ReportQuotaFigures(models.AbstractModel):
    """The quota figures of the centres and the region, the rows of the
    screen and of the workbook."""

    _name = "report.mgp_quota.report_quota_figures"
    _inherit = "mgp.report.form"
    _description = "Quota figures of the centres and the region"

    _mgp_doc_model = "mgp.quota.figures.wizard"

    @api.model
    def _mgp_check_docs(self, docs):
        for wizard in docs:
            # the rows are computed as the user who asks for the print
            if not wizard.line_ids:
                raise UserError(self.env._("Compute the figures by centre first."))
        return True

    @api.model
    def _mgp_get_form_values(self, docs):
        return {
            "heads": [label for _name, label in FIGURES],
            "rows": {wizard.id: wizard._mgp_rows() for wizard in docs},
            "scope": {wizard.id: wizard._mgp_scope_text() for wizard in docs},
        }
