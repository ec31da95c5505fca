# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The REST API ``/api/mgp/v1`` on Odoo's own HTTP machinery: routes with
``auth='bearer'`` (the API keys of ``res.users.apikeys``, as ``/json/2``),
executed as the key's user with his access rights and record rules.

The controller parses and answers; the models do the work. Each call runs
in a savepoint: a refused call leaves nothing behind.
"""

import json

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from ..models.mgp_api_request import MgpApiConflict
from . import schema

BASE = schema.BASE_PATH


class MgpApiNotFound(MissingError):
    http_status = 404


def _json(data, status=200):
    return request.make_json_response(data, status=status)


def _error(status, code, message, fields=None):
    error = {"code": code, "message": message}
    if fields:
        error["fields"] = fields
    return _json({"error": error}, status=status)


class MgpApiController(http.Controller):
    # ------------------------------------------------------------------
    # Documentation
    # ------------------------------------------------------------------
    @http.route(
        f"{BASE}/openapi.json",
        type="http",
        auth="public",
        methods=["GET"],
        readonly=True,
        csrf=False,
        save_session=False,
    )
    def openapi(self):
        return _json(schema.openapi_document(request.httprequest.host_url))

    @http.route(
        f"{BASE}/docs",
        type="http",
        auth="public",
        methods=["GET"],
        readonly=True,
        save_session=False,
    )
    def docs(self):
        lang = self._lang()
        request.update_context(lang=lang)
        return request.render(
            "mgp_api.api_docs_page",
            {
                "page_lang": lang.split("_")[0],
                "operations": _doc_operations(),
                "base_url": request.httprequest.host_url.rstrip("/") + BASE,
                "version": schema.API_VERSION,
            },
        )

    # ------------------------------------------------------------------
    # Endpoints
    # ------------------------------------------------------------------
    @http.route(
        f"{BASE}/plan-agreements",
        type="http",
        auth="bearer",
        methods=["POST"],
        csrf=False,
        save_session=False,
    )
    def plan_agreements(self):
        return self._call(("/plan-agreements", "post"), self._plan_agreement)

    @http.route(
        f"{BASE}/interagency-answers",
        type="http",
        auth="bearer",
        methods=["POST"],
        csrf=False,
        save_session=False,
    )
    def interagency_answers(self):
        return self._call(("/interagency-answers", "post"), self._interagency_answer)

    @http.route(
        f"{BASE}/cases",
        type="http",
        auth="bearer",
        methods=["GET"],
        readonly=True,
        csrf=False,
        save_session=False,
    )
    def cases(self):
        return self._call(
            ("/cases", "get"),
            lambda env, query, **kw: self._page(env["mgp.accompaniment"], query),
        )

    @http.route(
        f"{BASE}/cases/<string:number>",
        type="http",
        auth="bearer",
        methods=["GET"],
        readonly=True,
        csrf=False,
        save_session=False,
    )
    def case(self, number):
        return self._call(("/cases/{number}", "get"), self._case, number=number)

    @http.route(
        f"{BASE}/plans",
        type="http",
        auth="bearer",
        methods=["GET"],
        readonly=True,
        csrf=False,
        save_session=False,
    )
    def plans(self):
        return self._call(
            ("/plans", "get"),
            lambda env, query, **kw: self._page(env["mgp.workplace.plan"], query),
        )

    # ------------------------------------------------------------------
    # Handlers: (env, body, query, path args) -> (status, data)
    # ------------------------------------------------------------------
    def _plan_agreement(self, env, body, **kw):
        case, created = env["mgp.api.request"]._mgp_plan_agreement(body)
        return (201 if created else 200), {"case": {"id": case.id, "number": case.name}}

    def _interagency_answer(self, env, body, **kw):
        mse_request = self._find(
            env["mgp.mse.request"],
            [("name", "=", body["request_number"]), ("request_type", "=", "mse")],
            env._(
                "No request of the centre has the number %s.", body["request_number"]
            ),
        )
        same = (
            mse_request.state == "answered"
            and mse_request.recommendation == body["recommendation"]
            and mse_request.date_answer == body["date"]
        )
        # the same answer again (a retry of the caller) changes nothing
        if not same:
            mse_request.action_register_answer(body["recommendation"], body["date"])
        return 200, {
            "request": {
                "id": mse_request.id,
                "number": mse_request.name,
                "state": mse_request.state,
            }
        }

    def _case(self, env, number, **kw):
        case = self._find(
            env["mgp.accompaniment"],
            [("name", "=", number)],
            env._("No case has the number %s.", number),
        )
        return 200, {"case": case._mgp_api_values()[0]}

    def _page(self, model, query):
        domain = []
        if query["updated_since"]:
            domain.append(("write_date", ">", query["updated_since"]))
        records = model.search(
            domain, order="write_date, id", limit=query["limit"], offset=query["offset"]
        )
        return 200, {
            "items": records._mgp_api_values(),
            "count": model.search_count(domain),
            "limit": query["limit"],
            "offset": query["offset"],
        }

    def _find(self, model, domain, missing_message):
        record = model.search(domain, limit=1)
        if record:
            return record
        # whether it exists at all decides between "not yours" and "none";
        # nothing of the record is read
        if model.sudo().search_count(domain, limit=1):
            raise AccessError(
                model.env._("These data belong to another centre or another user.")
            )
        raise MgpApiNotFound(missing_message)

    # ------------------------------------------------------------------
    # The frame of every call
    # ------------------------------------------------------------------
    def _lang(self):
        """Russian unless the caller asks for English (and Russian is
        installed)."""
        accept = request.httprequest.headers.get("Accept-Language", "")
        Lang = request.env["res.lang"]
        if accept.lower().startswith("en"):
            return "en_US"
        return "ru_RU" if Lang._get_code("ru_RU") else "en_US"

    def _call(self, key, handler, **path_args):
        operation = schema.OPERATIONS[key]
        request.update_context(lang=self._lang())
        env = request.env
        try:
            body = query = None
            if operation.body:
                body = schema.validate(env, operation.body, self._body(env))
            if operation.query:
                query = schema.validate(
                    env, operation.query, request.httprequest.args.to_dict()
                )
            with env.cr.savepoint():
                status, data = handler(env, body=body, query=query, **path_args)
        except schema.Invalid as exc:
            return _error(
                422,
                "validation_error",
                env._("The request contains errors."),
                exc.errors,
            )
        except MgpApiConflict as exc:
            return _error(409, "conflict", exc.args[0])
        except MgpApiNotFound as exc:
            return _error(404, "not_found", exc.args[0])
        except AccessError as exc:
            return _error(403, "forbidden", exc.args[0])
        except UserError as exc:
            # the rules of the engine (eligibility, dates, states…)
            return _error(422, "unprocessable", exc.args[0])
        return _json(data, status=status)

    def _body(self, env):
        try:
            return json.loads(request.httprequest.get_data() or b"null")
        except ValueError:
            raise schema.Invalid(
                {"body": env._("The body is not valid JSON.")}
            ) from None


def _doc_operations():
    """The operations of the description, flattened for the page."""
    result = []
    for (path, method), op in schema.OPERATIONS.items():
        result.append(
            {
                "method": method.upper(),
                "path": path,
                "anchor": schema._operation_id(path, method),
                "summary": op.summary,
                "description": op.description,
                "fields": _doc_fields(op.body) if op.body else [],
                "query": _doc_fields(op.query) if op.query else [],
                "responses": [
                    (code, text) for code, (text, _node) in sorted(op.responses.items())
                ],
            }
        )
    return result


def _doc_fields(node, prefix=""):
    rows = []
    for name, sub in node.properties.items():
        path = f"{prefix}{name}"
        kind = sub.openapi_type
        if getattr(sub, "fmt", None):
            kind = f"{kind} ({sub.fmt})"
        if getattr(sub, "enum", None):
            kind = f"{kind}: {' | '.join(sub.enum)}"
        rows.append(
            {
                "path": path,
                "type": kind,
                "required": sub.required,
                "description": sub.description,
            }
        )
        if isinstance(sub, schema.Object):
            rows += _doc_fields(sub, f"{path}.")
    return rows
