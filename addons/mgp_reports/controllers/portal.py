# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request

from odoo.addons.mgp_accompaniment.controllers.portal import MgpAccompanimentPortal


class MgpReportsPortal(MgpAccompanimentPortal):
    @http.route(
        "/my/accompaniment/<int:case_id>/certificate/html",
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_accompaniment_certificate_html(self, case_id, **kw):
        """The certificate as an accessible page: the text of the printed
        form (Appendix 1) that a screen reader reads."""
        case = self._mgp_get_case(case_id)
        if case.partner_id != request.env.user.partner_id or not (
            case.certificate_number
        ):
            raise NotFound()
        # access to the case was checked above; the form reads the person's
        # data that a portal user may not read field by field
        form_values = (
            request.env["report.mgp_reports.report_certificate"]
            .sudo()
            .with_company(case.company_id)
            ._get_report_values(case.ids)
        )
        values = self._prepare_portal_layout_values()
        values.update(form_values)
        values.update(
            {
                "case": case,
                "doc": form_values["docs"],
                "page_name": "mgp_accompaniment",
            }
        )
        return request.render("mgp_reports.portal_certificate_html", values)
