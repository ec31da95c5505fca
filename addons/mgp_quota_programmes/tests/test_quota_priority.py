# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.addons.mgp_employer_programmes.tests.common import ProgrammesCommon


class TestQuotaPriority(ProgrammesCommon):
    """Seed 004:93: an employer subject to the quota has priority for the
    subsidy, taken from its quota card."""

    def test_quota_employer_first(self):
        self.employer.sudo().mgp_quota_company_id = self.company
        quota = self._application()
        other = self._application(employer_id=self.employer_2.id)
        self.assertTrue(quota.quota_employer)
        self.assertEqual(quota.priority, "1")
        self.assertFalse(other.quota_employer)
        self.assertEqual(other.priority, "0")
        found = self.Application.with_user(self.specialist).search(
            [("id", "in", (quota | other).ids)]
        )
        self.assertEqual(found[0], quota)
        # the centre may still correct the flag
        other.quota_employer = True
        self.assertEqual(other.priority, "1")

    def test_portal_application_of_a_quota_employer(self):
        self.employer.sudo().mgp_quota_company_id = self.company
        application = self.Application.with_user(self.rep)._mgp_portal_apply(
            {
                "company_id": self.company.id,
                "cost_kind_ids": self.cost_kind.ids,
                "workplace_count": 1,
                "amount_requested": 90000,
                "works_description": "Пандус",
            }
        )
        self.assertTrue(application.sudo().quota_employer)

    def test_association_of_disabled_people_is_not_subject(self):
        self.employer.sudo().write(
            {
                "mgp_quota_company_id": self.company.id,
                "mgp_quota_disabled_association": True,
            }
        )
        self.assertFalse(self._application().quota_employer)
