# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The import job's table walked state by state: each action refused with
the state message and nothing written outside its sources; the state never
written directly."""

from odoo.addons.mgp_base.tests.transition_walk import TransitionWalkMixin

from .common import MgpImportCommon


class TestImportTransitionTable(MgpImportCommon, TransitionWalkMixin):
    def test_import_job_table(self):
        job = self._job("person", ["external_id", "name"], [["P-1", "Иванов"]])
        walked = self._walk_table(
            job,
            {
                "action_check": self.importer,
                "action_import": self.importer,
                "action_resume": self.importer,
                "reset": None,
                "finish": None,
                "fail": None,
            },
        )
        self.assertEqual(
            sorted(walked),
            sorted(
                [
                    "reset",
                    "action_check",
                    "action_import",
                    "action_resume",
                    "finish",
                    "fail",
                ]
            ),
        )
        self._walk_direct_writes(job)
