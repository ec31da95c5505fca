# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from urllib.parse import quote, urlencode

from werkzeug.exceptions import NotFound

from odoo import fields, http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain
from odoo.http import request

from odoo.addons.mgp_base.controllers.portal import MgpPortal, readonly_get
from odoo.addons.mgp_reports.controllers.portal import render_document_html

PLAN_REPORT = "mgp_workplace_plan.action_report_workplace_plan"
PLAN_DOCUMENT = "mgp_workplace_plan.report_workplace_plan_document"
APPEAL_FIELDS = (
    "worker_name",
    "worker_snils",
    "worker_position",
    "help_expected",
    "contact_name",
    "contact_phone",
    "contact_email",
)


class MgpWorkplacePortal(MgpPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "mgp_workplace_count" in counters:
            Plan = request.env["mgp.workplace.plan"]
            values["mgp_workplace_count"] = (
                Plan.search_count(self._mgp_workplace_domain())
                if Plan.has_access("read")
                else 0
            )
        return values

    def _mgp_workplace_domain(self):
        # the current versions only; older ones are shown in the history
        return request.env["mgp.workplace.plan"]._mgp_portal_domain() & Domain(
            "state", "!=", "revised"
        )

    def _mgp_get_plan(self, plan_id):
        """The plan as the current user may read it, or 404."""
        return self._mgp_record_or_404("mgp.workplace.plan", plan_id)

    @staticmethod
    def _mgp_error_message(error):
        return str(error.args[0] if error.args else error)

    @http.route(
        ["/my/workplace", "/my/workplace/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_workplace_plans(self, page=1, **kw):
        plans, pager = self._mgp_paged(
            "mgp.workplace.plan", self._mgp_workplace_domain(), "/my/workplace", page
        )
        # the employer sees the names of its workers, nothing more: their
        # names only are read, in one query (not the whole person records)
        workers = plans.sudo().partner_id
        workers.fetch(["name"])
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "plans": plans,
                "pager": pager,
                "worker_names": {p.id: p.sudo().partner_id.name for p in plans},
                # the state's label once, not a field widget rendered per row
                "state_labels": dict(
                    plans._fields["state"]._description_selection(request.env)
                ),
                "is_employer": (
                    request.env.user.partner_id.commercial_partner_id.is_company
                ),
                "page_name": "mgp_workplace",
            }
        )
        return request.render("mgp_workplace_plan.portal_my_workplace_plans", values)

    @http.route(
        "/my/workplace/<int:plan_id>",
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_workplace_plan(self, plan_id, **kw):
        plan = self._mgp_get_plan(plan_id)
        is_employer = plan._mgp_is_employer_user()
        versions = plan.version_ids.filtered(lambda p: is_employer or p.state == "sent")
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "plan": plan,
                "is_employer": is_employer,
                "versions": versions,
                # the employer or the worker may not read the centre record
                "centre_name": plan.company_id.sudo().name,
                # the employer sees the name of its worker, nothing more
                "worker_name": plan.partner_id.sudo().name,
                "employer_name": plan.employer_id.sudo().name,
                "offer_due": plan._mgp_offer_due_text(),
                "notices": plan._mgp_portal_notices(),
                "page_name": "mgp_workplace",
                "error": kw.get("error"),
                "success": kw.get("success"),
                # a refused comment: its line, and what was typed in it
                "error_line": int(kw["line"]) if kw.get("line", "").isdigit() else 0,
                "kept_comment": kw.get("comment") or "",
                "kept_date": kw.get("proposed_date") or "",
            }
        )
        return request.render("mgp_workplace_plan.portal_my_workplace_plan", values)

    @http.route(
        "/my/workplace/<int:plan_id>/answer",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_workplace_answer(self, plan_id, answer=None, **kw):
        plan = self._mgp_get_plan(plan_id)
        url = f"/my/workplace/{plan.id}"
        try:
            plan._mgp_portal_answer(answer == "accept")
        except AccessError:
            raise NotFound() from None
        except (UserError, ValidationError) as error:
            request.env.cr.rollback()
            return request.redirect(
                f"{url}?error={quote(self._mgp_error_message(error))}"
            )
        return request.redirect(f"{url}?success=answer")

    @http.route(
        "/my/workplace/line/<int:line_id>/comment",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_workplace_comment(self, line_id, comment=None, proposed_date=None, **kw):
        line = self._mgp_record_or_404("mgp.workplace.plan.line", line_id)
        url = f"/my/workplace/{line.plan_id.id}"
        try:
            line._mgp_portal_comment(
                comment, fields.Date.to_date(proposed_date) if proposed_date else None
            )
        except AccessError:
            raise NotFound() from None
        except (UserError, ValidationError, ValueError) as error:
            request.env.cr.rollback()
            # the error is shown next to the line's comment, which keeps
            # what was typed
            kept = urlencode(
                {
                    "error": self._mgp_error_message(error),
                    "line": line.id,
                    "comment": comment or "",
                    "proposed_date": proposed_date or "",
                }
            )
            return request.redirect(f"{url}?{kept}")
        return request.redirect(f"{url}?success=comment")

    @http.route(
        "/my/workplace/<int:plan_id>/plan.pdf",
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_workplace_plan_pdf(self, plan_id, download=False, **kw):
        plan = self._mgp_get_plan(plan_id)
        if plan.state != "sent":
            raise NotFound()
        # access to the plan was checked above; the form reads the person's
        # data that a portal user may not read field by field
        return self._show_report(
            model=plan.sudo(),
            report_type="pdf",
            report_ref=PLAN_REPORT,
            download=download,
        )

    @http.route(
        "/my/workplace/<int:plan_id>/plan/html",
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_workplace_plan_html(self, plan_id, **kw):
        """The sent plan (Appendix 2) as a page a screen reader reads."""
        plan = self._mgp_get_plan(plan_id)
        if plan.state != "sent":
            raise NotFound()
        return render_document_html(
            self,
            plan,
            "report.mgp_workplace_plan.report_workplace_plan",
            {
                "title": request.env._("Plan %s", plan.name),
                "back_url": f"/my/workplace/{plan.id}",
                "pdf_url": f"/my/workplace/{plan.id}/plan.pdf?download=1",
                "document_template": PLAN_DOCUMENT,
                "page_name": "mgp_workplace",
            },
        )

    @http.route(
        "/my/workplace/appeal",
        type="http",
        auth="user",
        methods=["GET", "POST"],
        readonly=readonly_get,
        website=True,
    )
    def portal_workplace_appeal(self, **post):
        Plan = request.env["mgp.workplace.plan"]
        errors, field_errors = [], {}
        if request.httprequest.method == "POST":
            vals = {name: (post.get(name) or "").strip() for name in APPEAL_FIELDS}
            try:
                if post.get("worker_hire_date"):
                    vals["worker_hire_date"] = fields.Date.to_date(
                        post["worker_hire_date"]
                    )
                if post.get("company_id"):
                    vals["company_id"] = int(post["company_id"])
                files = request.httprequest.files.getlist("attachments")
                files = [(f.filename, f.read()) for f in files if f.filename]
                field_errors = Plan._mgp_portal_appeal_errors(vals, files)
                if not field_errors:
                    plan = Plan._mgp_portal_file_appeal(vals, files)
            except (UserError, ValidationError, AccessError, ValueError) as error_:
                request.env.cr.rollback()
                errors = [self._mgp_error_message(error_)]
            else:
                if not field_errors:
                    return request.redirect(f"/my/workplace/{plan.id}?success=appeal")
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "companies": Plan._mgp_portal_companies(),
                "post": post,
                "errors": errors,
                "field_errors": field_errors,
                "page_name": "mgp_workplace_appeal",
            }
        )
        return request.render("mgp_workplace_plan.portal_workplace_appeal", values)
