# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64

from werkzeug.exceptions import NotFound

from odoo import fields, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

STAFF_ROWS = 5
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
    "territory",
)


class MgpNgoPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "mgp_ngo_application_count" in counters:
            Application = request.env["mgp.ngo.application"]
            values["mgp_ngo_application_count"] = (
                Application.search_count([]) if Application.has_access("read") else 0
            )
        return values

    # ------------------------------------------------------------------
    # Applications of the organisation
    # ------------------------------------------------------------------
    @http.route(
        ["/my/ngo/applications", "/my/ngo/applications/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_ngo_applications(self, page=1, **kw):
        Application = request.env["mgp.ngo.application"]
        if not Application.has_access("read"):
            raise NotFound()
        values = self._prepare_portal_layout_values()
        count = Application.search_count([])
        pager = portal_pager(
            url="/my/ngo/applications",
            total=count,
            page=page,
            step=self._items_per_page,
        )
        applications = Application.search(
            [],
            order="date_received desc, id desc",
            limit=self._items_per_page,
            offset=pager["offset"],
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
    )
    def portal_my_ngo_application(self, application_id, **kw):
        application = request.env["mgp.ngo.application"].browse(application_id)
        try:
            application.check_access("read")
            application = application.exists()
        except (AccessError, MissingError):
            raise NotFound() from None
        if not application:
            raise NotFound()
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
        form = self._mgp_default_form(organisation)
        if request.httprequest.method == "POST":
            form = self._mgp_read_form(post)
            try:
                with request.env.cr.savepoint():
                    application = self._mgp_submit_application(form, organisation)
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
                "organisation": organisation,
                "activities": request.env["mgp.activity"].search(
                    [("service", "=", "employment")]
                ),
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
        httpform = request.httprequest.form
        form["activity_ids"] = [
            int(value) for value in httpform.getlist("activity_ids") if value.isdigit()
        ]
        state_id = post.get("state_id") or ""
        form["state_id"] = int(state_id) if state_id.isdigit() else ""
        form["capacity"] = (post.get("capacity") or "").strip()
        form["staff"] = [
            {
                "name": (post.get(f"staff_name_{index}") or "").strip(),
                "job_title": (post.get(f"staff_job_{index}") or "").strip(),
                "qualification": (post.get(f"staff_doc_{index}") or "").strip(),
                "document_date": (post.get(f"staff_date_{index}") or "").strip(),
            }
            for index in range(STAFF_ROWS)
        ]
        return form

    def _mgp_max_upload_mb(self):
        return request.env["mgp.upload"]._max_upload_mb()

    def _mgp_read_files(self):
        """Uploaded documents as attachment values; refuse bad type or size
        with the suite's shared check."""
        Upload = request.env["mgp.upload"]
        attachments = []
        for upload in request.httprequest.files.getlist("attachments"):
            if not upload or not upload.filename:
                continue
            content = upload.read()
            filename, mimetype = Upload._check_upload(upload.filename, content)
            attachments.append(
                {
                    "name": filename,
                    "datas": base64.b64encode(content),
                    "mimetype": mimetype,
                    "res_model": "mgp.ngo.application",
                }
            )
        return attachments

    def _mgp_submit_application(self, form, organisation):
        """Validate the form and create the submitted application.

        Runs in a savepoint: any error leaves nothing behind.
        """
        env = request.env
        Partner = env["res.partner"]
        if not form["org_name"]:
            raise ValidationError(env._("Enter the full name of the organisation."))
        if not form["inn"]:
            raise ValidationError(env._("Enter the INN of the organisation."))
        inn = Partner._mgp_check_inn(form["inn"])
        own_inn = "".join((organisation.vat or "").split())
        if own_inn and inn != own_inn:
            # the application is bound to the user's own organisation
            raise ValidationError(
                env._(
                    "The INN %(inn)s is not the INN of your organisation "
                    "%(name)s (%(own)s): an application can only be filed for "
                    "your own organisation.",
                    inn=inn,
                    name=organisation.name,
                    own=own_inn,
                )
            )
        ogrn = Partner._mgp_check_ogrn(form["ogrn"]) if form["ogrn"] else False
        if not form["activity_ids"]:
            raise ValidationError(
                env._("Choose at least one activity the organisation performs.")
            )
        capacity = form["capacity"]
        if capacity and not capacity.isdigit():
            raise ValidationError(env._("The capacity must be a whole number."))
        staff_lines = []
        for row in form["staff"]:
            if not any(row.values()):
                continue
            if not row["name"]:
                raise ValidationError(env._("Enter the full name of each employee."))
            try:
                document_date = fields.Date.to_date(row["document_date"] or None)
            except ValueError:
                raise ValidationError(
                    env._("The document date of %s is not a valid date.", row["name"])
                ) from None
            staff_lines.append(
                fields.Command.create(dict(row, document_date=document_date))
            )
        attachments = self._mgp_read_files()
        activities = env["mgp.activity"].search(
            [("id", "in", form["activity_ids"]), ("service", "=", "employment")]
        )
        region = (
            env["res.country.state"]
            .sudo()  # public reference data: one of the regions of Russia offered
            .search(
                [("id", "=", form["state_id"] or 0), ("country_id.code", "=", "RU")],
                limit=1,
            )
        )
        # Portal users cannot create partners, applications or attachments:
        # the values were validated above and are bound to the user's own
        # organisation.
        env_su = env(su=True)
        user = env.user
        if not organisation:
            # own record; the person fields are restricted to the centre's staff
            person = user.partner_id.sudo()
            if person.mgp_snils or person.mgp_disability_group:
                # the citizen's record must not become an organisation's contact
                raise ValidationError(
                    env._(
                        "Your account is the personal account of a citizen served "
                        "by the employment centre: to file an application for an "
                        "organisation, ask the centre for a separate account of "
                        "the organisation's representative."
                    )
                )
            organisation = env_su["res.partner"].create(
                {
                    "name": form["org_name"],
                    "is_company": True,
                    "vat": inn,
                    "company_registry": ogrn,
                    "street": form["address"],
                    "phone": form["phone"],
                    "email": form["email"],
                    "country_id": env.ref("base.ru").id,
                    "state_id": region.id or user.company_id.state_id.id,
                    "company_id": False,
                }
            )
            # the user becomes the representative of the new organisation
            user.partner_id.sudo().parent_id = organisation
        application = env_su["mgp.ngo.application"].create(
            {
                "partner_id": organisation.id,
                "channel": "portal",
                "date_received": fields.Date.context_today(user),
                "date": fields.Date.context_today(user),
                "org_name": form["org_name"],
                "inn": inn,
                "ogrn": ogrn,
                "address": form["address"],
                "head_name": form["head_name"],
                "head_position": form["head_position"],
                "contact_name": form["contact_name"] or user.partner_id.name,
                "phone": form["phone"],
                "email": form["email"] or user.partner_id.email,
                "conditions": form["conditions"],
                "territory": form["territory"],
                "territory_state_ids": [fields.Command.set(region.ids)],
                "capacity": int(capacity or 0),
                "activity_ids": [fields.Command.set(activities.ids)],
                "staff_ids": staff_lines,
                "submitted_user_id": user.id,
                "company_id": user.company_id.id,
            }
        )
        if attachments:
            records = env_su["ir.attachment"].create(
                [dict(values, res_id=application.id) for values in attachments]
            )
            application.attachment_ids = [fields.Command.set(records.ids)]
        application.message_subscribe(partner_ids=user.partner_id.ids)
        application.action_submit()
        return application.with_env(env)
