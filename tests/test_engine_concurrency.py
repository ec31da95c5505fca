# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
# Concurrency can only be shown between committed transactions: these tests
# commit their own cursors (never the test cursor) and clean up afterwards.
# pylint: disable=invalid-commit
import random
import threading
import time
from datetime import date

from psycopg2.errors import LockNotAvailable, SerializationFailure

from odoo import api
from odoo.exceptions import ConcurrencyError, UserError
from odoo.orm.environments import Transaction
from odoo.tests import tagged
from odoo.tests.common import TransactionCase
from odoo.tools import mute_logger

from odoo.addons.mgp_base.models.mgp_register_mixin import released
from odoo.addons.mgp_base.tests.common_documents import provide_documents

CONTEXT = {"mail_notify_force_send": False, "tracking_disable": True}
# ConcurrencyError: the one-open index met a parallel case (Odoo's HTTP
# layer retries it like a serialization failure)
RETRIED = (LockNotAvailable, SerializationFailure, ConcurrencyError)


@tagged("post_install", "-at_install")
class TestEngineConcurrency(TransactionCase):
    """Parallel numbering in a new centre and parallel duplicate actions:
    each in its own committed transaction, as parallel HTTP requests are
    (retried on concurrency errors, as Odoo's HTTP layer does)."""

    def setUp(self):
        super().setUp()
        self.root_uid = self.env.ref("base.user_root").id
        self.created = {}
        self.addCleanup(self._cleanup)
        with self.registry.cursor() as cr:
            env = self._new_env(cr)
            company = env["res.company"].create({"name": "ЦЗН Параллельный"})
            persons = env["res.partner"].create(
                [
                    {
                        "name": f"Параллельный Гражданин {index}",
                        "company_id": company.id,
                        "mgp_disability_group": "2",
                    }
                    for index in range(3)
                ]
            )
            cr.commit()
            self.company_id, self.person_ids = company.id, persons.ids
            self.person_id = persons.ids[0]
            self.activity_id = (
                env["mgp.activity"].search([("service", "=", "employment")], limit=1).id
            )

    def _new_env(self, cr):
        # bind the cursor to the loaded registry: looking the registry up by
        # name waits for the registry lock that the test runner holds
        if cr.transaction is None:
            cr.transaction = Transaction(self.registry)
        return api.Environment(cr, self.root_uid, dict(CONTEXT))

    def _cleanup(self):
        with self.registry.cursor() as cr:
            env = self._new_env(cr)
            cases = env["mgp.accompaniment"].search(
                [("company_id", "=", self.company_id)]
            )
            with released(cases):  # test data committed by the threads
                cases.unlink()
            env["ir.sequence"].search([("company_id", "=", self.company_id)]).unlink()
            env["res.partner"].browse(self.person_ids).unlink()
            company = env["res.company"].browse(self.company_id)
            try:
                with cr.savepoint():
                    company.unlink()
            except Exception:  # noqa: BLE001 — an unremovable centre is archived
                company.active = False
            cr.commit()

    def _in_parallel(self, count, work):
        """Run ``work(env, index)`` in ``count`` threads at once, each in its
        own transaction committed at the end, retried on concurrency errors.

        :return: (results, user errors) of the threads
        """
        barrier = threading.Barrier(count, timeout=30)
        results, user_errors, errors = [], [], []

        def run(index):
            try:
                with self.registry.cursor() as cr:
                    env = self._new_env(cr)
                    barrier.wait()
                    for _attempt in range(10):
                        try:
                            cr.execute("SET LOCAL lock_timeout = '20s'")
                            result = work(env, index)
                            cr.commit()
                            results.append(result)
                            return
                        except RETRIED:
                            cr.rollback()
                            env.transaction.clear()
                            # back off as Odoo's HTTP layer does before a retry
                            time.sleep(random.uniform(0, 0.05 * 2**_attempt))
                        except UserError as exc:
                            cr.rollback()
                            user_errors.append(exc)
                            return
                    errors.append(AssertionError("kept failing on concurrency"))
            except Exception as exc:  # reported to the test thread
                errors.append(exc)

        threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        self.assertFalse(errors, errors)
        return results, user_errors

    def _new_case(self, env, person_id=None):
        case = env["mgp.accompaniment"].create(
            {
                "partner_id": person_id or self.person_id,
                "company_id": self.company_id,
                "plan_agreed_date": date(2026, 3, 2),
                "line_ids": [(0, 0, {"activity_id": self.activity_id})],
            }
        )
        provide_documents(case, day=date(2026, 3, 2))
        return case

    @mute_logger("odoo.sql_db")
    def test_parallel_first_numbers_of_a_new_centre(self):
        names, _errors = self._in_parallel(
            3, lambda env, index: self._new_case(env, self.person_ids[index]).name
        )
        self.assertEqual(len(names), 3)
        self.assertEqual(len(set(names)), 3, names)
        self.assertEqual(
            sorted(name[-5:] for name in names), ["00001", "00002", "00003"]
        )

        # three first certificates of the centre at once
        with self.registry.cursor() as cr:
            env = self._new_env(cr)
            cases = env["mgp.accompaniment"].search(
                [("company_id", "=", self.company_id)]
            )
            for case in cases:
                case.action_decide_need(True, date(2026, 3, 2))
                # the suite's superuser signs the order drafted by the root
                # user in this set-up; only the numbers matter here
                case._mgp_engine_write(
                    {"order_state": "approved", "order_date": date(2026, 3, 3)}
                )
                case._mgp_engine_write(
                    {
                        "responsible_user_id": self.root_uid,
                        "assignment_done_date": date(2026, 3, 3),
                    }
                )
            cr.commit()
            case_ids = cases.ids

        def issue(env, index):
            case = env["mgp.accompaniment"].browse(case_ids[index])
            case.action_issue_certificate(date(2026, 3, 4))
            return case.certificate_number

        numbers, _errors = self._in_parallel(3, issue)
        self.assertEqual(len(set(numbers)), 3, numbers)
        self.assertEqual(
            sorted(number[-5:] for number in numbers), ["00001", "00002", "00003"]
        )

    @mute_logger("odoo.sql_db")
    def test_parallel_duplicate_actions_done_once(self):
        with self.registry.cursor() as cr:
            env = self._new_env(cr)
            case = self._new_case(env)
            cr.commit()
            case_id = case.id

        def decide(env, index):
            env["mgp.accompaniment"].browse(case_id).action_decide_need(
                True, date(2026, 3, 2)
            )
            return index

        done, refused = self._in_parallel(3, decide)
        self.assertEqual(len(done), 1)
        self.assertEqual(len(refused), 2)
        with self.registry.cursor() as cr:
            env = self._new_env(cr)
            case = env["mgp.accompaniment"].browse(case_id)
            self.assertEqual(case.state, "assignment")
            # one decision, one assignment deadline
            self.assertEqual(
                len(case.deadline_ids.filtered(lambda d: d.code == "s1_assignment")), 1
            )

    @mute_logger("odoo.sql_db")
    def test_parallel_second_open_case_refused(self):
        """Two specialists open a case for the same person at once: one
        case is opened, the other is refused naming it."""
        names, refused = self._in_parallel(
            2, lambda env, index: self._new_case(env).name
        )
        self.assertEqual(len(names), 1, (names, refused))
        self.assertEqual(len(refused), 1)
        self.assertIn(names[0], str(refused[0]))
        with self.registry.cursor() as cr:
            env = self._new_env(cr)
            self.assertEqual(
                env["mgp.accompaniment"].search_count(
                    [("partner_id", "=", self.person_id)]
                ),
                1,
            )
