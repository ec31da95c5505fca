# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import NgoCommon


@tagged("post_install", "-at_install")
class TestNgoContract(NgoCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.organisation = cls.env["res.partner"].create(
            {"name": "АНО «Договорная»", "is_company": True}
        )
        cls.Contract = cls.env["mgp.ngo.contract"].with_user(cls.specialist)

    def _contract(self, **vals):
        values = {
            "partner_id": self.organisation.id,
            "number": "7/2026",
            "date": "2026-02-01",
            "date_start": "2026-02-01",
            "date_end": "2026-12-31",
            "mgp_activity_ids": [(6, 0, self.activities[:2].ids)],
        }
        values.update(vals)
        return self.Contract.create(values)

    def test_period_order_validated(self):
        with self.assertRaises(ValidationError):
            self._contract(date_start="2026-05-01", date_end="2026-04-30")

    def test_number_from_sequence(self):
        contract = self._contract(number=False)
        self.assertTrue(contract.number.startswith("НГО-Д-"))
        self.assertEqual(contract.company_id, self.company)
        self.assertIn("7/2026", self._contract().display_name)

    def test_amendment_is_a_new_linked_record(self):
        contract = self._contract()
        contract.action_activate()
        self.assertEqual(contract.state, "active")
        with self.assertRaises(UserError):
            contract.action_activate()
        action = contract.action_create_amendment()
        amendment = self.Contract.browse(action["res_id"])
        self.assertEqual(amendment.parent_id, contract)
        self.assertEqual(amendment.state, "draft")
        self.assertEqual(amendment.mgp_activity_ids, contract.mgp_activity_ids)
        amendment.mgp_activity_ids = [(4, self.activities[2].id)]
        amendment.action_activate()
        self.assertEqual(contract.state, "superseded")
        self.assertEqual(amendment.state, "active")
        self.assertEqual(contract.amendment_ids, amendment)
        self.assertEqual(len(contract.mgp_activity_ids), 2)
        other = self.env["res.partner"].create({"name": "Другая", "is_company": True})
        with self.assertRaises(UserError):  # the NGO of a contract is fixed
            amendment.partner_id = other

    def test_find_or_create(self):
        Contract = self.Contract
        created = Contract._mgp_find_or_create(
            self.organisation, self.activities[:2], "2026-03-01", number="1-С"
        )
        self.assertEqual(created.state, "active")
        self.assertEqual(created.number, "1-С")
        self.assertEqual(created.mgp_activity_ids, self.activities[:2])
        again = Contract._mgp_find_or_create(
            self.organisation, self.activities[:1], "2026-03-02"
        )
        self.assertEqual(again, created)
        amended = Contract._mgp_find_or_create(
            self.organisation, self.activities[2:4], "2026-03-03"
        )
        self.assertEqual(amended.parent_id, created)
        self.assertEqual(amended.mgp_activity_ids, self.activities[:4])
        self.assertEqual(created.state, "superseded")
        self.assertEqual(self.organisation.mgp_ngo_contract_count, 2)

    def test_status_not_written_directly(self):
        contract = self._contract()
        with self.assertRaises(UserError):
            contract.write({"state": "active"})
        with self.assertRaises(UserError):
            contract.with_user(self.manager).write({"state": "active"})
        with self.assertRaises(UserError):
            self._contract(number="8/2026", state="active")
        self.assertEqual(contract.state, "draft")
        contract.action_activate()
        self.assertEqual(contract.state, "active")
        contract.note = "Подписан обеими сторонами"
        with self.assertRaises(UserError):
            contract.action_cancel()

    def test_access(self):
        contract = self._contract()
        with self.assertRaises(AccessError):
            contract.unlink()
        contract.with_user(self.manager).unlink()
        other = self.env["res.users"].create(
            {
                "name": "Другой центр",
                "login": "ngo_contract_other",
                "company_id": self.company_other.id,
                "company_ids": [(6, 0, self.company_other.ids)],
                "group_ids": [(6, 0, self.env.ref("mgp_base.group_specialist").ids)],
            }
        )
        kept = self._contract()
        self.assertFalse(
            self.env["mgp.ngo.contract"].with_user(other).search([("id", "=", kept.id)])
        )
