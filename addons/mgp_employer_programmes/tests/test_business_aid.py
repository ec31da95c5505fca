# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError

from odoo.addons.mgp_base.tests.common_documents import provide_documents

from .common import ProgrammesCommon


class TestBusinessAid(ProgrammesCommon):
    def _aid(self, partner=None, user=None, **vals):
        values = {
            "partner_id": (partner or self.person).id,
            "company_id": self.company.id,
            "date_application": date(2026, 2, 2),
            "birth_date": date(1990, 5, 17),
            "unemployed_date": date(2026, 1, 20),
            "registered_at_residence": True,
            "business_activity": "Ремонт обуви",
            "legal_form": "entrepreneur",
            "purpose_ids": [
                (6, 0, self.env.ref("mgp_employer_programmes.business_purpose_3").ids)
            ],
        }
        values.update(vals)
        Aid = self.env["mgp.business.aid"]
        aid = Aid.with_user(user or self.specialist).create(values)
        # the application and the business plan are with the centre
        provide_documents(aid)
        return aid

    def _paid(self, aid):
        with freeze_time("2026-03-20"):
            aid.action_to_commission()
            aid.commission_mse_member = "Иванова И. И., бюро МСЭ № 3"
            aid.action_commission_decision(True, date(2026, 2, 20), "К-15")
            aid.action_sign_contract("Д-7", date(2026, 2, 25))
            aid.registration_date = date(2026, 3, 2)
            aid.with_user(self.manager).action_pay(date(2026, 3, 10))
        return aid

    def test_through_the_states(self):
        aid = self._paid(self._aid())
        self.assertEqual(aid.state, "paid")
        self.assertEqual(aid.aid_registration_amount, 58800)
        self.assertEqual(aid.aid_documents_amount, 5000)
        self.assertEqual(aid.aid_total, 63800)
        self.assertEqual(aid.keep_until, date(2027, 3, 2))
        Aid = self.env["mgp.business.aid"]
        self.assertFalse(Aid._cron_kept(date(2027, 3, 1)))
        self.assertEqual(Aid._cron_kept(date(2027, 3, 2)), aid)
        self.assertEqual(aid.state, "done")

    def test_business_stopped_early(self):
        aid = self._paid(self._aid())
        with freeze_time("2026-10-01"):
            aid.action_record_end(date(2026, 9, 30))
        self.assertEqual(aid.state, "ended")

    def test_end_needs_the_registration(self):
        aid = self._paid(self._aid())
        aid.registration_date = False
        with (
            freeze_time("2026-10-01"),
            self.assertRaisesRegex(UserError, "state registration"),
        ):
            aid.action_record_end(date(2026, 9, 30))
        self.assertEqual(aid.state, "paid")

    def test_documents_block_the_commission(self):
        aid = self._aid()
        self.assertEqual(len(aid.mgp_document_line_ids), 3)
        # the application is taken back: not received, not checked
        aid.mgp_document_line_ids.filtered("required")[:1]._mgp_engine_write(
            {"received_date": False, "checked_by_id": False, "checked_date": False}
        )
        with self.assertRaisesRegex(UserError, "required documents are missing"):
            aid.action_to_commission()
        self.assertEqual(aid.state, "draft")

    def test_eligibility(self):
        minor = self._aid(birth_date=date(2008, 3, 1))
        with self.assertRaisesRegex(UserError, "18"):
            minor.action_to_commission()
        not_registered = self._aid(partner=self.person_2, registered_at_residence=False)
        with self.assertRaisesRegex(UserError, "unemployed"):
            not_registered.action_to_commission()

    def test_commission_needs_the_mse_representative(self):
        aid = self._aid()
        with freeze_time("2026-03-01"):
            aid.action_to_commission()
            with self.assertRaisesRegex(UserError, "MSE"):
                aid.action_commission_decision(True, date(2026, 2, 20), "К-15")

    def test_once_in_a_lifetime(self):
        self._paid(self._aid())
        with self.assertRaisesRegex(UserError, "once"):
            self._aid()
        with self.assertRaisesRegex(UserError, "once"):
            self._aid(company_id=self.company_other.id)

    def test_refused_may_apply_again(self):
        aid = self._aid()
        with freeze_time("2026-03-01"):
            aid.action_to_commission()
            aid.action_commission_decision(
                False, date(2026, 2, 20), "К-16", "Бизнес-план не обоснован"
            )
        self.assertEqual(aid.state, "refused")
        second = self._aid()
        self.assertEqual(second.state, "draft")

    def test_amounts_are_dated_regional_settings(self):
        self.env["mgp.programme.setting"].create(
            {
                "name": "Калужская область с 2026",
                "kind": "business_aid_registration",
                "state_id": self.state.id,
                "date_from": date(2026, 1, 1),
                "amount": 75000,
            }
        )
        # the centre of the region, by the suite's own code
        aid = self._aid(company_id=self.company_region.id, user=self.env.user)
        with freeze_time("2026-03-01"):
            aid.action_to_commission()
            aid.commission_mse_member = "Иванова И. И."
            aid.action_commission_decision(True, date(2026, 2, 20), "К-1")
            aid.action_sign_contract("Д-1", date(2026, 2, 25))
        self.assertEqual(aid.aid_registration_amount, 75000)
