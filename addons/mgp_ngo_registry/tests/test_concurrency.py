# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
# Concurrency can only be shown between committed transactions: these tests
# commit their own cursors (never the test cursor) and clean up afterwards.
# pylint: disable=invalid-commit
import threading

from psycopg2.errors import SerializationFailure

from odoo import api
from odoo.orm.environments import Transaction
from odoo.tests import tagged
from odoo.tests.common import TransactionCase
from odoo.tools import mute_logger

from odoo.addons.mgp_base.models.mgp_register_mixin import released
from odoo.addons.mgp_base.models.mgp_transition import forced_state

from .common import make_inn

CONTEXT = {"mail_notify_force_send": False, "tracking_disable": True}


@tagged("post_install", "-at_install")
class TestNgoRegistryConcurrency(TransactionCase):
    """Two approvals at the same time in separate transactions.

    The data is committed in its own cursors (the test transaction cannot be
    seen by them) and removed at the end.
    """

    def setUp(self):
        super().setUp()
        self.admin_uid = self.env.ref("base.user_admin").id
        # a region whose registry sequence does not exist yet (and is ours
        # to remove afterwards)
        Sequence = self.env["ir.sequence"].sudo()
        self.region = next(
            state
            for state in self.env["res.country.state"].search(
                [("country_id.code", "=", "RU")], order="id desc"
            )
            if not Sequence.search_count(
                [("code", "=", f"mgp.ngo.registry.{state.id}")]
            )
        )
        self.created = {}
        self.addCleanup(self._cleanup)

    def _new_env(self, cr):
        # bind the cursor to the loaded registry: looking the registry up by
        # name waits for the registry lock that the test runner holds
        if cr.transaction is None:
            cr.transaction = Transaction(self.registry)
        return api.Environment(cr, self.admin_uid, dict(CONTEXT))

    def _prepare(self, count, prefix):
        """Commit ``count`` submitted applications in the test region."""
        with self.registry.cursor() as cr:
            env = self._new_env(cr)
            company = env.ref("base.main_company")
            applications = env["mgp.ngo.application"]
            activities = [
                (6, 0, env["mgp.activity"].search([("service", "=", "employment")]).ids)
            ]
            for index in range(count):
                applications |= env["mgp.ngo.application"].create(
                    {
                        "channel": "paper",
                        "org_name": f"АНО «{prefix} {index}»",
                        "inn": make_inn(f"7{prefix}000{index}"),
                        "territory_state_ids": [(6, 0, self.region.ids)],
                        "company_id": company.id,
                        # the trained staff and the conditions of assistance
                        "schedule": "Пн–Пт 9:00–18:00",
                        "accessibility": "Пандус",
                        "help_form_ids": [
                            (6, 0, env["mgp.ngo.help.form"].search([], limit=1).ids)
                        ],
                        "staff_ids": [
                            (0, 0, {"name": "Сотрудник", "activity_ids": activities})
                        ],
                    }
                )
            applications.action_submit()
            cr.commit()
            self.created.setdefault("applications", []).extend(applications.ids)
            self.created.setdefault("partners", []).extend(applications.partner_id.ids)
            return applications.ids

    def _registry_numbers(self, application_ids):
        with self.registry.cursor() as cr:
            env = self._new_env(cr)
            applications = env["mgp.ngo.application"].browse(application_ids)
            self.assertEqual(set(applications.mapped("state")), {"approved"})
            return applications.partner_id.mapped("mgp_ngo_registry_number")

    def _cleanup(self):
        with self.registry.cursor() as cr:
            env = self._new_env(cr)
            applications = (
                env["mgp.ngo.application"]
                .browse(self.created.get("applications", []))
                .exists()
            )
            with forced_state(applications):  # housekeeping
                applications._mgp_engine_write({"state": "draft"})
            applications.unlink()
            partners = env["res.partner"].browse(self.created.get("partners", []))
            with released(partners.exists()) as entries:  # committed test data
                entries.unlink()
            env["ir.sequence"].search(
                [("code", "=", f"mgp.ngo.registry.{self.region.id}")]
            ).unlink()
            cr.commit()

    def test_two_cursors_approve_at_once(self):
        """Both approvals are open at the same time, then both commit."""
        first_id, second_id, seed_id = self._prepare(3, "7101")
        # the region's sequence exists once a first organisation is included
        with self.registry.cursor() as cr:
            self._new_env(cr)["mgp.ngo.application"].browse(seed_id).action_approve()
            cr.commit()
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            cr2.execute("SET LOCAL lock_timeout = '20s'")
            self._new_env(cr1)["mgp.ngo.application"].browse(first_id).action_approve()
            self._new_env(cr2)["mgp.ngo.application"].browse(second_id).action_approve()
            cr1.commit()
            cr2.commit()
        numbers = self._registry_numbers([first_id, second_id, seed_id])
        self.assertEqual(len(set(numbers)), 3, numbers)
        prefix = f"{self.region.code}-НГО-"
        self.assertTrue(all(number.startswith(prefix) for number in numbers))

    def _retrying(self, env, application_id, tries=5):
        """Approve and commit, retried on serialization failures as the HTTP
        layer does (``odoo.service.model.retrying`` reloads the registry,
        which waits for the lock the test runner holds)."""
        for attempt in range(tries):
            try:
                env.cr.execute("SET LOCAL lock_timeout = '20s'")
                env["mgp.ngo.application"].browse(application_id).action_approve()
                env.cr.commit()
                return attempt
            except SerializationFailure:
                env.cr.rollback()
                env.transaction.clear()
        raise AssertionError("approval kept failing on concurrency errors")

    @mute_logger("odoo.sql_db")
    def test_concurrent_first_approvals_of_a_region(self):
        """Two threads approve while the region has no sequence yet: the
        sequence is created once and the numbers differ."""
        application_ids = self._prepare(2, "7102")
        barrier = threading.Barrier(2, timeout=30)
        errors = []

        def approve(application_id):
            try:
                with self.registry.cursor() as cr:
                    env = self._new_env(cr)

                    barrier.wait()
                    self._retrying(env, application_id)
            except Exception as exc:  # reported to the test thread
                errors.append(exc)

        threads = [
            threading.Thread(target=approve, args=(application_id,))
            for application_id in application_ids
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        self.assertFalse(errors, errors)
        numbers = self._registry_numbers(application_ids)
        self.assertEqual(len(set(numbers)), 2, numbers)
        with self.registry.cursor() as cr:
            sequences = self._new_env(cr)["ir.sequence"].search(
                [("code", "=", f"mgp.ngo.registry.{self.region.id}")]
            )
            self.assertEqual(len(sequences), 1)
