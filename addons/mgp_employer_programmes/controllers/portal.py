# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain
from odoo.http import request

from odoo.addons.mgp_base.controllers.portal import MgpPortal, readonly_get

MODULE = "mgp_employer_programmes"
REFUSED = (UserError, ValidationError, AccessError)


def error_text(error):
    """The message of a refused action, as the form shows it."""
    return str(error.args[0] if error.args else error)


class MgpProgrammesPortal(MgpPortal):
    """The portal pages of the programmes: the employer's subsidy
    (applications, a new application, the agreement and the dismissal
    reports) and the disabled person's business aid and training (the
    application, the state, the documents, the consent)."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        self._mgp_count_into(
            values,
            counters,
            "mgp_subsidy_count",
            "mgp.subsidy.application",
            self._mgp_subsidy_domain(),
        )
        self._mgp_count_into(
            values, counters, "mgp_business_aid_count", "mgp.business.aid"
        )
        return self._mgp_count_into(
            values, counters, "mgp_training_count", "mgp.training.referral"
        )

    def _mgp_subsidy_domain(self):
        organisation = request.env.user.partner_id.commercial_partner_id
        return Domain("employer_id", "=", organisation.id)

    def _mgp_page(self, template, page_name, values):
        return self._mgp_render(
            f"{MODULE}.{template}", dict(values, page_name=page_name)
        )

    # ------------------------------------------------------------------
    # The employer: subsidy applications
    # ------------------------------------------------------------------
    def _mgp_employer_or_404(self):
        """The empty application model, for the representative of an
        organisation that may apply (404 otherwise)."""
        if not request.env.user._mgp_may_apply_for_subsidy():
            raise NotFound()
        return request.env["mgp.subsidy.application"]

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
        return self._mgp_page(
            "portal_my_subsidies",
            "mgp_subsidy",
            {"applications": applications, "pager": pager},
        )

    @http.route(
        "/my/subsidy/<int:application_id>",
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_subsidy(self, application_id, **kw):
        application = self._mgp_record_or_404("mgp.subsidy.application", application_id)
        return self._mgp_page(
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
        Application = self._mgp_employer_or_404()
        errors, field_errors = [], {}
        kind_ids = self._mgp_read_ids("cost_kind_ids")
        if request.httprequest.method == "POST":
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
                    application = Application._mgp_portal_apply(
                        vals, self._mgp_read_files()
                    )
                except REFUSED as error:
                    request.env.cr.rollback()
                    errors = [error_text(error)]
                else:
                    return request.redirect(
                        f"/my/subsidy/{application.id}?success=applied"
                    )
        return self._mgp_page(
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

    # ------------------------------------------------------------------
    # The employer: the agreement, its monitoring, the dismissal reports
    # ------------------------------------------------------------------
    @http.route(
        "/my/subsidy/agreement/<int:agreement_id>",
        type="http",
        auth="user",
        methods=["GET", "POST"],
        readonly=readonly_get,
        website=True,
    )
    def portal_my_subsidy_agreement(self, agreement_id, **post):
        """The agreement's page; its form sends the report of a dismissal
        with the order and the vacancy form (seed 004:112)."""
        # record rules: the employer's own agreements only, else 404
        agreement = self._mgp_record_or_404("mgp.subsidy.agreement", agreement_id)
        errors = []
        if request.httprequest.method == "POST":
            employment_id = post.get("employment_id") or ""
            try:
                agreement._mgp_portal_report_dismissal(
                    int(employment_id) if employment_id.isdigit() else 0,
                    self._mgp_read_files(),
                )
            except REFUSED as error:
                request.env.cr.rollback()
                errors = [error_text(error)]
            else:
                return request.redirect(f"{agreement.access_url}?success=reported")
        return self._mgp_page(
            "portal_my_subsidy_agreement",
            "mgp_subsidy",
            {
                "agreement": agreement,
                "figures": agreement._mgp_portal_values(),
                "success": post.get("success"),
                "errors": errors,
            },
        )

    # ------------------------------------------------------------------
    # The person: business aid
    # ------------------------------------------------------------------
    @http.route(
        ["/my/business-aid", "/my/business-aid/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_business_aids(self, page=1, **kw):
        if not request.env.user._mgp_is_citizen():
            raise NotFound()
        # the record rules show the person's own aids only
        aids, pager = self._mgp_paged("mgp.business.aid", [], "/my/business-aid", page)
        return self._mgp_page(
            "portal_my_business_aids",
            "mgp_business_aid",
            {"aids": aids, "pager": pager},
        )

    @http.route(
        "/my/business-aid/apply",
        type="http",
        auth="user",
        methods=["GET", "POST"],
        readonly=readonly_get,
        website=True,
    )
    def portal_business_aid_apply(self, **post):
        if not request.env.user._mgp_is_citizen():
            raise NotFound()
        Aid = request.env["mgp.business.aid"]
        errors, field_errors = [], {}
        purpose_ids = self._mgp_read_ids("purpose_ids")
        if request.httprequest.method == "POST":
            files = self._mgp_read_files("business_plan")
            vals = {
                "company_id": int(post["company_id"])
                if (post.get("company_id") or "").isdigit()
                else False,
                "legal_form": post.get("legal_form"),
                "business_activity": (post.get("business_activity") or "").strip(),
                "purpose_ids": purpose_ids,
                "plan_amount": post.get("plan_amount"),
                "files": files,
            }
            field_errors = Aid._mgp_portal_apply_errors(vals)
            if not field_errors:
                try:
                    aid = Aid._mgp_portal_apply(vals, files)
                except REFUSED as error:
                    request.env.cr.rollback()
                    errors = [error_text(error)]
                else:
                    return request.redirect(f"{aid.access_url}?success=applied")
        return self._mgp_page(
            "portal_business_aid_apply",
            "mgp_business_aid_apply",
            {
                "companies": Aid._mgp_portal_companies(),
                "legal_forms": Aid._fields["legal_form"]._description_selection(
                    request.env
                ),
                "purposes": Aid._mgp_portal_purposes(),
                "checked_purposes": purpose_ids,
                "post": post,
                "errors": errors,
                "field_errors": field_errors,
                "field_ids": {"purpose_ids": "purpose_first"},
            },
        )

    @http.route(
        "/my/business-aid/<int:aid_id>",
        type="http",
        auth="user",
        methods=["GET", "POST"],
        readonly=readonly_get,
        website=True,
    )
    def portal_my_business_aid(self, aid_id, **post):
        return self._mgp_person_page(
            "mgp.business.aid", aid_id, "portal_my_business_aid", post
        )

    # ------------------------------------------------------------------
    # The person: training
    # ------------------------------------------------------------------
    @http.route(
        ["/my/training", "/my/training/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_trainings(self, page=1, **kw):
        # the record rules show the person's own referrals only
        referrals, pager = self._mgp_paged(
            "mgp.training.referral", [], "/my/training", page
        )
        return self._mgp_page(
            "portal_my_trainings",
            "mgp_training",
            {"referrals": referrals, "pager": pager},
        )

    @http.route(
        "/my/training/<int:referral_id>",
        type="http",
        auth="user",
        methods=["GET", "POST"],
        readonly=readonly_get,
        website=True,
    )
    def portal_my_training(self, referral_id, **post):
        return self._mgp_person_page(
            "mgp.training.referral", referral_id, "portal_my_training", post
        )

    def _mgp_person_page(self, model, record_id, template, post):
        """The page of the person's record; its forms send a missing
        document (``document_id`` and ``document``) or, on a training
        referral, the consent to another locality (``consent``)."""
        record = self._mgp_record_or_404(model, record_id)
        errors = []
        if request.httprequest.method == "POST":
            line_id = post.get("document_id") or ""
            try:
                if post.get("consent"):
                    record._mgp_portal_consent()
                    success = "consent"
                else:
                    files = self._mgp_read_files("document")
                    if not files:
                        raise UserError(request.env._("Choose the file to send."))
                    name, content = files[0]
                    record._mgp_portal_upload(
                        int(line_id) if line_id.isdigit() else 0, name, content
                    )
                    success = "document"
            except REFUSED as error:
                request.env.cr.rollback()
                errors = [error_text(error)]
            else:
                return request.redirect(f"{record.access_url}?success={success}")
        return self._mgp_page(
            template,
            record._name.replace(".", "_"),
            {
                "record": record,
                "figures": record._mgp_portal_values(),
                "success": post.get("success"),
                "errors": errors,
            },
        )
