# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from urllib.parse import urlsplit

from odoo import http
from odoo.http import request

SESSION_KEY = "mgp_a11y_mode"


class MgpA11y(http.Controller):
    @http.route("/mgp/a11y", type="http", auth="public", methods=["POST"])
    def mgp_a11y_switch(self, mode="on", redirect="/my", **kw):
        """Switch the version for the visually impaired on or off: remembered
        on the user, or in the session of an anonymous visitor."""
        enabled = mode == "on"
        user = request.env.user
        if user._is_public():
            request.session[SESSION_KEY] = enabled
        else:
            user.write({"mgp_a11y_mode": enabled})  # a self-writeable field
        return request.redirect(self._mgp_local_path(redirect))

    @staticmethod
    def _mgp_local_path(url):
        """``url`` as a path of this site (no open redirect)."""
        parts = urlsplit(url or "/")
        if parts.scheme or parts.netloc or not parts.path.startswith("/"):
            return "/"
        if parts.path.startswith("//"):
            return "/"
        return parts.path + (f"?{parts.query}" if parts.query else "")
