# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date
from unittest.mock import patch

from odoo.tests import HttpCase, tagged

from odoo.addons.portal.controllers.portal import CustomerPortal

from .common import WorkplaceCommon


@tagged("post_install", "-at_install")
class TestWorkplacePortalPager(HttpCase, WorkplaceCommon):
    """The employer's list of plans is cut into pages (the portal's page
    size, here 2), and shows its own plans only."""

    def test_employer_plans_paginated(self):
        plans = self.Plan
        for snils in ("112-233-445 95", "123-456-789 64", "987-654-321 83"):
            plans |= self._appeal(date(2026, 1, 12), snils=snils)
        other = self._appeal(
            date(2026, 1, 12), snils="156-789-012 11", employer_id=self.employer_2.id
        )
        self.authenticate(self.rep.login, self.rep.login + "_pwd1")
        with patch.object(CustomerPortal, "_items_per_page", 2):
            first = self.url_open("/my/workplace")
            second = self.url_open("/my/workplace/page/2")
        self.assertEqual(first.status_code, 200)
        self.assertEqual(second.status_code, 200)
        self.assertIn("/my/workplace/page/2", first.text)
        shown = [
            [plan for plan in plans if f'/my/workplace/{plan.id}"' in page.text]
            for page in (first, second)
        ]
        self.assertEqual([len(page) for page in shown], [2, 1])
        self.assertNotIn(f'/my/workplace/{other.id}"', first.text + second.text)
