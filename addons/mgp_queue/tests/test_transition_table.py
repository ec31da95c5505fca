# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.addons.mgp_base.tests.common import MgpCommon
from odoo.addons.mgp_base.tests.transition_walk import TransitionWalkMixin


class TestTransitionTable(TransitionWalkMixin, MgpCommon):
    """The print batch's table: the job's own steps, run as the user who
    started it, refused where they do not start."""

    def test_print_batch_table(self):
        batch = self.env["mgp.print.batch"]._mgp_engine_create(
            {
                "name": "Справки: 1",
                "report_id": self.env.ref("mgp_reports.action_report_certificate").id,
                "res_model": "mgp.accompaniment",
                "res_ids": [self.person.id],  # not printed here
                "user_id": self.specialist.id,
                "company_id": self.company.id,
            }
        )
        self.assertEqual(batch.state, "queued")
        walked = self._walk_table(batch, self.specialist)
        self.assertEqual(walked, ["run", "finish", "fail"])
        self._walk_direct_writes(batch)
