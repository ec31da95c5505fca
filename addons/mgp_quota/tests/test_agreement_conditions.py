# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import QuotaCommon


@tagged("post_install", "-at_install")
class TestQuotaAgreementConditions(QuotaCommon):
    """The workers employed elsewhere under the employer's agreement or
    service contract (ст. 38 Закона № 565-ФЗ) are linked to it; the
    conditions of ГОСТ Р 53873-2010 of a quota workplace (seed 004:131–139)
    go with the worker hired on it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.organisation = cls.env["res.partner"].create(
            {"name": "ИП Партнёров П. П.", "is_company": True}
        )
        Agreement = cls.env["mgp.quota.agreement"].with_user(cls.specialist_region)
        values = {
            "name": "СТ-1/2026",
            "date": date(2026, 1, 15),
            "employer_id": cls.employer.id,
            "organisation_id": cls.organisation.id,
            "company_id": cls.company_region.id,
            "kind": "agreement",
            "places": 2,
        }
        cls.agreement = Agreement.create(values)
        cls.agreement_other = Agreement.create(
            dict(values, name="СТ-2/2026", employer_id=cls.employer_2.id)
        )
        cls.agreement_late = Agreement.create(
            dict(values, name="СТ-3/2026", date=date(2026, 4, 1))
        )

    def test_workers_under_the_employers_agreement(self):
        report = self._report()
        line = self._line(report, "3", way="agreement", agreement_id=self.agreement.id)
        self.assertEqual(line.weight, 1.0)
        self.assertEqual(self.agreement.line_ids, line)
        self.assertEqual(self.agreement.places_used, 1)
        # another employer's, another way, not yet in force: refused
        with self.assertRaisesRegex(ValidationError, "not the employer's"):
            self._line(
                report, "3", way="agreement", agreement_id=self.agreement_other.id
            )
        with self.assertRaisesRegex(ValidationError, "not the employer's"):
            self._line(
                report, "3", way="service_contract", agreement_id=self.agreement.id
            )
        with self.assertRaisesRegex(ValidationError, "not in force"):
            self._line(
                report, "3", way="agreement", agreement_id=self.agreement_late.id
            )
        # the next quarter's report counts the places anew
        later = self._report(date_from=date(2026, 4, 1))
        self._line(later, "2", way="agreement", agreement_id=self.agreement.id)
        self._line(later, "3", way="agreement", agreement_id=self.agreement_late.id)
        # the refused lines left nothing behind
        self.agreement.invalidate_recordset()
        self.assertEqual(self.agreement.places_used, 1)
        self.assertEqual(self.agreement.line_ids.report_id, report | later)

    def test_workplace_conditions_go_with_the_hire(self):
        conditions = self.env["mgp.quota.condition"].search([], limit=3)
        self.assertEqual(len(conditions), 3)
        workplace = (
            self.env["mgp.quota.workplace"]
            .with_user(self.specialist_region)
            .create(
                {
                    "name": "Оператор",
                    "employer_id": self.employer.id,
                    "company_id": self.company_region.id,
                    "condition_ids": [Command.set(conditions[:2].ids)],
                }
            )
        )
        Referral = self.env["mgp.quota.referral"].with_user(self.specialist_region)
        people = self.env["res.partner"].create(
            [{"name": f"Соискатель {n}", "mgp_disability_group": "2"} for n in (1, 2)]
        )
        first = Referral.create(
            {
                "partner_id": people[0].id,
                "workplace_id": workplace.id,
                "company_id": self.company_region.id,
            }
        )
        with freeze_time("2026-02-02"):
            first.action_send()
            employment = first.action_register_hire(date(2026, 2, 2))
        self.assertEqual(employment.condition_ids, conditions[:2])
        workplace.with_user(self.specialist_region).action_release()
        second = Referral.create(
            {
                "partner_id": people[1].id,
                "workplace_id": workplace.id,
                "company_id": self.company_region.id,
            }
        )
        with freeze_time("2026-03-02"):
            second.action_send()
            employment = second.action_register_hire(
                date(2026, 3, 2), {"condition_ids": [Command.set(conditions.ids)]}
            )
        self.assertEqual(employment.condition_ids, conditions)
