# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from ..models.mgp_workplace_plan_line import WORKING_TIME_NOTE
from .common import WorkplaceCommon


@tagged("post_install", "-at_install")
class TestLineOnchange(WorkplaceCommon):
    """The onchange of a plan line words the working-time activity by the
    person's disability group only for whoever may read it."""

    def _content(self, user, plan):
        result = (
            self.env["mgp.workplace.plan.line"]
            .with_user(user)
            .onchange(
                {"plan_id": plan.id, "activity_id": self.act_working_time.id},
                ["activity_id"],
                {"plan_id": {}, "activity_id": {}, "content": {}},
            )
        )
        return result["value"].get("content") or ""

    def test_group_not_revealed_by_onchange(self):
        plan = self._offer()
        self.assertEqual(self.person.mgp_disability_group, "2")
        self.assertIn(WORKING_TIME_NOTE, self._content(self.specialist, plan))
        # a specialist of the centre with no case of the person
        stranger = self._new_user("mgp_plan_stranger", "group_specialist", self.company)
        try:
            content = self._content(stranger, plan)
        except AccessError:
            content = ""
        self.assertNotIn(WORKING_TIME_NOTE, content)
        # nor one of another centre
        try:
            content = self._content(self.specialist_other, plan)
        except AccessError:
            content = ""
        self.assertNotIn(WORKING_TIME_NOTE, content)
