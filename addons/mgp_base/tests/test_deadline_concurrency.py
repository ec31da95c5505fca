# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
# Concurrency can only be shown between committed transactions: this test
# commits its own cursors (never the test cursor) and cleans up afterwards.
# pylint: disable=invalid-commit
import threading
from datetime import date

from psycopg2.errors import LockNotAvailable, SerializationFailure

from odoo import api
from odoo.orm.environments import Transaction
from odoo.tests import tagged
from odoo.tests.common import TransactionCase

from odoo.addons.mgp_base.models.mgp_register_mixin import released

CONTEXT = {"mail_notify_force_send": False, "tracking_disable": True}
# what Odoo's HTTP layer retries
RETRIED = (LockNotAvailable, SerializationFailure)


@tagged("post_install", "-at_install")
class TestDeadlineConcurrency(TransactionCase):
    """Two actions close the same deadline at once (two requests on one
    case): the second meets the first one's row lock, is retried as Odoo's
    HTTP layer retries it, then finds the deadline done and leaves it — no
    error, one closing date."""

    def setUp(self):
        super().setUp()
        self.root_uid = self.env.ref("base.user_root").id
        self.addCleanup(self._cleanup)
        with self.registry.cursor() as cr:
            env = self._new_env(cr)
            person = env["res.partner"].create({"name": "Параллельный Срок"})
            deadline = env["mgp.deadline"]._open_for(
                person, "s1_results", date_start=date(2026, 2, 2)
            )
            cr.commit()
            self.person_id, self.deadline_id = person.id, deadline.id

    def _new_env(self, cr):
        # bind the cursor to the loaded registry (the test runner holds the
        # registry lock)
        if cr.transaction is None:
            cr.transaction = Transaction(self.registry)
        return api.Environment(cr, self.root_uid, dict(CONTEXT))

    def _cleanup(self):
        with self.registry.cursor() as cr:
            env = self._new_env(cr)
            deadlines = env["mgp.deadline"].browse(self.deadline_id).exists()
            with released(deadlines):  # test data committed by the threads
                deadlines.unlink()
            env["res.partner"].browse(self.person_id).unlink()
            cr.commit()

    def test_parallel_close_done_once(self):
        barrier = threading.Barrier(2, timeout=30)
        closed, errors = [], []

        def run(index):
            try:
                with self.registry.cursor() as cr:
                    env = self._new_env(cr)
                    for attempt in range(5):
                        cr.execute("SET LOCAL lock_timeout = '20s'")
                        deadline = env["mgp.deadline"].browse(self.deadline_id)
                        if not attempt:
                            # both read it open before either closes it
                            self.assertEqual(deadline.state, "open")
                            barrier.wait()
                        try:
                            count = len(deadline._close(date(2026, 2, 3 + index)))
                            cr.commit()
                        except RETRIED:
                            cr.rollback()
                            env.transaction.clear()
                            continue
                        closed.append(count)
                        return
                    errors.append(AssertionError("kept failing on concurrency"))
            except Exception as exc:  # noqa: BLE001 — reported to the test thread
                errors.append(exc)

        threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        self.assertFalse(errors, errors)
        self.assertEqual(sorted(closed), [0, 1])
        with self.registry.cursor() as cr:
            deadline = self._new_env(cr)["mgp.deadline"].browse(self.deadline_id)
            self.assertEqual(deadline.state, "done")
            self.assertIn(deadline.date_done, (date(2026, 2, 3), date(2026, 2, 4)))
