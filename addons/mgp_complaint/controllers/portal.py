# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request

from odoo.addons.mgp_base.controllers.portal import MgpPortal, readonly_get
from odoo.addons.mgp_reports.controllers.portal import render_document_html

from ..models.mgp_complaint import MgpPortalError

ANSWER_REPORT = "mgp_complaint.action_report_complaint_answer"


class MgpComplaintPortal(MgpPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        self._mgp_count_into(
            values, counters, "mgp_correction_count", "mgp.document.correction"
        )
        return self._mgp_count_into(
            values, counters, "mgp_complaint_count", "mgp.complaint"
        )

    @http.route(
        ["/my/complaints", "/my/complaints/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_complaints(self, page=1, **kw):
        # the record rules show the complainant's own complaints only
        complaints, pager = self._mgp_paged("mgp.complaint", [], "/my/complaints", page)
        values = self._prepare_portal_layout_values()
        values.update(
            {"complaints": complaints, "pager": pager, "page_name": "mgp_complaint"}
        )
        return request.render("mgp_complaint.portal_my_complaints", values)

    @http.route(
        "/my/complaint/<int:complaint_id>",
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_complaint(self, complaint_id, **kw):
        complaint = self._mgp_record_or_404("mgp.complaint", complaint_id)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "complaint": complaint,
                # the complainant may belong to another company than the centre
                "centre_name": complaint.company_id.sudo().name,
                "page_name": "mgp_complaint",
                "filed": kw.get("filed"),
            }
        )
        return request.render("mgp_complaint.portal_my_complaint", values)

    @http.route(
        "/my/complaint/<int:complaint_id>/answer",
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_complaint_answer(self, complaint_id, download=False, **kw):
        complaint = self._mgp_answered(complaint_id)
        # access to the complaint was checked above; the report reads the
        # centre and the reviewer, which a portal user may not read
        return self._show_report(
            model=complaint.sudo(),
            report_type="pdf",
            report_ref=ANSWER_REPORT,
            download=download,
        )

    @http.route(
        "/my/complaint/<int:complaint_id>/answer/html",
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_complaint_answer_html(self, complaint_id, **kw):
        """The reasoned answer as a page a screen reader reads."""
        complaint = self._mgp_answered(complaint_id)
        return render_document_html(
            self,
            complaint,
            "report.mgp_complaint.report_complaint_answer",
            {
                "title": request.env._("Answer to the complaint %s", complaint.name),
                "back_url": f"/my/complaint/{complaint.id}",
                "pdf_url": f"/my/complaint/{complaint.id}/answer?download=1",
                "document_template": "mgp_complaint.report_complaint_answer_document",
                "page_name": "mgp_complaint",
            },
        )

    def _mgp_answered(self, complaint_id):
        """The user's answered complaint, or 404."""
        complaint = self._mgp_record_or_404("mgp.complaint", complaint_id)
        if complaint.state != "answered":
            raise NotFound()
        return complaint

    @http.route(
        "/my/complaint/new",
        type="http",
        auth="user",
        methods=["GET", "POST"],
        readonly=readonly_get,
        website=True,
    )
    def portal_my_complaint_new(self, **post):
        Complaint = request.env["mgp.complaint"]
        errors = {}
        if request.httprequest.method == "POST":
            files = self._mgp_read_files()
            try:
                complaint = Complaint._mgp_portal_file(
                    post.get("target"),
                    post.get("subject"),
                    post.get("description"),
                    files,
                )
            except MgpPortalError as error:
                request.env.cr.rollback()
                errors = error.errors
            else:
                return request.redirect(f"/my/complaint/{complaint.id}?filed=1")
        targets = Complaint._mgp_portal_targets(request.env.user.partner_id)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "targets": [
                    (f"{record._name},{record.id}", record.display_name)
                    for record in targets
                ],
                "subjects": [
                    (key, label)
                    for key, label in Complaint._fields[
                        "subject"
                    ]._description_selection(request.env)
                ],
                "errors": errors,
                "form": post,
                "page_name": "mgp_complaint",
            }
        )
        return request.render("mgp_complaint.portal_my_complaint_new", values)

    # ------------------------------------------------------------------
    # Corrections of issued documents
    # ------------------------------------------------------------------
    @http.route(
        ["/my/corrections", "/my/corrections/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_corrections(self, page=1, **kw):
        # the record rules show the applicant's own requests only
        corrections, pager = self._mgp_paged(
            "mgp.document.correction", [], "/my/corrections", page
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {"corrections": corrections, "pager": pager, "page_name": "mgp_correction"}
        )
        return request.render("mgp_complaint.portal_my_corrections", values)

    @http.route(
        "/my/correction/<int:correction_id>",
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_correction(self, correction_id, **kw):
        correction = self._mgp_record_or_404("mgp.document.correction", correction_id)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "correction": correction,
                "page_name": "mgp_correction",
                "filed": kw.get("filed"),
            }
        )
        return request.render("mgp_complaint.portal_my_correction", values)

    @http.route(
        "/my/correction/new",
        type="http",
        auth="user",
        methods=["GET", "POST"],
        readonly=readonly_get,
        website=True,
    )
    def portal_my_correction_new(self, **post):
        Correction = request.env["mgp.document.correction"]
        errors = {}
        if request.httprequest.method == "POST":
            try:
                correction = Correction._mgp_portal_request(
                    post.get("case"),
                    post.get("description"),
                    post.get("new_name"),
                    post.get("new_snils"),
                    post.get("new_position"),
                )
            except MgpPortalError as error:
                request.env.cr.rollback()
                errors = error.errors
            else:
                return request.redirect(f"/my/correction/{correction.id}?filed=1")
        documents = Correction._mgp_portal_documents(request.env.user.partner_id)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "documents": documents,
                "errors": errors,
                "form": post,
                "page_name": "mgp_correction",
            }
        )
        return request.render("mgp_complaint.portal_my_correction_new", values)
