# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The transition table of a correction (of a service-1 certificate),
walked (issue 17 §2)."""

from datetime import date

from odoo.addons.mgp_complaint.tests.common import ComplaintCommon
from odoo.addons.mgp_complaint.tests.test_transition_table import (
    TransitionTableWalk,
)


class TestCorrectionTransitionTable(TransitionTableWalk, ComplaintCommon):
    def test_correction_table(self):
        case = self._active_case(date(2025, 10, 31), date(2025, 11, 5))
        correction = (
            self.env["mgp.document.correction"]
            .with_user(self.specialist)
            .create(
                {
                    "partner_id": self.person.id,
                    "res_model": case._name,
                    "res_id": case.id,
                    "document_kind": "certificate",
                    "description": "Опечатка в отчестве.",
                    "new_name": "Тестов Тест Тестовичъ",
                }
            )
        )
        self._walk(
            correction,
            {
                "action_apply": (self.manager, ()),
                "action_refuse": (self.manager, ("Опечатки нет.",)),
            },
        )
