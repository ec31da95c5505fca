# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from werkzeug.exceptions import Forbidden

from odoo import http
from odoo.http import request
from odoo.tools import format_date

from odoo.addons.mgp_base.controllers.portal import MgpPortal


class MgpSocempPortal(MgpPortal):
    """The authorised organisation's representative in the portal: its
    register and the requests it has to answer (003:55-58, 112, 114)."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "mgp_socemp_count" in counters:
            organisation = request.env.user._mgp_socemp_organisation()
            Record = request.env["mgp.socemp.record"]
            values["mgp_socemp_count"] = (
                Record.search_count([("organisation_id", "=", organisation.id)])
                if organisation and Record.has_access("read")
                else 0
            )
        return values

    @http.route("/my/socemp", type="http", auth="user", website=True, readonly=True)
    def portal_socemp(self, **kw):
        organisation = request.env.user._mgp_socemp_organisation()
        if not organisation:
            raise Forbidden()
        # the register as the representative may read it (record rules)
        rows = organisation.with_env(request.env)._mgp_portal_rows()
        env = request.env
        for row in rows["records"]:
            for key in ("date_identified", "consent_date"):
                row[key] = format_date(env, row[key]) if row[key] else ""
        for row in rows["requests"]:
            for key in ("date_received", "date_due", "date_notice"):
                row[key] = format_date(env, row[key]) if row[key] else ""
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "organisation_name": organisation.name,
                "records": rows["records"],
                "requests": rows["requests"],
                "page_name": "mgp_socemp",
            }
        )
        return request.render("mgp_social_employment.portal_my_socemp", values)
