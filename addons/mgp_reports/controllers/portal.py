# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request

from odoo.addons.mgp_accompaniment.controllers.portal import MgpAccompanimentPortal


def render_document_html(controller, record, report_model, values):
    """The accessible HTML page of a printed form of ``record``.

    :param controller: the portal controller (its layout values)
    :param report_model: the report's abstract model (its form values)
    :param values: ``title``, ``back_url``, ``pdf_url``,
        ``document_template`` and ``page_name``
    """
    # the caller checked the user's access to the record; the form reads the
    # centre's and the person's data that a portal user may not read
    form_values = (
        request.env[report_model]
        .sudo()
        .with_company(record.company_id)
        ._get_report_values(record.ids)
    )
    page = controller._prepare_portal_layout_values()
    page.update(form_values)
    page["doc"] = form_values["docs"]
    page.update(values)
    return request.render("mgp_reports.portal_document_html", page)


class MgpReportsPortal(MgpAccompanimentPortal):
    @http.route(
        "/my/accompaniment/<int:case_id>/certificate/html",
        type="http",
        auth="user",
        website=True,
        readonly=True,
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
