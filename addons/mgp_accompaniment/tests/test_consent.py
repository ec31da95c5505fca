# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import UserError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import AccompanimentCommon


@tagged("post_install", "-at_install")
class TestConsent(HttpCase, AccompanimentCommon):
    """No health data go to an NGO without the person's written consent to
    their transfer (152-ФЗ ст. 9–10); a withdrawal stops the transfer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.person_3 = cls.env["res.partner"].create(
            {
                "name": "Сидоров Сидор Сидорович",
                "company_id": cls.company.id,
                "mgp_disability_group": "3",
            }
        )
        contact = cls.env["res.partner"].create(
            {"name": "Представитель А", "parent_id": cls.ngo_a.id}
        )
        cls.ngo_user = new_test_user(
            cls.env,
            login="mgp_consent_ngo",
            password="mgp_consent_ngo_pwd1",
            groups="base.group_portal",
            partner_id=contact.id,
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
        )
        cls.contract = cls._new_contract(cls.ngo_a, "Д-СОГЛ")

    def _assign(self, case):
        return case.with_context(lang="ru_RU").action_assign_ngo(
            self.ngo_a, self.contract, assign_date=date(2025, 11, 6)
        )

    def _ngo_case(self, person):
        case = self._case(
            date(2025, 11, 5), activities=self.activities[:2], partner_id=person.id
        )
        case.action_decide_need(True, date(2025, 11, 5))
        case.action_record_ngo_consent(self.ngo_a, date(2025, 11, 6))
        return case

    def test_assignment_requires_consent(self):
        case = self._ngo_case(self.person_3)
        with self.assertRaises(UserError) as error:
            self._assign(case)
        self.assertIn("Сидоров Сидор Сидорович", str(error.exception))
        self.assertIn("согласи", str(error.exception))
        self.assertFalse(case.ngo_id)

        consent = (
            self.env["mgp.consent"]
            .with_user(self.specialist)
            .create(
                {
                    "partner_id": self.person_3.id,
                    "date": date(2025, 11, 6),
                    "form": "paper",
                    "scope_processing": True,
                    "scope_transfer": False,
                }
            )
        )
        self.assertEqual(consent.company_id, self.company)
        # processing alone is not a consent to the transfer
        with self.assertRaises(UserError):
            self._assign(case)
        consent.action_withdraw("Оформлено новое согласие", date(2025, 11, 6))
        self.env["mgp.consent"].with_user(self.specialist).create(
            {"partner_id": self.person_3.id, "date": date(2025, 11, 6)}
        )
        self._assign(case)
        self.assertEqual(case.ngo_id, self.ngo_a)

    def test_consent_kept_and_withdrawn_by_action_only(self):
        consent = self.consents.filtered(lambda c: c.partner_id == self.person)
        for user in (self.specialist, self.manager, self.admin):
            with self.assertRaises(UserError):
                consent.with_user(user).write({"withdrawal_date": date(2025, 11, 6)})
            with self.assertRaises(UserError):
                consent.with_user(user).write({"scope_transfer": False})
            with self.assertRaises(UserError):
                consent.with_user(user).unlink()
        created = (
            self.env["mgp.consent"]
            .with_user(self.specialist)
            .with_context(default_withdrawal_date="2025-11-06")
            .create({"partner_id": self.person_3.id, "date": date(2025, 11, 6)})
        )
        self.assertEqual(created.state, "valid")
        with self.assertRaises(UserError):
            consent.with_user(self.specialist).action_withdraw("  ")
        consent.with_user(self.specialist).action_withdraw(
            "Отзыв по заявлению", date(2025, 11, 10)
        )
        self.assertEqual(consent.state, "withdrawn")
        self.assertEqual(consent.withdrawn_by_id, self.specialist)
        self.assertTrue(
            any("Отзыв по заявлению" in m.body for m in self.person.message_ids)
        )
        with self.assertRaises(UserError):
            consent.with_user(self.specialist).action_withdraw("Ещё раз")

    def test_withdrawal_stops_the_ngo_portal_view(self):
        case = self._ngo_case(self.person)
        self._assign(case)
        self.authenticate("mgp_consent_ngo", "mgp_consent_ngo_pwd1")
        page = self.url_open(f"/my/ngo/case/{case.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.person.name, page.text)
        self.assertIn(self.activities[0].name, page.text)
        listing = self.url_open("/my/ngo/cases")
        self.assertIn(self.person.name, listing.text)

        consent = self.consents.filtered(lambda c: c.partner_id == self.person)
        consent.with_user(self.specialist).action_withdraw(
            "Отзыв по заявлению", date(2025, 11, 10)
        )
        page = self.url_open(f"/my/ngo/case/{case.id}")
        self.assertEqual(page.status_code, 200)
        self.assertNotIn(self.person.name, page.text)
        self.assertNotIn(self.activities[0].name, page.text)
        self.assertIn("o_mgp_no_consent", page.text)
        listing = self.url_open("/my/ngo/cases")
        self.assertNotIn(self.person.name, listing.text)
