# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class ReportQuotaNotice(models.AbstractModel):
    """The centre's letter to the regional authority (seed 004:57)."""

    _name = "report.mgp_quota.report_quota_notice"
    _inherit = "mgp.report.form"
    _description = "Notice to the regional authority on the quota"

    _mgp_doc_model = "mgp.quota.notice"

    @api.model
    def _mgp_get_form_values(self, docs):
        return {"rows": {notice.id: notice._mgp_rows() for notice in docs}}
