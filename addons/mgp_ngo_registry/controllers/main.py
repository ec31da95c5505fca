# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import http
from odoo.http import request


class MgpNgoRegistryPublic(http.Controller):
    @http.route(
        "/mgp/ngo-registry", type="http", auth="public", website=True, readonly=True
    )
    def mgp_ngo_registry(self, **kw):
        """The published registry: included organisations only."""
        organisations = (
            request.env["res.partner"]
            .sudo()  # anonymous visitors: only the published registry fields below
            .search(
                [("is_company", "=", True), ("mgp_ngo_state", "=", "included")],
                order="mgp_ngo_registry_number, name",
            )
        )
        rows = [
            {
                "number": org.mgp_ngo_registry_number or "",
                "name": org.name,
                "inn": org.vat or "",
                "included_date": org.mgp_ngo_included_date,
                "activities": org.mgp_ngo_activity_ids.mapped("name"),
                "regions": ", ".join(org.mgp_ngo_territory_state_ids.mapped("name")),
                "territory": org.mgp_ngo_territory or "",
                "help_forms": ", ".join(org.mgp_ngo_help_form_ids.mapped("name")),
                "schedule": "; ".join(
                    part
                    for part in (
                        ", ".join(org.mgp_ngo_schedule_slot_ids.mapped("name")),
                        org.mgp_ngo_schedule or "",
                    )
                    if part
                ),
                "accessibility": org.mgp_ngo_accessibility or "",
                "address": ", ".join(
                    part for part in (org.zip, org.city, org.street) if part
                ),
                "phone": org.phone or "",
                "email": org.email or "",
            }
            for org in organisations
        ]
        return request.render("mgp_ngo_registry.ngo_registry_public", {"rows": rows})
