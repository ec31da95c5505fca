# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import hashlib
import hmac
import json
import logging
import uuid
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import timedelta

import requests

from odoo import api, fields, models

from odoo.addons.mgp_base.models.mgp_transition import Transition

_logger = logging.getLogger(__name__)

EVENT_TYPES = [
    ("case.started", "Case started"),
    ("case.need_decided", "Need decided"),
    ("case.certificate_issued", "Certificate issued"),
    ("case.employed", "Employment"),
    ("plan.sent", "Workplace plan sent"),
    ("complaint.answered", "Complaint answered"),
]
STATES = [("pending", "Pending"), ("done", "Delivered"), ("dead", "Dead letter")]
# the per-record events are not written while this is set (a history import:
# its cases are facts of the old system, not changes the receivers follow);
# a variable of the running code, never a context key a client could send
_SUPPRESSED = ContextVar("mgp_api_events_suppressed", default=False)


@contextmanager
def events_suppressed():
    """Write no outbox event inside the block (the import of history)."""
    token = _SUPPRESSED.set(True)
    try:
        yield
    finally:
        _SUPPRESSED.reset(token)


# the back-off never waits longer than a day between two attempts
MAX_WAIT_MINUTES = 24 * 60
ADMIN = "mgp_base.group_admin"


class MgpApiEvent(models.Model):
    """The transactional outbox: one row per event and receiver, written in
    the transaction of the change (so an event exists if and only if the
    change was committed), delivered at least once by the scheduled job.
    The receiver de-duplicates by ``uuid`` (the same for every receiver of
    one event)."""

    _name = "mgp.api.event"
    _description = "Outbox Event"
    _inherit = ["mgp.protected.mixin"]
    _order = "id desc"
    _rec_name = "uuid"
    # the delivery is the job's bookkeeping; the event is what was written
    # with the change
    _mgp_protected_fields = (
        "state",
        "attempt_count",
        "next_attempt",
        "last_attempt",
        "last_error",
        "delivered_at",
    )
    _mgp_create_only_fields = (
        "uuid",
        "event_type",
        "endpoint_id",
        "company_id",
        "res_model",
        "res_id",
        "payload",
    )
    _mgp_transitions = {
        # the administrator sends a dead letter (or a pending event) again
        "action_retry": Transition(("pending", "dead"), "pending", ADMIN),
        "action_deliver_now": Transition(("pending",), group=ADMIN),
        # the delivery's own steps
        "deliver": Transition(("pending",), "done"),
        "give_up": Transition(("pending",), "dead"),
    }

    uuid = fields.Char(string="Event ID", required=True, readonly=True, index=True)
    event_type = fields.Selection(EVENT_TYPES, required=True, readonly=True)
    endpoint_id = fields.Many2one(
        "mgp.api.endpoint",
        string="Receiver",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        "res.company", string="Centre", readonly=True, index=True
    )
    res_model = fields.Char(string="Model", readonly=True)
    res_id = fields.Many2oneReference(
        string="Record", model_field="res_model", readonly=True
    )
    payload = fields.Text(readonly=True)
    state = fields.Selection(
        STATES, required=True, default="pending", readonly=True, index=True
    )
    attempt_count = fields.Integer(string="Attempts", readonly=True)
    next_attempt = fields.Datetime(readonly=True, index=True)
    last_attempt = fields.Datetime(readonly=True)
    last_error = fields.Char(readonly=True)
    delivered_at = fields.Datetime(readonly=True)

    _uuid_endpoint_uniq = models.Constraint(
        "UNIQUE(uuid, endpoint_id)", "An event is delivered once per receiver."
    )

    # ------------------------------------------------------------------
    # Writing the outbox
    # ------------------------------------------------------------------
    @api.model
    def _mgp_emit(self, records, event_type):
        """Write the event ``event_type`` of each of ``records`` for every
        active receiver of its centre, in the current transaction."""
        if not records or _SUPPRESSED.get():
            return self.browse()
        # the outbox is written whoever acts; its readers are the
        # administrators (users have no access to it)
        Event = self.sudo()
        Endpoint = self.env["mgp.api.endpoint"].sudo()
        endpoints = Endpoint.browse(Endpoint._mgp_active_ids())
        if not endpoints:
            return self.browse()
        now = fields.Datetime.now()
        vals_list = []
        for record in records:
            receivers = endpoints.filtered(
                lambda e, r=record: not e.company_id or e.company_id == r.company_id
            )
            if not receivers:
                continue
            event_id = str(uuid.uuid4())
            payload = json.dumps(
                {
                    "id": event_id,
                    "type": event_type,
                    "occurred_at": now.isoformat() + "Z",
                    "centre": record.company_id.name,
                    "record": {
                        "model": record._name,
                        "id": record.id,
                        **record._mgp_api_event_data(),
                    },
                },
                ensure_ascii=False,
            )
            vals_list += [
                {
                    "uuid": event_id,
                    "event_type": event_type,
                    "endpoint_id": endpoint.id,
                    "company_id": record.company_id.id,
                    "res_model": record._name,
                    "res_id": record.id,
                    "payload": payload,
                    "next_attempt": now,
                }
                for endpoint in receivers
            ]
        return Event.create(vals_list)

    # ------------------------------------------------------------------
    # Delivery
    # ------------------------------------------------------------------
    @api.model
    def _cron_deliver(self, batch_size=50):
        """Deliver the due events by batches, each committed in the scheduled
        action (a restart goes on with the events left); rows locked with
        SKIP LOCKED so that two workers never send one event twice."""
        # the job delivers the events of every centre
        Event = self.sudo()
        domain = [
            ("state", "=", "pending"),
            ("next_attempt", "<=", fields.Datetime.now()),
            ("endpoint_id.active", "=", True),
        ]
        commit_progress = self.env.context.get("ir_cron_progress_id") and (
            self.env["ir.cron"]._commit_progress
        )
        delivered = Event.browse()
        seen = Event.browse()
        while True:
            events = Event.search(
                domain + [("id", "not in", seen.ids)], order="id", limit=batch_size
            ).try_lock_for_update()
            if not events:
                break
            seen |= events
            delivered |= events._mgp_deliver()
            if commit_progress and not commit_progress(
                len(events), remaining=Event.search_count(domain)
            ):
                break
        return delivered

    def _mgp_deliver(self):
        """POST each event to its receiver; return the delivered ones."""
        now = fields.Datetime.now()
        delivered = self.browse()
        for event in self:
            error = event._mgp_post()
            if not error:
                delivered |= event
                continue
            attempts = event.attempt_count + 1
            endpoint = event.endpoint_id
            vals = {"attempt_count": attempts, "last_attempt": now, "last_error": error}
            if attempts >= endpoint.max_attempts:
                vals["next_attempt"] = False
                event._mgp_transition("give_up", vals)
                continue
            wait = min(endpoint.retry_minutes * 2 ** (attempts - 1), MAX_WAIT_MINUTES)
            vals["next_attempt"] = now + timedelta(minutes=wait)
            event._mgp_engine_write(vals)
        if delivered:
            # one write per attempt count, not per event
            for count, group in delivered.grouped("attempt_count").items():
                group._mgp_transition(
                    "deliver",
                    {
                        "attempt_count": count + 1,
                        "last_attempt": now,
                        "delivered_at": now,
                        "last_error": False,
                        "next_attempt": False,
                    },
                )
        return delivered

    def _mgp_post(self):
        """Send the event; return False when the receiver accepted it (2xx),
        else the reason."""
        self.ensure_one()
        endpoint = self.endpoint_id
        body = self.payload.encode()
        headers = {
            "Content-Type": "application/json",
            "X-Mgp-Event-Id": self.uuid,
            "X-Mgp-Event-Type": self.event_type,
        }
        if endpoint.secret:
            digest = hmac.new(endpoint.secret.encode(), body, hashlib.sha256)
            headers["X-Mgp-Signature"] = f"sha256={digest.hexdigest()}"
        try:
            response = requests.post(
                endpoint.url, data=body, headers=headers, timeout=endpoint.timeout
            )
        except requests.RequestException as exc:
            _logger.info(
                "Event %s not delivered to %s: %s", self.uuid, endpoint.name, exc
            )
            return type(exc).__name__
        if 200 <= response.status_code < 300:
            return False
        _logger.info(
            "Event %s refused by %s: HTTP %s",
            self.uuid,
            endpoint.name,
            response.status_code,
        )
        return f"HTTP {response.status_code}"

    def action_retry(self):
        """Send the dead letters (or pending events) again now."""
        self._mgp_transition(
            "action_retry", {"attempt_count": 0, "next_attempt": fields.Datetime.now()}
        )
        return True

    def action_deliver_now(self):
        """Deliver the selected pending events now."""
        self._mgp_deliver()
        return True
