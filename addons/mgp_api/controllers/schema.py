# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The one description of the API: it validates the requests and it is
rendered as the OpenAPI 3 document (``/api/mgp/v1/openapi.json``) and as
the documentation page (``/api/mgp/v1/docs``).

A node validates a value and returns it cleaned (dates as ``date``, the
СНИЛС normalised); every problem is collected under the field's path
(``person.snils``) with a message in the caller's language (Russian by
default, see ``controllers/main.py``).
"""

import datetime
import re

from odoo.exceptions import ValidationError

API_VERSION = "1.0.0"
BASE_PATH = "/api/mgp/v1"
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME_RE = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?Z?$")


class Invalid(Exception):
    """The request does not match its description: ``errors`` maps each
    field's path to its message."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


class Node:
    openapi_type = "string"

    def __init__(self, description="", required=True, example=None, nullable=False):
        self.description = description
        self.required = required
        self.example = example
        self.nullable = nullable

    def to_openapi(self):
        schema = {"type": self.openapi_type}
        if self.description:
            schema["description"] = self.description
        if self.example is not None:
            schema["example"] = self.example
        if self.nullable:
            schema["nullable"] = True
        return schema

    def validate(self, env, value, path, errors):
        raise NotImplementedError


class String(Node):
    def __init__(self, *args, max_length=None, enum=None, fmt=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_length = max_length
        self.enum = enum
        self.fmt = fmt

    def to_openapi(self):
        schema = super().to_openapi()
        if self.max_length:
            schema["maxLength"] = self.max_length
        if self.enum:
            schema["enum"] = list(self.enum)
        if self.fmt in ("date", "date-time"):
            schema["format"] = self.fmt
        elif self.fmt == "snils":
            schema["pattern"] = r"^\d{3}-?\d{3}-?\d{3}[ -]?\d{2}$"
        return schema

    def validate(self, env, value, path, errors):
        if not isinstance(value, str):
            errors[path] = env._("Must be a string.")
            return None
        value = value.strip()
        if not value:
            errors[path] = env._("Must not be empty.")
            return None
        if self.max_length and len(value) > self.max_length:
            errors[path] = env._("Must be at most %s characters long.", self.max_length)
            return None
        if self.enum and value not in self.enum:
            errors[path] = env._("Must be one of: %s.", ", ".join(self.enum))
            return None
        if self.fmt == "date":
            return self._validate_date(env, value, path, errors)
        if self.fmt == "date-time":
            return self._validate_datetime(env, value, path, errors)
        if self.fmt == "snils":
            try:
                return env["res.partner"]._mgp_normalize_snils(value)
            except ValidationError as exc:
                errors[path] = exc.args[0]
                return None
        return value

    def _validate_date(self, env, value, path, errors):
        try:
            if not _DATE_RE.match(value):
                raise ValueError(value)
            return datetime.date.fromisoformat(value)
        except ValueError:
            errors[path] = env._("Must be a real date in the form YYYY-MM-DD.")
            return None

    def _validate_datetime(self, env, value, path, errors):
        try:
            if not _DATETIME_RE.match(value):
                raise ValueError(value)
            return datetime.datetime.fromisoformat(value.rstrip("Z"))
        except ValueError:
            errors[path] = env._(
                "Must be a date and time in the form YYYY-MM-DDTHH:MM:SS (UTC)."
            )
            return None


class Integer(Node):
    openapi_type = "integer"

    def __init__(self, *args, minimum=None, maximum=None, default=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.minimum = minimum
        self.maximum = maximum
        self.default = default

    def to_openapi(self):
        schema = super().to_openapi()
        for key, value in (
            ("minimum", self.minimum),
            ("maximum", self.maximum),
            ("default", self.default),
        ):
            if value is not None:
                schema[key] = value
        return schema

    def validate(self, env, value, path, errors):
        if isinstance(value, str) and re.fullmatch(r"-?\d+", value.strip()):
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            errors[path] = env._("Must be an integer.")
            return None
        if self.minimum is not None and value < self.minimum:
            errors[path] = env._("Must be at least %s.", self.minimum)
            return None
        if self.maximum is not None and value > self.maximum:
            errors[path] = env._("Must be at most %s.", self.maximum)
            return None
        return value


class Array(Node):
    openapi_type = "array"

    def __init__(self, items, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items

    def to_openapi(self):
        schema = super().to_openapi()
        schema["items"] = self.items.to_openapi()
        return schema


class Object(Node):
    openapi_type = "object"

    def __init__(self, properties, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.properties = properties

    def to_openapi(self):
        schema = super().to_openapi()
        schema["properties"] = {
            name: node.to_openapi() for name, node in self.properties.items()
        }
        required = [name for name, node in self.properties.items() if node.required]
        if required:
            schema["required"] = required
        schema["additionalProperties"] = False
        return schema

    def validate(self, env, value, path, errors):
        if not isinstance(value, dict):
            errors[path or "body"] = env._("Must be a JSON object.")
            return None
        cleaned = {}
        for name in value.keys() - self.properties.keys():
            errors[_join(path, name)] = env._("Unknown field.")
        for name, node in self.properties.items():
            sub = _join(path, name)
            if value.get(name) in (None, ""):
                if node.required:
                    errors[sub] = env._("This field is required.")
                else:
                    cleaned[name] = getattr(node, "default", None)
                continue
            cleaned[name] = node.validate(env, value[name], sub, errors)
        return cleaned


def _join(path, name):
    return f"{path}.{name}" if path else name


def validate(env, node, value):
    """Return ``value`` cleaned by ``node`` or raise :class:`Invalid`."""
    errors = {}
    cleaned = node.validate(env, value, "", errors)
    if errors:
        raise Invalid(errors)
    return cleaned


# ----------------------------------------------------------------------
# The resources
# ----------------------------------------------------------------------
DISABILITY_GROUPS = ("1", "2", "3", "child")
PLAN_KINDS = ("plan", "change")

PLAN_AGREEMENT = Object(
    {
        "external_id": String(
            "The caller's identifier of this agreement (idempotency key): the "
            "same id with the same body returns the same case.",
            max_length=100,
            example="ecp-2026-000123",
        ),
        "person": Object(
            {
                "snils": String(
                    "СНИЛС of the citizen, 11 digits with or without "
                    "separators; the control number is checked.",
                    fmt="snils",
                    example="112-233-445 95",
                ),
                "name": String(
                    "Full name of the citizen.",
                    max_length=200,
                    example="Иванов Иван Иванович",
                ),
                "birth_date": String(
                    "Birth date, YYYY-MM-DD.",
                    required=False,
                    fmt="date",
                    example="1985-04-12",
                ),
                "disability_group": String(
                    "Disability group: 1, 2, 3 or child. Optional when the "
                    "person already has disability data or a request for them "
                    "was sent.",
                    required=False,
                    enum=DISABILITY_GROUPS,
                    example="2",
                ),
            },
            "The citizen; found by his СНИЛС or registered.",
        ),
        "plan": Object(
            {
                "number": String(
                    "Number of the individual employment plan (ИПСЗ).",
                    max_length=64,
                    example="ИПСЗ-123",
                ),
                "date": String(
                    "Date the citizen agreed the plan (or its change) that "
                    "includes the measure, YYYY-MM-DD.",
                    fmt="date",
                    example="2026-11-20",
                ),
                "kind": String(
                    "plan: the plan itself; change: a change of the plan.",
                    enum=PLAN_KINDS,
                    example="plan",
                ),
            },
            "The agreed individual employment plan (ИПСЗ).",
        ),
    },
    "An ИПСЗ agreement that includes the measure; it starts a case of "
    "service 1 in the centre of the key's user.",
)

INTERAGENCY_ANSWER = Object(
    {
        "request_number": String(
            "Number of the request the centre sent (as in its register).",
            max_length=64,
            example="МСЭ-2026-00012",
        ),
        "recommendation": String(
            "The МСЭ bureau's recommendation: needed or not_needed.",
            enum=("needed", "not_needed"),
            example="needed",
        ),
        "date": String("Date of the answer, YYYY-MM-DD.", fmt="date"),
    },
    "The answer of an МСЭ bureau to a request of the centre.",
)

LIST_QUERY = Object(
    {
        "updated_since": String(
            "Only records changed after this moment (UTC), YYYY-MM-DDTHH:MM:SS.",
            required=False,
            fmt="date-time",
        ),
        "limit": Integer(
            "Page size.", required=False, minimum=1, maximum=500, default=100
        ),
        "offset": Integer("Records to skip.", required=False, minimum=0, default=0),
    }
)

CASE_REF = Object(
    {
        "case": Object(
            {
                "id": Integer("Id of the case."),
                "number": String("Number of the case in the centre."),
            }
        )
    }
)
PERSON_OUT = Object(
    {
        "id": Integer("Id of the person."),
        "name": String("Name."),
        "snils": String(
            "СНИЛС; null when the key's user may not read the person's data "
            "(masked as in the back office).",
            nullable=True,
        ),
        "birth_date": String("Birth date.", fmt="date", nullable=True),
        "disability_group": String(
            "Disability group.", enum=DISABILITY_GROUPS, nullable=True
        ),
    }
)
CASE_OUT = Object(
    {
        "id": Integer("Id of the case."),
        "number": String("Number of the case in the centre."),
        "state": String(
            "State of the case.",
            enum=(
                "new",
                "mse",
                "assignment",
                "active",
                "employed",
                "expired",
                "terminated",
            ),
        ),
        "centre": String("The centre."),
        "person": PERSON_OUT,
        "plan_number": String("ИПСЗ number.", nullable=True),
        "plan_kind": String("ИПСЗ kind.", enum=PLAN_KINDS, nullable=True),
        "plan_date": String("Plan agreed on.", fmt="date"),
        "need": String("Need decision.", nullable=True),
        "need_decision_date": String("Need decided on.", fmt="date", nullable=True),
        "certificate_number": String("Certificate number.", nullable=True),
        "certificate_date": String("Certificate date.", fmt="date", nullable=True),
        "date_end": String("Accompaniment until.", fmt="date", nullable=True),
        "employment_date": String("Employed on.", fmt="date", nullable=True),
        "updated_at": String("Last change (UTC).", fmt="date-time"),
    }
)
PLAN_OUT = Object(
    {
        "id": Integer("Id of the plan."),
        "number": String("Number of the plan."),
        "version": Integer("Version of the plan."),
        "state": String("State of the plan."),
        "centre": String("The centre."),
        "employer": String("The employer."),
        "case_number": String("Number of the service-1 case.", nullable=True),
        "send_date": String("Plan sent on.", fmt="date", nullable=True),
        "updated_at": String("Last change (UTC).", fmt="date-time"),
    }
)


def _page(items, description):
    return Object(
        {
            "items": Array(items, description),
            "count": Integer("Records matching the query (all pages)."),
            "limit": Integer("Page size."),
            "offset": Integer("Records skipped."),
        }
    )


ANSWER_OUT = Object(
    {
        "request": Object(
            {
                "id": Integer("Id of the request."),
                "number": String("Number of the request."),
                "state": String("State of the request."),
            }
        )
    }
)
ERROR_OUT = Object(
    {
        "error": Object(
            {
                "code": String(
                    "unauthorized, forbidden, not_found, conflict, "
                    "validation_error or unprocessable."
                ),
                "message": String("What went wrong (Russian by default)."),
                "fields": Object(
                    {},
                    "For validation_error: the message for each field, by its "
                    "path (person.snils).",
                    required=False,
                ),
            }
        )
    }
)


class Operation:
    """One route of the API, for the document and for the controller."""

    def __init__(
        self, summary, description, responses, body=None, query=None, params=()
    ):
        self.summary = summary
        self.description = description
        self.responses = responses
        self.body = body
        self.query = query
        self.params = params


_E401 = ("The API key is missing or wrong.", ERROR_OUT)
_E403 = ("The key's user may not act on these data (another centre).", ERROR_OUT)
_E422 = ("The body or the query does not match the description.", ERROR_OUT)

OPERATIONS = {
    ("/plan-agreements", "post"): Operation(
        "Start a service-1 case from an ИПСЗ agreement",
        "The centre is the company of the key's user. The case starts as in "
        "the back office: every rule of the engine applies. Idempotent by "
        "external_id: the same body again returns the same case (200), another "
        "body under the same external_id is refused (409).",
        {
            201: ("The case was started.", CASE_REF),
            200: ("The same agreement was already received: its case.", CASE_REF),
            401: _E401,
            403: _E403,
            409: ("Another body was sent under this external_id.", ERROR_OUT),
            422: _E422,
        },
        body=PLAN_AGREEMENT,
    ),
    ("/interagency-answers", "post"): Operation(
        "Register the answer of an МСЭ bureau",
        "The answer is registered through the request's own action; the case "
        "goes on from it.",
        {
            200: ("The answer was registered.", ANSWER_OUT),
            401: _E401,
            403: _E403,
            404: ("No request with this number.", ERROR_OUT),
            422: _E422,
        },
        body=INTERAGENCY_ANSWER,
    ),
    ("/cases", "get"): Operation(
        "Service-1 cases changed since a moment (paged)",
        "The cases the key's user may read, oldest change first; person data "
        "masked as in the back office.",
        {
            200: ("A page of cases.", _page(CASE_OUT, "The cases.")),
            401: _E401,
            422: _E422,
        },
        query=LIST_QUERY,
    ),
    ("/cases/{number}", "get"): Operation(
        "One service-1 case by its number",
        "The case of the key's user's centre with this number.",
        {
            200: ("The case.", Object({"case": CASE_OUT})),
            401: _E401,
            403: _E403,
            404: ("No case with this number.", ERROR_OUT),
        },
        params=(("number", "Number of the case."),),
    ),
    ("/plans", "get"): Operation(
        "Workplace accompaniment plans changed since a moment (paged)",
        "The plans (service 2) the key's user may read, oldest change first.",
        {
            200: ("A page of plans.", _page(PLAN_OUT, "The plans.")),
            401: _E401,
            422: _E422,
        },
        query=LIST_QUERY,
    ),
}


def openapi_document(server_url):
    """The OpenAPI 3 document of :data:`OPERATIONS`."""
    paths = {}
    for (path, method), op in OPERATIONS.items():
        item = {
            "summary": op.summary,
            "description": op.description,
            "operationId": _operation_id(path, method),
            "security": [{"apiKey": []}],
            "responses": {
                str(code): {
                    "description": text,
                    "content": {"application/json": {"schema": node.to_openapi()}},
                }
                for code, (text, node) in sorted(op.responses.items())
            },
        }
        parameters = [
            {
                "name": name,
                "in": "path",
                "required": True,
                "description": text,
                "schema": {"type": "string"},
            }
            for name, text in op.params
        ]
        if op.query:
            parameters += [
                {
                    "name": name,
                    "in": "query",
                    "required": node.required,
                    "description": node.description,
                    "schema": node.to_openapi(),
                }
                for name, node in op.query.properties.items()
            ]
        if parameters:
            item["parameters"] = parameters
        if op.body:
            item["requestBody"] = {
                "required": True,
                "content": {"application/json": {"schema": op.body.to_openapi()}},
            }
        paths.setdefault(path, {})[method] = item
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "mgp: employment accompaniment of disabled persons",
            "version": API_VERSION,
            "description": "Exchange of the employment centre with the systems "
            "around it (ЕЦП «Работа в России», СМЭВ, regional warehouses). "
            "Authentication: an Odoo API key of the integration's user in the "
            "header Authorization: Bearer <key>. Messages are in Russian "
            "(Accept-Language: en for English).",
        },
        "servers": [{"url": server_url.rstrip("/") + BASE_PATH}],
        "components": {
            "securitySchemes": {
                "apiKey": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "An API key of the integration's user "
                    "(Preferences → Account Security → New API Key).",
                }
            }
        },
        "paths": paths,
    }


def _operation_id(path, method):
    words = re.findall(r"[a-z]+", path.replace("{number}", "by_number"))
    return method + "".join(word.capitalize() for word in words)
