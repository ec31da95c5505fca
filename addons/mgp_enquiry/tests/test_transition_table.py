# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import UserError

from odoo.addons.mgp_base.tests.transition_walk import TransitionWalkMixin

from .common import PDF
from .test_inspection import InspectionCommon


class TestTransitionTable(TransitionWalkMixin, InspectionCommon):
    """The tables of the enquiry and of the inspection, walked state by
    state: refused where they do not start, allowed where they do."""

    def test_enquiry_table(self):
        enquiry = self._enquiry()
        walked = self._walk_table(
            enquiry,
            {
                "action_register": self.specialist,
                "action_answer": self.specialist,
                "action_cancel": self.specialist,
                "answer_phone": self.specialist,
            },
            {
                "action_register": lambda rec: rec.action_register(date(2025, 12, 26)),
                "action_answer": lambda rec: rec.action_answer(
                    "Ответ дан.", date(2025, 12, 29)
                ),
                "action_cancel": lambda rec: rec.action_cancel("Отозван"),
            },
        )
        self.assertEqual(
            walked,
            ["action_register", "action_answer", "action_cancel", "answer_phone"],
        )
        self._walk_direct_writes(enquiry)

    def test_enquiry_group(self):
        """Only a specialist of the centre carries the enquiry's steps."""
        enquiry = self._enquiry()
        portal = self.env["res.users"].create(
            {
                "name": "Портальный",
                "login": "enquiry_portal",
                "group_ids": [(6, 0, [self.env.ref("base.group_portal").id])],
            }
        )
        with self.assertRaisesRegex(UserError, "not allowed"):
            enquiry.with_user(portal).action_register(date(2025, 12, 26))
        self.assertEqual(enquiry.state, "draft")

    def test_answer_in_one_write(self):
        """The answer, its documents, the state: one step."""
        enquiry = self._enquiry()
        enquiry.action_register(date(2025, 12, 26))
        enquiry.with_user(self.specialist).action_answer(
            "Ответ дан.", date(2025, 12, 29), files=[("answer.pdf", PDF)]
        )
        self.assertEqual(enquiry.state, "answered")
        self.assertEqual(enquiry.answer_attachment_ids.name, "answer.pdf")
        self.assertEqual(
            enquiry.deadline_ids.filtered(lambda d: d.code == "enq_answer").state,
            "done",
        )

    def test_inspection_table(self):
        inspection = self._inspection(conclusion="Выводы.")
        walked = self._walk_table(
            inspection,
            self.manager,
            {
                "action_start": lambda rec: rec.action_start(date(2026, 4, 2)),
                "action_close": lambda rec: rec.action_close(date(2026, 4, 3)),
            },
        )
        self.assertEqual(walked, ["action_start", "action_close"])
        self._walk_direct_writes(inspection)
