# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request

from odoo.addons.mgp_base.controllers.portal import MgpPortal, readonly_get

STAFF_ROWS = 3
TEXT_FIELDS = (
    "org_name",
    "inn",
    "ogrn",
    "address",
    "head_name",
    "head_position",
    "contact_name",
    "phone",
    "email",
    "conditions",
    "schedule",
    "accessibility",
    "territory",
    "inclusion_basis",
    "social_order_ref",
)


class MgpNgoPortal(MgpPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        return self._mgp_count_into(
            values, counters, "mgp_ngo_application_count", "mgp.ngo.application"
        )

    # ------------------------------------------------------------------
    # Applications of the organisation
    # ------------------------------------------------------------------
    @http.route(
        ["/my/ngo/applications", "/my/ngo/applications/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_ngo_applications(self, page=1, **kw):
        Application = request.env["mgp.ngo.application"]
        if not Application.has_access("read"):
            raise NotFound()
        values = self._prepare_portal_layout_values()
        applications, pager = self._mgp_paged(
            "mgp.ngo.application",
            [],
            "/my/ngo/applications",
            page,
            order="date_received desc, id desc",
        )
        values.update(
            {
                "applications": applications,
                "organisation": request.env.user._mgp_ngo_partner(),
                "page_name": "mgp_ngo_applications",
                "pager": pager,
                "default_url": "/my/ngo/applications",
            }
        )
        return request.render("mgp_ngo_registry.portal_my_ngo_applications", values)

    @http.route(
        "/my/ngo/application/<int:application_id>",
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_ngo_application(self, application_id, **kw):
        application = self._mgp_record_or_404("mgp.ngo.application", application_id)
        # portal users have no access to attachments: give token links to the
        # documents of an application they are allowed to read
        attachments = application.sudo().attachment_ids
        documents = [
            {
                "name": attachment.name,
                "url": f"/web/content/{attachment.id}?download=true"
                f"&access_token={token}",
            }
            for attachment, token in zip(
                attachments, attachments.generate_access_token(), strict=True
            )
        ]
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "application": application,
                "documents": documents,
                "organisation": application.partner_id,
                "page_name": "mgp_ngo_application",
                "submitted": kw.get("submitted"),
            }
        )
        return request.render("mgp_ngo_registry.portal_my_ngo_application", values)

    @http.route(
        "/my/ngo/application/new",
        type="http",
        auth="user",
        methods=["GET", "POST"],
        readonly=readonly_get,
        website=True,
    )
    def portal_my_ngo_application_new(self, **post):
        user = request.env.user
        if not user._is_portal():
            raise NotFound()
        organisation = user.partner_id.commercial_partner_id
        if not organisation.is_company:
            organisation = request.env["res.partner"]
        errors = []
        field_errors = {}
        form = self._mgp_default_form(organisation)
        if request.httprequest.method == "POST":
            form = self._mgp_read_form(post)
            files = self._mgp_read_files()
            Application = request.env["mgp.ngo.application"]
            # the model's own validation: its messages are shown next to
            # the fields, and the form keeps everything typed
            try:
                field_errors = Application._mgp_portal_validate(form, files)
                if not field_errors:
                    with request.env.cr.savepoint():
                        application = Application._mgp_portal_submit(form, files)
                    return request.redirect(
                        f"/my/ngo/application/{application.id}?submitted=1"
                    )
            except (UserError, ValidationError) as exc:
                errors.append(exc.args[0])
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "mgp_ngo_application_new",
                "form": form,
                "errors": errors,
                "field_errors": field_errors,
                "organisation": organisation,
                "activities": request.env["mgp.activity"].search(
                    [("service", "=", "employment")]
                ),
                "help_forms": request.env["mgp.ngo.help.form"].search([]),
                "accessibility_features": request.env["mgp.ngo.accessibility"].search(
                    []
                ),
                "schedule_slots": request.env["mgp.ngo.schedule.slot"].search([]),
                "inclusion_bases": request.env["mgp.ngo.application"]
                ._fields["inclusion_basis"]
                ._description_selection(request.env),
                "regions": request.env["res.country.state"]
                .sudo()  # public reference data: the regions of Russia
                .search([("country_id.code", "=", "RU")], order="name"),
                "staff_rows": STAFF_ROWS,
                "max_upload_mb": self._mgp_max_upload_mb(),
            }
        )
        return request.render("mgp_ngo_registry.portal_my_ngo_application_form", values)

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _mgp_default_form(self, organisation):
        form = {name: "" for name in TEXT_FIELDS}
        form.update(
            {
                "activity_ids": [],
                "help_form_ids": [],
                "accessibility_ids": [],
                "schedule_slot_ids": [],
                "inclusion_basis": "application",
                "state_id": request.env.user.company_id.state_id.id or "",
                "capacity": "",
                "staff": [{} for _index in range(STAFF_ROWS)],
            }
        )
        if organisation:
            form.update(
                {
                    "org_name": organisation.name or "",
                    "inn": organisation.vat or "",
                    "ogrn": organisation.company_registry or "",
                    "address": organisation._display_address(without_company=True)
                    .replace("\n", ", ")
                    .strip(", "),
                    "phone": organisation.phone or "",
                    "email": organisation.email or "",
                    "state_id": organisation.state_id.id or form["state_id"],
                }
            )
        return form

    def _mgp_read_form(self, post):
        form = {name: (post.get(name) or "").strip() for name in TEXT_FIELDS}
        form["activity_ids"] = self._mgp_read_ids("activity_ids")
        form["help_form_ids"] = self._mgp_read_ids("help_form_ids")
        form["accessibility_ids"] = self._mgp_read_ids("accessibility_ids")
        form["schedule_slot_ids"] = self._mgp_read_ids("schedule_slot_ids")
        state_id = post.get("state_id") or ""
        form["state_id"] = int(state_id) if state_id.isdigit() else ""
        form["capacity"] = (post.get("capacity") or "").strip()
        form["staff"] = [
            {
                "name": (post.get(f"staff_name_{index}") or "").strip(),
                "job_title": (post.get(f"staff_job_{index}") or "").strip(),
                "qualification": (post.get(f"staff_doc_{index}") or "").strip(),
                "document_date": (post.get(f"staff_date_{index}") or "").strip(),
                "activity_ids": self._mgp_read_ids(f"staff_activity_ids_{index}"),
            }
            for index in range(STAFF_ROWS)
        ]
        return form

    def _mgp_max_upload_mb(self):
        return request.env["mgp.upload"]._max_upload_mb()
