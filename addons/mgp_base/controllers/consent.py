# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import UserError
from odoo.http import request

from .portal import MgpPortal, readonly_get


class MgpConsentPortal(MgpPortal):
    """The citizen's consents to the processing of his health data: what he
    signed, and his withdrawal (152-ФЗ ст. 9 ч. 2)."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "mgp_consent_count" in counters:
            Consent = request.env["mgp.consent"]
            values["mgp_consent_count"] = (
                Consent.search_count(self._mgp_consent_domain())
                if Consent.has_access("read")
                else 0
            )
        return values

    def _mgp_consent_domain(self):
        return [("partner_id", "=", request.env.user.partner_id.id)]

    def _mgp_consents_page(self, errors=None, withdrawn=None, reason=""):
        consents = request.env["mgp.consent"].search(self._mgp_consent_domain())
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "consents": consents,
                "errors": errors or {},
                "withdrawn": withdrawn,
                "reason": reason,
                "page_name": "mgp_consents",
            }
        )
        return request.render("mgp_base.portal_my_consents", values)

    @http.route("/my/consents", type="http", auth="user", website=True, readonly=True)
    def portal_my_consents(self, withdrawn=None, **kw):
        withdrawn = int(withdrawn) if str(withdrawn or "").isdigit() else None
        return self._mgp_consents_page(withdrawn=withdrawn)

    @http.route(
        "/my/consents/<int:consent_id>/withdraw",
        type="http",
        auth="user",
        website=True,
        methods=["GET", "POST"],
        readonly=readonly_get,
    )
    def portal_withdraw_consent(self, consent_id, reason="", **kw):
        consent = self._mgp_record_or_404("mgp.consent", consent_id)
        if consent.partner_id != request.env.user.partner_id:
            raise NotFound()
        if request.httprequest.method != "POST":
            return request.redirect("/my/consents")
        try:
            consent._mgp_portal_withdraw(reason)
        except UserError as error:
            request.env.cr.rollback()
            return self._mgp_consents_page(
                errors={consent.id: error.args[0]}, reason=reason
            )
        return request.redirect(f"/my/consents?withdrawn={consent.id}")
