# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import hashlib
import hmac
import json
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.mgp_base.models.mgp_today import centre_today
from odoo.addons.mgp_base.tests.common import MgpCommon
from odoo.addons.mgp_base.tests.common_documents import provide_documents


class Receiver:
    """A local HTTP receiver: answers the given statuses in turn (the last
    one for ever) and keeps what it received."""

    def __init__(self, statuses):
        self.statuses = list(statuses)
        self.received = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.received.append((dict(self.headers), body))
                status = (
                    receiver.statuses.pop(0)
                    if len(receiver.statuses) > 1
                    else receiver.statuses[0]
                )
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/events"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@tagged("post_install", "-at_install")
class TestOutbox(MgpCommon):
    def _receiver(self, statuses, **vals):
        receiver = Receiver(statuses)
        self.addCleanup(receiver.stop)
        endpoint = (
            self.env["mgp.api.endpoint"]
            .with_user(self.admin)
            .create(
                {
                    "name": "ЕЦП",
                    "url": receiver.url,
                    "secret": "s3cret",
                    "company_id": self.company.id,
                    **vals,
                }
            )
        )
        return receiver, endpoint

    def _case(self):
        return (
            self.env["mgp.accompaniment"]
            .with_user(self.specialist)
            .create(
                {
                    "partner_id": self.person.id,
                    "plan_agreed_date": centre_today(self.person),
                }
            )
        )

    def _events(self, endpoint):
        return self.env["mgp.api.event"].search([("endpoint_id", "=", endpoint.id)])

    def _make_due(self, events):
        events.write({"next_attempt": fields.Datetime.now() - timedelta(minutes=1)})

    def test_delivery_with_retry(self):
        """The event written with the case is refused once, retried after the
        back-off, then delivered with the same id; the receiver can check the
        signature."""
        receiver, endpoint = self._receiver([500, 200])
        case = self._case()
        event = self._events(endpoint)
        self.assertEqual(len(event), 1)
        self.assertEqual((event.event_type, event.state), ("case.started", "pending"))
        self.assertEqual((event.res_model, event.res_id), (case._name, case.id))

        Event = self.env["mgp.api.event"]
        self.assertFalse(Event._cron_deliver())
        self.assertEqual(len(receiver.received), 1)
        self.assertEqual((event.state, event.attempt_count), ("pending", 1))
        self.assertEqual(event.last_error, "HTTP 500")
        wait = event.next_attempt - event.last_attempt
        self.assertEqual(wait, timedelta(minutes=endpoint.retry_minutes))
        # not due yet: nothing is sent
        Event._cron_deliver()
        self.assertEqual(len(receiver.received), 1)

        self._make_due(event)
        self.assertEqual(Event._cron_deliver(), event)
        self.assertEqual(event.state, "done")
        self.assertEqual(event.attempt_count, 2)
        self.assertTrue(event.delivered_at)
        self.assertEqual(len(receiver.received), 2)
        ids = {headers["X-Mgp-Event-Id"] for headers, _body in receiver.received}
        self.assertEqual(ids, {event.uuid})
        headers, body = receiver.received[-1]
        expected = hmac.new(b"s3cret", body, hashlib.sha256).hexdigest()
        self.assertEqual(headers["X-Mgp-Signature"], f"sha256={expected}")
        payload = json.loads(body)
        self.assertEqual(payload["id"], event.uuid)
        self.assertEqual(payload["type"], "case.started")
        self.assertEqual(payload["record"]["number"], case.name)
        self.assertNotIn(self.person.name, body.decode())
        # delivered events are not sent again
        Event._cron_deliver()
        self.assertEqual(len(receiver.received), 2)

    def test_dead_letter(self):
        """After the last refused attempt the event is a dead letter, listed
        for the administrator, who sends it again."""
        receiver, endpoint = self._receiver([503], max_attempts=3)
        self._case()
        event = self._events(endpoint)
        Event = self.env["mgp.api.event"]
        waits = []
        for _attempt in range(3):
            self._make_due(event)
            Event._cron_deliver()
            if event.next_attempt:
                waits.append(event.next_attempt - event.last_attempt)
        self.assertEqual(len(receiver.received), 3)
        self.assertEqual(waits, [timedelta(minutes=5), timedelta(minutes=10)])
        self.assertEqual((event.state, event.attempt_count), ("dead", 3))
        self.assertFalse(event.next_attempt)

        admin_events = self.env["mgp.api.event"].with_user(self.admin)
        self.assertEqual(admin_events.search([("state", "=", "dead")]), event)
        self.assertEqual(endpoint.with_user(self.admin).dead_count, 1)
        with self.assertRaises(AccessError):
            self.env["mgp.api.event"].with_user(self.specialist).search([])

        receiver.statuses = [200]
        event.with_user(self.admin).action_retry()
        self.assertEqual((event.state, event.attempt_count), ("pending", 0))
        Event._cron_deliver()
        self.assertEqual(event.state, "done")

    def test_written_with_the_change(self):
        """Each action writes its event in its own transaction: a refused
        action leaves none; a centre without a receiver gets none."""
        _receiver, endpoint = self._receiver([200])
        case = self._case().with_user(self.specialist)
        with self.assertRaises(UserError), self.env.cr.savepoint():
            case.action_mark_employed(case.plan_agreed_date, self.person.id)
        self.assertEqual(self._events(endpoint).mapped("event_type"), ["case.started"])
        provide_documents(case)
        case.action_decide_need(True)
        self.assertEqual(
            sorted(self._events(endpoint).mapped("event_type")),
            ["case.need_decided", "case.started"],
        )
        other = self.env["res.partner"].create(
            {"name": "Другой Гражданин", "mgp_disability_group": "1"}
        )
        self.env["mgp.accompaniment"].with_user(self.specialist_other).create(
            {
                "partner_id": other.id,
                "plan_agreed_date": centre_today(other),
            }
        )
        self.assertFalse(
            self.env["mgp.api.event"].search(
                [("company_id", "=", self.company_other.id)]
            )
        )
