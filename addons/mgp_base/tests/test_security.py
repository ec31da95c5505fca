# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import AccessError

from .common import MgpCommon


class TestSecurity(MgpCommon):
    def test_groups_are_tiered(self):
        self.assertTrue(self.admin.has_group("mgp_base.group_manager"))
        self.assertTrue(self.manager.has_group("mgp_base.group_specialist"))
        self.assertFalse(self.specialist.has_group("mgp_base.group_manager"))
        privilege = self.env.ref("mgp_base.res_groups_privilege_accompaniment")
        # the suite's roles, and what other addons of the suite add to them
        self.assertLessEqual(
            {
                "mgp_base.group_specialist",
                "mgp_base.group_manager",
                "mgp_base.group_admin",
            },
            set(privilege.group_ids.mapped(lambda g: g.get_external_id()[g.id])),
        )

    def test_specialist_cannot_change_configuration(self):
        rule = self.env.ref("mgp_base.deadline_rule_s1_need_decision")
        activity = self.env.ref("mgp_base.activity_employment_01")
        for record, vals in (
            (rule, {"days": 3}),
            (activity, {"name": "x"}),
            (self.calendar, {"years_ahead": 3}),
        ):
            with self.assertRaises(AccessError):
                record.with_user(self.specialist).write(vals)
            with self.assertRaises(AccessError):
                record.with_user(self.manager).write(vals)
        with self.assertRaises(AccessError):
            self.env["mgp.activity"].with_user(self.specialist).create(
                {"name": "Новое мероприятие"}
            )
        rule.with_user(self.admin).write({"days": 2})
        self.assertEqual(rule.days, 2)
        # a specialist can read configuration
        self.assertEqual(rule.with_user(self.specialist).name, rule.name)

    def test_other_centre_cannot_read(self):
        deadline = self.env["mgp.deadline"]._open_for(
            self.person, "s1_need_decision", date_start=date(2026, 2, 2)
        )
        request = (
            self.env["mgp.mse.request"]
            .with_user(self.manager)
            .create({"partner_id": self.person.id})
        )
        with self.assertRaises(AccessError):
            deadline.with_user(self.manager_other).read(["name"])
        with self.assertRaises(AccessError):
            request.with_user(self.manager_other).read(["name"])
        with self.assertRaises(AccessError):
            request.with_user(self.specialist_other).read(["name"])
        self.assertFalse(
            self.env["mgp.deadline"]
            .with_user(self.specialist_other)
            .search([("id", "=", deadline.id)])
        )
        # a person of the centre is not visible to another centre
        with self.assertRaises(AccessError):
            self.person.with_user(self.specialist_other).read(["name"])
        # same centre reads
        self.assertEqual(deadline.with_user(self.manager).name, deadline.name)

    def test_specialist_sees_own_mse_requests(self):
        own = (
            self.env["mgp.mse.request"]
            .with_user(self.specialist)
            .create({"partner_id": self.person.id})
        )
        other = (
            self.env["mgp.mse.request"]
            .with_user(self.specialist_2)
            .create({"partner_id": self.person.id})
        )
        visible = self.env["mgp.mse.request"].with_user(self.specialist).search([])
        self.assertIn(own, visible)
        self.assertNotIn(other, visible)
        self.assertIn(
            other, self.env["mgp.mse.request"].with_user(self.manager).search([])
        )
        with self.assertRaises(AccessError):
            own.with_user(self.specialist).unlink()

    def test_deadlines_are_written_by_the_engine_only(self):
        deadline = self.env["mgp.deadline"]._open_for(
            self.person,
            "s1_need_decision",
            date_start=date(2026, 2, 2),
            user=self.specialist,
        )
        self.assertEqual(deadline.with_user(self.specialist).res_name, self.person.name)
        with self.assertRaises(AccessError):
            deadline.with_user(self.specialist).write({"date_due": date(2026, 3, 1)})
        with self.assertRaises(AccessError):
            deadline.with_user(self.manager).write({"state": "done"})
        # the engine closes it for them
        deadline.with_user(self.specialist)._close(date(2026, 2, 3))
        self.assertEqual(deadline.state, "done")
