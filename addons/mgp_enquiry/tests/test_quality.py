# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.addons.mgp_base.tests.common_documents import provide_documents

from .test_inspection import InspectionCommon


class TestQuality(InspectionCommon):
    """Seed 002, 2.17.2: the share of the disabled persons employed after
    receiving the service among those who applied for it."""

    def _case(self, person, plan_date, certificate=None, employed=None):
        case = (
            self.env["mgp.accompaniment"]
            .with_user(self.specialist)
            .create(
                {
                    "partner_id": person.id,
                    "company_id": self.company.id,
                    "user_id": self.specialist.id,
                    "plan_agreed_date": plan_date,
                    "line_ids": [
                        (
                            0,
                            0,
                            {
                                "activity_id": self.env.ref(
                                    "mgp_base.activity_employment_01"
                                ).id
                            },
                        )
                    ],
                }
            )
        )
        if certificate:
            case = case.with_user(self.specialist)
            provide_documents(case, day=certificate)
            case.action_decide_need(True, certificate)
            case.action_assign_employee(self.specialist, certificate)
            case.with_user(self.manager).action_approve_order(certificate)
            case.action_issue_certificate(certificate)
        if employed:
            case.with_user(self.specialist).action_mark_employed(
                employed, self.employer.id
            )
        return case

    def test_quality_figure(self):
        self.employer = self.env["res.partner"].create(
            {"name": "АО «Работодатель»", "is_company": True}
        )
        people = self.env["res.partner"].create(
            [
                {
                    "name": f"Гражданин {n}",
                    "company_id": self.company.id,
                    "mgp_disability_group": "2",
                }
                for n in range(4)
            ]
        )
        # applied, got the service and was employed within the period
        self._case(people[0], date(2026, 3, 2), date(2026, 3, 3), date(2026, 4, 10))
        # applied and got the service, not employed
        self._case(people[1], date(2026, 3, 4), date(2026, 3, 5))
        # applied, nothing yet
        self._case(people[2], date(2026, 3, 6))
        # applied before the period: not counted
        self._case(people[3], date(2026, 1, 12))
        Indicator = self.env["mgp.indicator"].with_user(self.manager)
        figures = Indicator._mgp_quality_figures(
            date(2026, 3, 1), date(2026, 5, 31), self.company
        )
        # the common case of ``person`` (plan agreed 12.03.2026) applied too
        self.assertEqual(
            figures[False], {"numerator": 1, "denominator": 4, "share": 25.0}
        )
        self.assertEqual(figures[self.company.id]["denominator"], 4)
        # employed after the end of the period: not yet counted
        figures = Indicator._mgp_quality_figures(
            date(2026, 3, 1), date(2026, 3, 31), self.company
        )
        self.assertEqual(figures[False]["numerator"], 0)
        # another centre's manager sees none of it
        figures = (
            self.env["mgp.indicator"]
            .with_user(self.manager_other)
            ._mgp_quality_figures(date(2026, 3, 1), date(2026, 5, 31), self.company)
        )
        self.assertEqual(figures[False]["denominator"], 0)
        wizard = (
            self.env["mgp.quality.wizard"]
            .with_user(self.manager)
            .create(
                {
                    "date_from": date(2026, 3, 1),
                    "date_to": date(2026, 5, 31),
                    "company_ids": [(6, 0, self.company.ids)],
                }
            )
        )
        self.assertEqual((wizard.quality_numerator, wizard.quality_denominator), (1, 4))
        self.assertAlmostEqual(wizard.quality_share, 25.0)
        self.assertTrue(wizard.i2_denominator >= 0)
