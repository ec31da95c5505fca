# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.mgp_base.tests.common import MgpCommon
from odoo.addons.mgp_base.tests.transition_walk import TransitionWalkMixin


@tagged("post_install", "-at_install")
class TestTransitionTable(TransitionWalkMixin, MgpCommon):
    """The outbox event's table: the administrator's retry and delivery,
    the job's own steps; refused where they do not start."""

    def _event(self):
        endpoint = (
            self.env["mgp.api.endpoint"]
            .with_user(self.admin)
            .create(
                {
                    "name": "ЕЦП",
                    "url": "http://127.0.0.1:9/events",
                    "company_id": self.company.id,
                }
            )
        )
        return (
            self.env["mgp.api.event"]
            .sudo()  # the outbox is written by the change, whoever acts
            .create(
                {
                    "uuid": "00000000-0000-4000-8000-000000000001",
                    "event_type": "case.started",
                    "endpoint_id": endpoint.id,
                    "company_id": self.company.id,
                    "payload": "{}",
                    "next_attempt": fields.Datetime.now(),
                }
            )
            .with_env(self.env)
        )

    def test_event_table(self):
        event = self._event()
        walked = self._walk_table(
            event,
            {
                "action_retry": self.admin,
                "action_deliver_now": self.admin,
                "deliver": None,
                "give_up": None,
            },
        )
        self.assertEqual(
            walked, ["action_retry", "action_deliver_now", "deliver", "give_up"]
        )
        self._walk_direct_writes(event)

    def test_delivery_kept_by_the_job(self):
        """The administrator reads the outbox; its delivery is the job's."""
        event = self._event()
        for vals in (
            {"state": "done"},
            {"attempt_count": 0},
            {"payload": '{"forged": true}'},
        ):
            with self.assertRaises(UserError), self.env.cr.savepoint():
                event.with_user(self.admin).write(dict(vals, last_error="x"))
        with self.assertRaisesRegex(UserError, "not allowed"):
            event.with_user(self.manager).action_retry()
        self.assertEqual(event.state, "pending")
