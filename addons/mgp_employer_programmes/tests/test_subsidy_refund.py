# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from freezegun import freeze_time

from .common import ProgrammesCommon


class TestSubsidyRefund(ProgrammesCommon):
    """The 12-month retention (seed 004:91) and the proportional refund
    (004:115–121), computed from the interface fields alone."""

    def _workplace(self, employments, amount=100000):
        agreement = self.Agreement.with_user(self.specialist).create(
            {
                "employer_id": self.employer.id,
                "company_id": self.company.id,
                "workplace_ids": [
                    (
                        0,
                        0,
                        {
                            "name": "Оператор",
                            "amount": amount,
                            "employment_ids": [(0, 0, vals) for vals in employments],
                        },
                    )
                ],
            }
        )
        self.assertEqual(agreement.state, "draft")
        return agreement.workplace_ids

    def test_dismissal_on_employer_initiative_at_month_6(self):
        workplace = self._workplace(
            [
                {
                    "partner_id": self.person.id,
                    "date_hired": date(2026, 1, 15),
                    "date_dismissed": date(2026, 7, 15),
                    "dismissal_ground": "employer_no_fault",
                }
            ]
        )
        self.assertEqual(workplace.retention_end, date(2027, 1, 15))
        self.assertEqual(workplace.term_days, 365)
        self.assertEqual(workplace.kept_days, 181)
        self.assertEqual(workplace.refund_ground, "employer_initiative")
        # 100 000 × 184 / 365
        self.assertAlmostEqual(workplace.refund_amount, 50410.96, places=2)
        self.assertAlmostEqual(workplace.agreement_id.refund_amount, 50410.96, 2)

    def test_resignation_and_referred_hire_30_days_later(self):
        workplace = self._workplace(
            [
                {
                    "partner_id": self.person.id,
                    "date_hired": date(2026, 1, 15),
                    "date_dismissed": date(2026, 7, 15),
                    "dismissal_ground": "own_will",
                },
                {"partner_id": self.person_2.id, "date_hired": date(2026, 8, 14)},
            ]
        )
        self.assertEqual(workplace.gap_days, 30)
        self.assertEqual(workplace.retention_end, date(2027, 2, 14))
        self.assertFalse(workplace.refund_ground)
        self.assertEqual(workplace.refund_amount, 0.0)

    def test_hire_not_referred_does_not_stop_the_gap(self):
        workplace = self._workplace(
            [
                {
                    "partner_id": self.person.id,
                    "date_hired": date(2026, 1, 15),
                    "date_dismissed": date(2026, 7, 15),
                    "dismissal_ground": "own_will",
                },
                {
                    "partner_id": self.person_2.id,
                    "date_hired": date(2026, 8, 14),
                    "referred": False,
                },
            ]
        )
        self.assertEqual(workplace.gap_days, 0)
        self.assertEqual(workplace.retention_end, date(2027, 1, 15))

    def test_dismissal_for_the_worker_fault_is_no_refund(self):
        workplace = self._workplace(
            [
                {
                    "partner_id": self.person.id,
                    "date_hired": date(2026, 1, 15),
                    "date_dismissed": date(2026, 3, 2),
                    "dismissal_ground": "employee_fault",
                }
            ]
        )
        self.assertEqual(workplace.refund_amount, 0.0)

    def test_dismissal_after_the_year_is_no_refund(self):
        workplace = self._workplace(
            [
                {
                    "partner_id": self.person.id,
                    "date_hired": date(2026, 1, 15),
                    "date_dismissed": date(2027, 1, 15),
                    "dismissal_ground": "employer_no_fault",
                }
            ]
        )
        self.assertEqual(workplace.refund_amount, 0.0)

    def test_gap_counts_before_a_later_employer_dismissal(self):
        # hired 15.01, resigned 15.04, next referred hire 15.05 (30 days not
        # counted), dismissed by the employer 15.07: kept 90 + 61 days
        workplace = self._workplace(
            [
                {
                    "partner_id": self.person.id,
                    "date_hired": date(2026, 1, 15),
                    "date_dismissed": date(2026, 4, 15),
                    "dismissal_ground": "own_will",
                },
                {
                    "partner_id": self.person_2.id,
                    "date_hired": date(2026, 5, 15),
                    "date_dismissed": date(2026, 7, 15),
                    "dismissal_ground": "employer_no_fault",
                },
            ]
        )
        self.assertEqual(workplace.kept_days, 90 + 61)
        self.assertAlmostEqual(
            workplace.refund_amount, round(100000 * (365 - 151) / 365, 2), places=2
        )

    def test_refund_rule_by_months(self):
        self.env["mgp.programme.setting"].create(
            {
                "name": "Возврат по месяцам",
                "kind": "subsidy_refund",
                "date_from": date(2026, 1, 1),
                "refund_method": "months",
            }
        )
        workplace = self._workplace(
            [
                {
                    "partner_id": self.person.id,
                    "date_hired": date(2026, 1, 15),
                    "date_dismissed": date(2026, 7, 15),
                    "dismissal_ground": "employer_no_fault",
                }
            ]
        )
        self.assertAlmostEqual(workplace.refund_amount, 50000.0, places=2)

    def test_report_missed_makes_the_subsidy_refundable(self):
        agreement = self._paid_agreement()
        workplace = agreement.workplace_ids.with_user(self.specialist)
        with freeze_time("2026-01-20"):
            employment = workplace.action_hire(self.person, date(2026, 1, 15))
        employment.action_dismiss(date(2026, 7, 15), "own_will")
        deadline = employment._mgp_deadline_get("subsidy_dismissal_report")
        # 3 working days: Thu 16, Fri 17, Mon 20 July 2026
        self.assertEqual(deadline.date_due, date(2026, 7, 20))
        self.assertTrue(deadline.external)
        self.assertEqual(workplace.refund_amount, 0.0)
        # reported in time: nothing due
        employment.action_report_dismissal(date(2026, 7, 20))
        self.assertFalse(employment.dismissal_report_missed)
        self.assertEqual(deadline.state, "done")
        self.assertEqual(workplace.refund_amount, 0.0)

    def test_report_late_or_never(self):
        agreement = self._paid_agreement()
        workplace = agreement.workplace_ids.with_user(self.specialist)
        employment = workplace.action_hire(self.person, date(2026, 1, 15))
        employment.action_dismiss(date(2026, 7, 15), "own_will")
        Employment = self.env["mgp.subsidy.employment"]
        self.assertFalse(Employment._cron_missed_reports(date(2026, 7, 20)))
        self.assertEqual(Employment._cron_missed_reports(date(2026, 7, 21)), employment)
        self.assertFalse(Employment._cron_missed_reports(date(2026, 7, 22)))
        self.assertTrue(employment.dismissal_report_missed)
        self.assertEqual(workplace.refund_ground, "report_missed")
        self.assertAlmostEqual(workplace.refund_amount, 50410.96, places=2)
        self.assertEqual(agreement.refund_state, "due")

    def test_removed_workplace(self):
        agreement = self._paid_agreement()
        workplace = agreement.workplace_ids.with_user(self.specialist)
        workplace.action_hire(self.person, date(2026, 1, 15))
        workplace.action_record_removal(date(2026, 7, 15))
        self.assertEqual(workplace.refund_ground, "removed")
        self.assertAlmostEqual(workplace.refund_amount, 50410.96, places=2)
