# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
# Concurrency can only be shown between committed transactions: these tests
# commit their own cursors (never the test cursor) and clean up afterwards.
# pylint: disable=invalid-commit
import threading
import uuid
from datetime import date

from psycopg2.errors import SerializationFailure, UniqueViolation

from odoo import api
from odoo.exceptions import UserError
from odoo.orm.environments import Transaction
from odoo.tests import tagged
from odoo.tests.common import TransactionCase
from odoo.tools import mute_logger

from odoo.addons.mgp_base.models.mgp_register_mixin import released

CONTEXT = {"mail_notify_force_send": False, "tracking_disable": True}


@tagged("post_install", "-at_install")
class TestProgrammesConcurrency(TransactionCase):
    """Two signatures against one budget limit, and two business aids for one
    person, in parallel transactions."""

    def setUp(self):
        super().setUp()
        self.admin_uid = self.env.ref("base.user_admin").id
        self.created = []
        self.addCleanup(self._cleanup)

    def _new_env(self, cr):
        if cr.transaction is None:
            cr.transaction = Transaction(self.registry)
        return api.Environment(cr, self.admin_uid, dict(CONTEXT))

    def _cleanup(self):
        with self.registry.cursor() as cr:
            env = self._new_env(cr)
            for model, ids in reversed(self.created):
                records = env[model].browse(ids).exists()
                # test data of committed cursors, removed as superuser
                with released(records):
                    records.sudo().unlink()
            cr.commit()

    def _parallel(self, target, args):
        barrier = threading.Barrier(len(args))
        results = [None] * len(args)

        def run(index, arg):
            with self.registry.cursor() as cr:
                env = self._new_env(cr)
                barrier.wait()
                try:
                    target(env, arg)
                    cr.commit()
                    results[index] = "ok"
                except (UserError, UniqueViolation, SerializationFailure) as error:
                    cr.rollback()
                    results[index] = type(error).__name__
                except Exception as error:  # noqa: BLE001 - reported by the test
                    cr.rollback()
                    results[index] = repr(error)

        threads = [
            threading.Thread(target=run, args=(index, arg))
            for index, arg in enumerate(args)
        ]
        with mute_logger("odoo.sql_db"):
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(60)
        return results

    def test_parallel_signatures_keep_the_limit(self):
        with self.registry.cursor() as cr:
            env = self._new_env(cr)
            company = env["res.company"].create(
                {"name": f"ЦЗН Параллельный {uuid.uuid4().hex[:8]}"}
            )
            employer = env["res.partner"].create(
                {"name": "ООО «Параллель»", "is_company": True}
            )
            budget = env["mgp.subsidy.budget"].create(
                {"company_id": company.id, "year": 2026, "amount": 150000}
            )
            agreements = env["mgp.subsidy.agreement"]
            for __ in range(2):
                agreements |= env["mgp.subsidy.agreement"].create(
                    {
                        "employer_id": employer.id,
                        "company_id": company.id,
                        "workplace_ids": [(0, 0, {"name": "Место", "amount": 90000})],
                    }
                )
            workplace_ids = agreements.workplace_ids.ids
            cr.commit()
        self.created += [
            ("res.company", company.ids),
            ("res.partner", employer.ids),
            ("mgp.subsidy.budget", budget.ids),
            ("mgp.subsidy.agreement", agreements.ids),
            ("mgp.subsidy.workplace", workplace_ids),
        ]

        def sign(env, agreement_id):
            env["mgp.subsidy.agreement"].browse(agreement_id).action_sign(
                date(2026, 1, 12)
            )

        results = self._parallel(sign, agreements.ids)
        # the second one waits for the first: refused, or retried (as a
        # request would be) after the concurrent update
        self.assertIn(
            sorted(results), (["SerializationFailure", "ok"], ["UserError", "ok"])
        )
        with self.registry.cursor() as cr:
            env = self._new_env(cr)
            self.assertEqual(
                env["mgp.subsidy.agreement"]
                .browse(agreements.ids)
                .mapped("state")
                .count("signed"),
                1,
            )
            self.assertEqual(
                env["mgp.subsidy.budget"].browse(budget.ids).amount_used, 90000
            )

    def test_parallel_business_aids_once(self):
        with self.registry.cursor() as cr:
            env = self._new_env(cr)
            person = env["res.partner"].create(
                {"name": "Параллельный Инвалид", "mgp_disability_group": "2"}
            )
            cr.commit()
        self.created.append(("res.partner", person.ids))

        def apply(env, __):
            # numbered here: the centre's numbering (no gaps) would already
            # refuse the second one; the unique index is what is tested
            aid = env["mgp.business.aid"]._mgp_engine_create(
                {
                    "name": f"СЗ-ТЕСТ-{uuid.uuid4().hex[:8]}",
                    "partner_id": person.id,
                    "date_application": date(2026, 2, 2),
                }
            )
            env.cr.flush()
            return aid

        results = self._parallel(apply, [1, 2])
        with self.registry.cursor() as cr:
            env = self._new_env(cr)
            aids = env["mgp.business.aid"].search([("partner_id", "=", person.id)])
            self.created.append(("mgp.business.aid", aids.ids))
        self.assertEqual(len(aids), 1)
        self.assertEqual(sorted(results), ["UniqueViolation", "ok"])
