# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date
from unittest.mock import patch

from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.mgp_base.tests.common_consent import give_consent
from odoo.addons.portal.controllers.portal import CustomerPortal

from .common import AccompanimentCommon


@tagged("post_install", "-at_install")
class TestPortalPager(HttpCase, AccompanimentCommon):
    """The NGO's list of cases is paginated, with the names of the persons
    read for the page only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        contact = cls.env["res.partner"].create(
            {"name": "Представитель А", "parent_id": cls.ngo_a.id}
        )
        cls.ngo_user = new_test_user(
            cls.env,
            login="mgp_ngo_pager",
            password="mgp_ngo_pager_pwd1",
            groups="base.group_portal",
            partner_id=contact.id,
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
        )
        people = cls.env["res.partner"].create(
            [
                {
                    "name": f"Подопечный {index}",
                    "company_id": cls.company.id,
                    "mgp_disability_group": "3",
                }
                for index in range(5)
            ]
        )
        give_consent(people)
        cls.cases = cls.env["mgp.accompaniment"]
        for person in people:
            cls.cases |= cls._case(cls, date(2025, 11, 5), partner_id=person.id)
        # assigned to the NGO as the data of a region would be (the
        # assignment itself is tested elsewhere)
        cls.env.cr.execute(
            "UPDATE mgp_accompaniment SET ngo_id = %s WHERE id IN %s",
            [cls.ngo_a.id, tuple(cls.cases.ids)],
        )
        cls.env.invalidate_all()

    def test_ngo_cases_paginated(self):
        self.authenticate("mgp_ngo_pager", "mgp_ngo_pager_pwd1")
        with patch.object(CustomerPortal, "_items_per_page", 2):
            first = self.url_open("/my/ngo/cases")
            third = self.url_open("/my/ngo/cases/page/3")
        self.assertEqual(first.status_code, 200)
        self.assertEqual(third.status_code, 200)
        self.assertIn("/my/ngo/cases/page/2", first.text)
        self.assertIn("/my/ngo/cases/page/3", first.text)
        shown_first = [case for case in self.cases if case.name in first.text]
        shown_third = [case for case in self.cases if case.name in third.text]
        self.assertEqual(len(shown_first), 2)
        self.assertEqual(len(shown_third), 1)
        self.assertIn(shown_third[0].partner_id.name, third.text)
