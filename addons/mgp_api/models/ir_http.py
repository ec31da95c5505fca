# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from werkzeug.exceptions import HTTPException

from odoo import models
from odoo.exceptions import AccessDenied
from odoo.http import request

from ..controllers.schema import BASE_PATH

ERROR_CODES = {401: "unauthorized", 403: "forbidden", 404: "not_found"}


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _handle_error(cls, exception):
        """The API answers in JSON also when Odoo refuses the call before it
        reaches the controller (no or a wrong API key, unknown path)."""
        path = request.httprequest.path
        if path.startswith(BASE_PATH + "/") or path == BASE_PATH:
            if isinstance(exception, AccessDenied):
                status, message = 401, str(exception)
            elif isinstance(exception, HTTPException):
                status, message = exception.code, exception.description
            else:
                return super()._handle_error(exception)
            response = request.make_json_response(
                {
                    "error": {
                        "code": ERROR_CODES.get(status, "error"),
                        "message": message,
                    }
                },
                status=status,
            )
            if status == 401:
                response.headers["WWW-Authenticate"] = "Bearer"
            return response
        return super()._handle_error(exception)
