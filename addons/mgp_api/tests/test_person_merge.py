# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from odoo.addons.mgp_base.models.mgp_today import centre_today
from odoo.addons.mgp_base.tests.common import MgpCommon
from odoo.addons.mgp_base.tests.common_documents import provide_documents


@tagged("post_install", "-at_install")
class TestPersonMerge(MgpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.first = Partner.create(
            {
                "name": "Дубль Дарья Денисовна",
                "mgp_birth_date": date(1991, 3, 4),
                "mgp_disability_group": "3",
            }
        )
        cls.second = Partner.create(
            {
                "name": "дубль дарья денисовна",
                "mgp_birth_date": date(1991, 3, 4),
                "mgp_disability_group": "3",
            }
        )
        cls.Case = cls.env["mgp.accompaniment"]

    def _case(self, partner):
        return self.Case.with_user(self.specialist).create(
            {
                "partner_id": partner.id,
                "plan_agreed_date": centre_today(partner),
            }
        )

    def test_duplicates_found(self):
        """The same name and birth date is a likely duplicate, shown on the
        person and warned about before another one is saved."""
        self._case(self.first)
        self._case(self.second)
        manager = self.env["res.partner"].with_user(self.manager)
        self.assertEqual(manager.browse(self.first.id).mgp_duplicate_ids, self.second)
        found = manager._mgp_find_duplicates("Дубль Дарья Денисовна", date(1991, 3, 4))
        self.assertEqual(found, self.first | self.second)
        # need to know: a person of no case of the centre is not shown
        self.assertFalse(manager._mgp_find_duplicates(snils=self.person.mgp_snils))
        self._case(self.person)
        self.assertEqual(
            manager._mgp_find_duplicates(snils=self.person.mgp_snils), self.person
        )
        self.assertFalse(manager._mgp_find_duplicates("Дубль Дарья Денисовна"))
        with Form(self.env["res.partner"].with_user(self.manager)) as form:
            form.name = "Дубль Дарья Денисовна"
            form.mgp_birth_date = date(1991, 3, 4)
            self.assertEqual(len(form.mgp_duplicate_ids), 2)
            form.name = "Другая Дарья"
            self.assertFalse(form.mgp_duplicate_ids)

    def test_merge(self):
        """The merge keeps every case of both, journaled; the duplicate is
        removed."""
        kept_case = self._case(self.first)
        provide_documents(kept_case)
        kept_case.with_user(self.specialist).action_decide_need(False)
        moved_case = self._case(self.second)
        wizard = (
            self.env["mgp.person.merge"]
            .with_user(self.manager)
            .create({"partner_id": self.first.id, "duplicate_id": self.second.id})
        )
        wizard.action_merge()
        self.assertFalse(self.second.exists())
        self.assertEqual(moved_case.partner_id, self.first)
        self.assertEqual(kept_case.partner_id, self.first)
        self.assertIn("merged into this person", self.first.message_ids[0].body)

    def test_merge_refused(self):
        """Both with an open case of service 1: refused; a specialist may not
        merge."""
        self._case(self.first)
        self._case(self.second)
        wizard = (
            self.env["mgp.person.merge"]
            .with_user(self.manager)
            .create({"partner_id": self.first.id, "duplicate_id": self.second.id})
        )
        with self.assertRaises(UserError):
            wizard.action_merge()
        self.assertTrue(self.second.exists())
        with self.assertRaises(AccessError):
            self.env["mgp.person.merge"].with_user(self.specialist).create(
                {"partner_id": self.first.id, "duplicate_id": self.second.id}
            )
