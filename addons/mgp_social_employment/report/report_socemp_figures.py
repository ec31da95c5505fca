# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class ReportSocempFigures(models.AbstractModel):
    """The ministry's figures of the register, printed in Russian from the
    counts of the screen."""

    _name = "report.mgp_social_employment.report_socemp_figures"
    _description = "Figures of the Social Employment Register"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["mgp.socemp.figures"].browse(docids)
        return {
            "doc_ids": docids,
            "doc_model": "mgp.socemp.figures",
            "docs": docs,
            "figures": {wizard.id: wizard._mgp_figures() for wizard in docs},
        }
