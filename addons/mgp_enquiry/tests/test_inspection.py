# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError

from .common import MgpEnquiryCommon


class InspectionCommon(MgpEnquiryCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.case = cls.env["mgp.accompaniment"].create(
            {
                "partner_id": cls.person.id,
                "company_id": cls.company.id,
                "user_id": cls.specialist.id,
                "plan_agreed_date": date(2026, 3, 12),
            }
        )

    @classmethod
    def _inspection(cls, **vals):
        values = {
            "kind": "current",
            "company_id": cls.company.id,
            "period_from": date(2026, 1, 1),
            "period_to": date(2026, 3, 31),
            "date_planned": date(2026, 4, 1),
            "inspectors": "Заместитель директора Орлова Е. В.",
            "case_ids": [(6, 0, cls.case.ids)],
        }
        values.update(vals)
        return cls.env["mgp.inspection"].with_user(cls.manager).create(values)

    @classmethod
    def _finding(cls, inspection, **vals):
        values = {
            "inspection_id": inspection.id,
            "name": "Решение о нуждаемости не внесено в личное дело",
            "case_id": cls.case.id,
            "responsible_id": cls.specialist.id,
            "action": "Внести решение в личное дело",
            "date_due": date(2026, 4, 20),
        }
        values.update(vals)
        return cls.env["mgp.inspection.finding"].with_user(cls.manager).create(values)


class TestInspection(InspectionCommon):
    def test_flow(self):
        inspection = self._inspection()
        self.assertEqual(inspection.state, "planned")
        self.assertTrue(inspection.name.startswith("ПР-"))
        inspection.with_user(self.manager).action_start(date(2026, 4, 2))
        finding = self._finding(inspection)
        self.assertEqual(inspection.finding_open_count, 1)
        with self.assertRaises(UserError):  # no conclusion yet
            inspection.with_user(self.manager).action_close(date(2026, 4, 3))
        inspection.with_user(self.manager).conclusion = "Нарушение сроков."
        inspection.with_user(self.manager).action_close(date(2026, 4, 3))
        self.assertEqual(
            (inspection.state, inspection.date_closed), ("closed", date(2026, 4, 3))
        )
        # the act is fixed; the follow-up goes on
        with self.assertRaises(UserError):
            finding.with_user(self.manager).write({"action": "Другое"})
        with self.assertRaises(UserError):
            inspection.with_user(self.manager).write({"conclusion": "Иное"})
        with self.assertRaises(UserError):
            self._finding(inspection)
        # the responsible specialist reports his follow-up, another cannot
        with self.assertRaises(UserError):
            finding.with_user(self.specialist_2).action_mark_done()
        with self.assertRaises(AccessError):
            finding.with_user(self.specialist).write({"done": True})
        finding.with_user(self.specialist).action_mark_done(date(2026, 4, 10))
        self.assertEqual(finding.date_done, date(2026, 4, 10))
        self.assertEqual(inspection.finding_open_count, 0)

    def test_close_needs_complete_findings(self):
        inspection = self._inspection(conclusion="Выводы.")
        inspection.with_user(self.manager).action_start(date(2026, 4, 2))
        self._finding(inspection, responsible_id=False)
        with self.assertRaises(UserError):
            inspection.with_user(self.manager).action_close(date(2026, 4, 3))

    def test_wrong_state_and_groups(self):
        inspection = self._inspection()
        with self.assertRaises(UserError):
            inspection.with_user(self.manager).action_close()
        with self.assertRaises(UserError):
            inspection.with_user(self.specialist).action_start()
        with self.assertRaises(AccessError):
            self.env["mgp.inspection"].with_user(self.specialist).create(
                {"period_from": "2026-01-01", "period_to": "2026-01-31"}
            )
        with self.assertRaises(UserError):
            inspection.with_user(self.manager).write({"state": "closed"})
        with self.assertRaises(UserError):
            inspection.with_user(self.manager).write({"kind": "planned"})
        self.assertTrue(inspection.with_user(self.specialist).read(["name"]))

    def test_scope_checks(self):
        with self.assertRaises(ValidationError):
            self._inspection(period_to=date(2025, 12, 1))
        # a person of the other centre (one open case per person)
        other_person = self.env["res.partner"].create(
            {
                "name": "Другой Гражданин",
                "company_id": self.company_other.id,
                "mgp_disability_group": "2",
            }
        )
        other_case = self.env["mgp.accompaniment"].create(
            {
                "partner_id": other_person.id,
                "company_id": self.company_other.id,
                "plan_agreed_date": date(2026, 3, 12),
            }
        )
        # the other centre's case is not even readable by the manager
        with self.assertRaises(AccessError):
            self._inspection(case_ids=[(6, 0, other_case.ids)])
        # and refused whoever links it
        with self.assertRaises(ValidationError):
            self.env["mgp.inspection"].create(
                {
                    "company_id": self.company.id,
                    "period_from": date(2026, 1, 1),
                    "period_to": date(2026, 3, 31),
                    "case_ids": [(6, 0, other_case.ids)],
                }
            )
        inspection = self._inspection()
        self.assertFalse(
            self.env["mgp.inspection"]
            .with_user(self.manager_other)
            .search([("id", "=", inspection.id)])
        )
