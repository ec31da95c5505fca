# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
# Concurrency can only be shown between committed transactions: this test
# commits its own cursors (never the test cursor) and cleans up afterwards.
# pylint: disable=invalid-commit
import threading

from psycopg2.errors import SerializationFailure

from odoo import api
from odoo.orm.environments import Transaction
from odoo.tests import tagged
from odoo.tests.common import TransactionCase
from odoo.tools import SQL

EXTERNAL_ID = "mgp-api-concurrency-test"


@tagged("post_install", "-at_install")
class TestClaimConcurrency(TransactionCase):
    """Two claims of one external id in two real transactions: the second
    waits for the first, then fails with a serialisation error (which Odoo's
    request retry turns into a second attempt), and the retry finds the
    first one's row."""

    def setUp(self):
        super().setUp()
        self.admin_uid = self.env.ref("base.user_admin").id
        self.addCleanup(self._cleanup)

    def _new_env(self, cr):
        if cr.transaction is None:
            cr.transaction = Transaction(self.registry)
        return api.Environment(cr, self.admin_uid, {})

    def _cleanup(self):
        with self.registry.cursor() as cr:
            cr.execute(
                SQL("DELETE FROM mgp_api_request WHERE external_id = %s", EXTERNAL_ID)
            )

    def test_second_claim_waits_then_retries(self):
        body = {"external_id": EXTERNAL_ID, "n": 1}
        outcome = {}
        first_claimed = threading.Event()

        def second():
            with self.registry.cursor() as cr:
                env = self._new_env(cr)
                first_claimed.wait(10)
                try:
                    env["mgp.api.request"]._mgp_claim(
                        "plan_agreement", EXTERNAL_ID, body
                    )
                except SerializationFailure:
                    outcome["first_try"] = "serialization_failure"
                    cr.rollback()
                request, created = env["mgp.api.request"]._mgp_claim(
                    "plan_agreement", EXTERNAL_ID, body
                )
                outcome["retry"] = (request.id, created)

        with self.registry.cursor() as cr:
            env = self._new_env(cr)
            request, created = env["mgp.api.request"]._mgp_claim(
                "plan_agreement", EXTERNAL_ID, body
            )
            self.assertTrue(created)
            thread = threading.Thread(target=second)
            thread.start()
            first_claimed.set()
            # the second claim is blocked on the unique index meanwhile
            thread.join(1)
            self.assertTrue(thread.is_alive())
            cr.commit()
            first_id = request.id
        thread.join(30)
        self.assertEqual(outcome.get("first_try"), "serialization_failure")
        self.assertEqual(outcome.get("retry"), (first_id, False))
