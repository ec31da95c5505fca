# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain
from odoo.http import request

from odoo.addons.mgp_base.controllers.portal import MgpPortal, readonly_get


class MgpSubsidyPortal(MgpPortal):
    """The employer's pages of the workplace subsidy: its applications, a
    new application, the state of each one and of its agreement."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "mgp_subsidy_count" in counters:
            Application = request.env["mgp.subsidy.application"]
            values["mgp_subsidy_count"] = (
                Application.search_count(self._mgp_subsidy_domain())
                if Application.has_access("read")
                else 0
            )
        return values

    def _mgp_subsidy_domain(self):
        organisation = request.env.user.partner_id.commercial_partner_id
        return Domain("employer_id", "=", organisation.id)

    # ------------------------------------------------------------------
    # The prelude of every page: the employer, its access, else 404
    # ------------------------------------------------------------------
    def _mgp_employer_or_404(self, application_id=None):
        """The organisation the portal user represents and may apply for
        (404 otherwise) and the empty application model; with
        ``application_id``, that application as the user may read it (404
        when it may not) and its employer.

        :return: ``(employer, application)``
        """
        user = request.env.user
        if application_id is not None:
            # a page of an application: its own access (record rules)
            application = self._mgp_record_or_404(
                "mgp.subsidy.application", application_id
            )
            return application.employer_id, application
        if not user._mgp_may_apply_for_subsidy():
            raise NotFound()
        return (
            user._mgp_portal_organisation(),
            request.env["mgp.subsidy.application"],
        )

    def _mgp_subsidy_render(self, template, page_name, values):
        """Render a page of the subsidy with the portal layout."""
        page = self._prepare_portal_layout_values()
        page.update(values, page_name=page_name)
        return request.render(f"mgp_employer_programmes.{template}", page)

    @http.route(
        ["/my/subsidy", "/my/subsidy/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_subsidies(self, page=1, **kw):
        self._mgp_employer_or_404()
        applications, pager = self._mgp_paged(
            "mgp.subsidy.application", self._mgp_subsidy_domain(), "/my/subsidy", page
        )
        return self._mgp_subsidy_render(
            "portal_my_subsidies",
            "mgp_subsidy",
            {
                "applications": applications,
                "pager": pager,
                "success": kw.get("success"),
            },
        )

    @http.route(
        "/my/subsidy/<int:application_id>",
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_subsidy(self, application_id, **kw):
        __, application = self._mgp_employer_or_404(application_id)
        return self._mgp_subsidy_render(
            "portal_my_subsidy",
            "mgp_subsidy",
            {
                "application": application,
                # the employer reads the state of its application, not the
                # centre's records it refers to
                "figures": application._mgp_portal_figures(),
                "success": kw.get("success"),
            },
        )

    @http.route(
        "/my/subsidy/apply",
        type="http",
        auth="user",
        methods=["GET", "POST"],
        readonly=readonly_get,
        website=True,
    )
    def portal_subsidy_apply(self, **post):
        __, Application = self._mgp_employer_or_404()
        errors, field_errors = [], {}
        kind_ids = [
            int(value)
            for value in request.httprequest.form.getlist("cost_kind_ids")
            if value.isdigit()
        ]
        if request.httprequest.method == "POST":
            files = request.httprequest.files.getlist("attachments")
            files = [(f.filename, f.read()) for f in files if f.filename]
            vals = {
                "company_id": int(post["company_id"])
                if (post.get("company_id") or "").isdigit()
                else False,
                "cost_kind_ids": kind_ids,
                "workplace_count": post.get("workplace_count"),
                "amount_requested": post.get("amount_requested"),
                "works_description": (post.get("works_description") or "").strip(),
                "home_work_ipra": bool(post.get("home_work_ipra")),
            }
            field_errors = Application._mgp_portal_apply_errors(vals)
            if not field_errors:
                try:
                    application = Application._mgp_portal_apply(vals, files)
                except (UserError, ValidationError, AccessError) as error:
                    request.env.cr.rollback()
                    errors = [str(error.args[0] if error.args else error)]
                else:
                    return request.redirect(
                        f"/my/subsidy/{application.id}?success=applied"
                    )
        return self._mgp_subsidy_render(
            "portal_subsidy_apply",
            "mgp_subsidy_apply",
            {
                "companies": Application._mgp_portal_companies(),
                "cost_kinds": request.env["mgp.subsidy.cost.kind"].search([]),
                "checked_kinds": kind_ids,
                "documents": Application._mgp_portal_document_types(),
                "post": post,
                "errors": errors,
                "field_errors": field_errors,
                "field_ids": {"cost_kind_ids": "cost_kind_first"},
            },
        )
