# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import AccessError

from .common import AccompanimentCommon


class TestSecurity(AccompanimentCommon):
    def test_specialist_sees_own_cases(self):
        own = self._case(user=self.specialist)
        foreign = self._case(user=self.specialist_2)
        visible = self.Case.with_user(self.specialist).search([])
        self.assertIn(own, visible)
        self.assertNotIn(foreign, visible)
        with self.assertRaises(AccessError):
            foreign.with_user(self.specialist).check_access("read")
        self.assertIn(foreign, self.Case.with_user(self.manager).search([]))

    def test_responsible_employee_sees_case(self):
        case = self._case(user=self.specialist)
        case.action_decide_need(True, date(2025, 10, 31))
        self._assign_employee(case, date(2025, 10, 31), user=self.specialist_2)
        self.assertIn(case, self.Case.with_user(self.specialist_2).search([]))

    def test_other_centre_invisible(self):
        case = self._case()
        self.assertNotIn(case, self.Case.with_user(self.manager_other).search([]))
        self.assertIn(case, self.Case.with_user(self.admin).search([]))

    def test_sla_filters(self):
        case = self._case(date(2025, 10, 31))  # decision due 2025-11-01: late
        late = self.Case.with_user(self.specialist).search(
            [("mgp_sla_status", "=", "late")]
        )
        self.assertIn(case, late)
        self.assertEqual(case.mgp_next_date_due, date(2025, 11, 1))

    def test_certificate_expiring_filter(self):
        case = self._active_case(date(2025, 3, 31), date(2025, 3, 31))
        expiring = self.Case.with_user(self.specialist).search(
            [("certificate_expiring", "=", True)]
        )
        self.assertIn(case, expiring)  # 2025-09-30 is long past today
