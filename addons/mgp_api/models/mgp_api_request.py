# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import hashlib
import json

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

KINDS = [("plan_agreement", "Plan agreement")]


class MgpApiConflict(UserError):
    """Another body under an ``external_id`` already received (HTTP 409)."""

    http_status = 409


class MgpApiRequest(models.Model):
    """A request received through the API under the caller's ``external_id``:
    the idempotency key of ``POST /plan-agreements``.

    One row per (centre, kind, external id), claimed by an
    ``INSERT … ON CONFLICT DO NOTHING`` before the work is done: of two
    identical calls at the same time, the second waits on the unique index
    and, once the first has committed, is retried by Odoo's request retry
    (a serialisation failure in the repeatable-read transaction) and finds
    the row — never two cases.
    """

    _name = "mgp.api.request"
    _description = "API Request (Idempotency Key)"
    _order = "id desc"
    _rec_name = "external_id"

    external_id = fields.Char(string="External ID", required=True, readonly=True)
    kind = fields.Selection(KINDS, required=True, readonly=True)
    company_id = fields.Many2one(
        "res.company", string="Centre", required=True, readonly=True, index=True
    )
    user_id = fields.Many2one(
        "res.users", string="Integration user", required=True, readonly=True
    )
    body_hash = fields.Char(required=True, readonly=True)
    accompaniment_id = fields.Many2one(
        "mgp.accompaniment", string="Case", readonly=True, index="btree_not_null"
    )

    _external_id_uniq = models.Constraint(
        "UNIQUE(company_id, kind, external_id)",
        "This external ID was already received in the centre.",
    )

    @api.model
    def _mgp_body_hash(self, body):
        canonical = json.dumps(
            body, sort_keys=True, ensure_ascii=False, separators=(",", ":")
        )
        return hashlib.sha256(canonical.encode()).hexdigest()

    @api.model
    def _mgp_claim(self, kind, external_id, body):
        """Claim ``external_id`` for the user's centre.

        :return: ``(request, created)``; ``created`` is False when the same
            body was already received (the caller returns its result)
        :raise MgpApiConflict: when another body was received under it
        """
        company = self.env.company
        body_hash = self._mgp_body_hash(body)
        # a plain INSERT: the unique index makes the second of two
        # concurrent calls wait for the first (the ORM would not let us
        # skip the row instead of failing)
        self.env.cr.execute(
            SQL(
                "INSERT INTO mgp_api_request (external_id, kind, company_id, "
                "user_id, body_hash, create_uid, write_uid, create_date, "
                "write_date) VALUES (%s, %s, %s, %s, %s, %s, %s, "
                "now() at time zone 'UTC', now() at time zone 'UTC') "
                "ON CONFLICT (company_id, kind, external_id) DO NOTHING "
                "RETURNING id",
                external_id,
                kind,
                company.id,
                self.env.uid,
                body_hash,
                self.env.uid,
                self.env.uid,
            )
        )
        row = self.env.cr.fetchone()
        if row:
            return self.browse(row[0]), True
        request = self.search(
            [
                ("company_id", "=", company.id),
                ("kind", "=", kind),
                ("external_id", "=", external_id),
            ],
            limit=1,
        )
        if request.body_hash != body_hash:
            raise MgpApiConflict(
                self.env._(
                    "Another request was already received under the external ID "
                    "%s; send a new external ID for a new agreement.",
                    external_id,
                )
            )
        return request, False

    @api.model
    def _mgp_plan_agreement(self, payload):
        """Start the service-1 case of an ИПСЗ agreement (``payload`` is the
        body validated by ``controllers/schema.py``), once per external id.

        :return: ``(case, created)``
        """
        request, created = self._mgp_claim(
            "plan_agreement", payload["external_id"], _jsonable(payload)
        )
        if not created:
            return request.accompaniment_id, False
        person = self.env["res.partner"]._mgp_api_person(payload["person"])
        plan = payload["plan"]
        # the back office's own path: create() checks the eligibility, the
        # date, numbers the case and opens its deadlines
        case = self.env["mgp.accompaniment"].create(
            {
                "partner_id": person.id,
                "company_id": self.env.company.id,
                "plan_agreed_date": plan["date"],
                "mgp_plan_number": plan["number"],
                "mgp_plan_kind": plan["kind"],
            }
        )
        # the row was inserted as the user: no ORM write access needed
        self.env.cr.execute(
            SQL(
                "UPDATE mgp_api_request SET accompaniment_id = %s WHERE id = %s",
                case.id,
                request.id,
            )
        )
        request.invalidate_recordset(["accompaniment_id"])
        return case, True


def _jsonable(value):
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
