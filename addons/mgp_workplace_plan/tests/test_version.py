# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from ..models.mgp_workplace_plan_line import WORKING_TIME_NOTE
from .common import WorkplaceCommon


@tagged("post_install", "-at_install")
class TestVersion(WorkplaceCommon):
    def _plan_in_discussion(self):
        plan = self._offer().with_user(self.specialist)
        with freeze_time("2026-01-20"):
            plan.action_accept_offer(date(2026, 1, 12))
            plan.action_start_draft(date(2026, 1, 13))
            self._add_lines(plan)
            plan.action_to_discussion()
        return plan

    def test_revision_keeps_the_old_version_intact(self):
        plan = self._plan_in_discussion()
        line = plan.line_ids[1]
        line.sudo()._mgp_revision_vals()  # readable
        line.with_user(self.rep)._mgp_portal_comment("Перенести срок", date(2026, 2, 2))
        s2_plan = self._deadline(plan, "s2_plan")
        old_lines = [
            (line.activity_id, line.content, line.mentor) for line in plan.line_ids
        ]

        new = plan.action_revise()
        self.assertEqual(new.version, 2)
        self.assertEqual(new.previous_version_id, plan)
        self.assertEqual(new.origin_id, plan)
        self.assertEqual(new.name, plan.name)
        self.assertEqual(new.state, "draft")
        self.assertEqual(plan.state, "revised")
        self.assertEqual(new.version_ids, plan | new)
        self.assertEqual(plan.version_ids, plan | new)
        # the procedure goes on in the new version
        self.assertEqual(s2_plan.res_id, new.id)
        self.assertEqual(self._deadline(new, "s2_plan"), s2_plan)
        self.assertEqual(
            [(line.activity_id, line.content, line.mentor) for line in new.line_ids],
            old_lines,
        )
        self.assertFalse(new.line_ids[1].employer_comment)
        self.assertEqual(plan.line_ids[1].employer_comment, "Перенести срок")

        # the old version is read-only, its lines too
        with self.assertRaises(UserError):
            plan.line_ids[0].content = "Другое"
        with self.assertRaises(UserError):
            plan.write({"analysis_note": "Другое"})
        with self.assertRaises(UserError):
            plan.line_ids[0].unlink()
        with self.assertRaises(UserError):
            plan.action_send()
        new.line_ids[0].content = "Уточнено"  # a draft is edited in place
        self.assertNotEqual(plan.line_ids[0].content, "Уточнено")

        with freeze_time("2026-01-21"):
            third = new.action_revise()
            third.action_send(date(2026, 1, 21))
        self.assertEqual(third.version, 3)
        self.assertEqual(s2_plan.state, "done")
        self.assertEqual(third.version_ids, plan | new | third)

    def test_draft_under_discussion_is_not_edited_in_place(self):
        plan = self._plan_in_discussion()
        with self.assertRaises(UserError):
            plan.line_ids[0].content = "Другое"
        with self.assertRaises(UserError):
            plan.write({"line_ids": [(0, 0, {"activity_id": self.act_route.id})]})
        new = plan.action_revise()
        new.write({"line_ids": [(0, 0, {"activity_id": self.act_route.id})]})
        self.assertEqual(len(new.line_ids), 3)
        self.assertEqual(len(plan.line_ids), 2)

    def test_working_time_note_for_groups_1_and_2(self):
        plan = self._plan_in_discussion()
        working_time = plan.line_ids.filtered(
            lambda line: line.activity_id == self.act_working_time
        )
        self.assertIn(WORKING_TIME_NOTE, working_time.content)
        # another worker (one open plan per worker and employer), group 3
        new = self._offer(partner_id=self.person_2.id)
        new = new.with_user(self.specialist)
        with freeze_time("2026-01-20"):
            new.action_accept_offer(date(2026, 1, 12))
            new.action_start_draft(date(2026, 1, 13))
            self._add_lines(new)
        line = new.line_ids.filtered(lambda li: li.activity_id == self.act_working_time)
        self.assertNotIn(WORKING_TIME_NOTE, line.content)

    def test_mentor_required_for_item_16(self):
        plan = self._offer().with_user(self.specialist)
        with freeze_time("2026-01-20"):
            plan.action_accept_offer(date(2026, 1, 12))
            plan.action_start_draft(date(2026, 1, 13))
            plan.write({"line_ids": [(0, 0, {"activity_id": self.act_mentor.id})]})
            with self.assertRaises(UserError):
                plan.action_to_discussion()

    def test_catalogue_has_17_items(self):
        self.assertEqual(len(self.workplace), 17)
