# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.mgp_base.tests.common_documents import provide_documents

from .common import ProgrammesCommon


class TestSubsidyFlow(ProgrammesCommon):
    def test_checklist_blocks_the_grant(self):
        application = self._application()
        self.assertEqual(len(application.mgp_document_line_ids), 8)
        with freeze_time("2026-01-12"):
            application.action_submit(date(2026, 1, 12))
            deadline = application._mgp_deadline_get("subsidy_review")
            self.assertEqual(deadline.date_due, date(2026, 1, 26))
            with self.assertRaisesRegex(UserError, "required documents are missing"):
                application.action_grant()
            provide_documents(application)
            with self.assertRaisesRegex(UserError, "conditions"):
                application.action_grant()
            self._complete(application)
            agreement = application.action_grant()
        self.assertEqual(application.state, "granted")
        self.assertEqual(agreement.state, "draft")
        self.assertEqual(agreement.employer_id, self.employer)
        self.assertEqual(agreement.application_id, application)
        self.assertEqual(deadline.state, "done")

    def test_refusal_with_notice(self):
        application = self._application()
        with freeze_time("2026-01-15"):
            application.action_submit(date(2026, 1, 12))
            with self.assertRaises(UserError):
                application.action_refuse("unknown")
            application.action_refuse(
                "documents", "Нет справки банка.", date(2026, 1, 15)
            )
        self.assertEqual(application.state, "refused")
        self.assertEqual(application.refusal_reason, "documents")
        notice = application.message_ids.filtered(
            lambda m: "отказывает" in (m.body or "")
        )
        self.assertTrue(notice)
        self.assertIn("неполное представление документов", notice[0].body)

    def test_protected_fields(self):
        application = self._application()
        with self.assertRaises(UserError):
            application.write({"state": "granted"})
        with self.assertRaises(UserError):
            self._application(state="granted")
        hostile = application.with_context(
            default_state="granted", default_agreement_id=1
        )
        other = hostile.create(
            {"employer_id": self.employer.id, "company_id": self.company.id}
        )
        self.assertEqual(other.state, "draft")

    def test_ceiling_and_budget_limit(self):
        too_much = self._agreement(amount=120000)
        with freeze_time("2026-01-12"), self.assertRaisesRegex(UserError, "ceiling"):
            too_much.action_sign()
        first = self._agreement(amount=100000, workplaces=2)
        second = self._agreement(amount=60000)
        with freeze_time("2026-01-12"):
            first.action_sign()
            self.assertEqual(self.budget.amount_used, 200000)
            self.assertEqual(self.budget.amount_left, 50000)
            with self.assertRaisesRegex(UserError, "budget limit"):
                second.action_sign()
            # the limit a cancelled agreement used is released
            first.with_user(self.manager).action_cancel()
            second.action_sign()
        self.assertEqual(self.budget.amount_used, 60000)

    def test_no_budget_limit(self):
        agreement = self._agreement()
        with freeze_time("2027-01-12"), self.assertRaisesRegex(UserError, "2027"):
            agreement.action_sign()

    def test_claim_and_repayment(self):
        agreement = self._paid_agreement().with_user(self.specialist)
        workplace = agreement.workplace_ids
        workplace.action_hire(self.person, date(2026, 1, 15))
        workplace.employment_ids.action_dismiss(date(2026, 7, 15), "employer_no_fault")
        self.assertEqual(agreement.refund_state, "due")
        with freeze_time("2026-07-20"):
            with self.assertRaisesRegex(UserError, "required documents are missing"):
                agreement.action_close()
            action = agreement.action_claim_refund()
            self.assertEqual(action["type"], "ir.actions.report")
            self.assertEqual(agreement.claim_amount, 50410.96)
            self.assertEqual(agreement.refund_state, "claimed")
            with self.assertRaises(UserError):
                agreement.action_claim_refund()
            agreement.action_record_repayment(30000, date(2026, 7, 20))
            self.assertEqual(agreement.refund_state, "claimed")
            agreement.action_record_repayment(20410.96, date(2026, 7, 20))
            self.assertEqual(agreement.refund_state, "repaid")
            provide_documents(agreement)
            agreement.action_close()
        self.assertEqual(agreement.state, "closed")

    def test_close_waits_for_the_monitoring(self):
        agreement = self._paid_agreement().with_user(self.specialist)
        agreement.workplace_ids.action_hire(self.person, date(2026, 1, 15))
        provide_documents(agreement)
        with freeze_time("2026-12-01"), self.assertRaisesRegex(UserError, "not over"):
            agreement.action_close()
        with freeze_time("2027-01-15"):
            agreement.action_close()
        self.assertEqual(agreement.state, "closed")

    def test_signed_amount_frozen(self):
        agreement = self._agreement()
        with freeze_time("2026-01-12"):
            agreement.action_sign()
        with self.assertRaises(UserError):
            agreement.workplace_ids.write({"amount": 1})

    def test_multi_company_and_portal_isolation(self):
        application = self._application()
        with self.assertRaises(AccessError):
            application.with_user(self.specialist_other).read(["name"])
        application_2 = self._application(employer_id=self.employer_2.id)
        visible = self.Application.with_user(self.rep).search([])
        self.assertIn(application, visible)
        self.assertNotIn(application_2, visible)
        with self.assertRaises(AccessError):
            application.with_user(self.rep).write({"workplace_count": 3})

    def test_engine_lines_follow_the_record(self):
        application = self._application()
        lines = provide_documents(application, self.specialist)
        self.assertEqual(len(lines), 8)
        # an administrator deletes the record: its checked lines go with it
        application.sudo().unlink()
        self.assertFalse(lines.exists())

    def test_hostile_context_reaches_no_created_record(self):
        hostile = {
            "default_received_date": "2026-01-01",
            "default_checked_date": "2026-01-01",
            "default_state": "paid",
            "default_date_signed": "2026-01-01",
            "default_date_dismissed": "2026-02-01",
            "default_dismissal_ground": "other",
        }
        application = self._application().with_context(**hostile)
        self.assertFalse(application.mgp_document_line_ids.filtered("received_date"))
        with freeze_time("2026-01-12"):
            application.action_submit()
            self._complete(application)
            agreement = application.action_grant()
        self.assertEqual(agreement.state, "draft")
        self.assertFalse(agreement.date_signed)
        self.assertFalse(agreement.mgp_document_line_ids.filtered("received_date"))
        agreement = self._paid_agreement()
        employment = agreement.workplace_ids.with_context(**hostile).action_hire(
            self.person, date(2026, 1, 15)
        )
        self.assertFalse(employment.date_dismissed)

    def test_referred_hire_is_indefinite(self):
        """Seed 004:107: the referred disabled person is hired under an
        indefinite contract; a fixed-term hire counts only as not referred."""
        agreement = self._paid_agreement()
        workplace = agreement.workplace_ids[:1]
        employment = workplace.action_hire(self.person, date(2026, 1, 15))
        self.assertTrue(employment.indefinite_contract)
        with self.assertRaises(ValidationError) as refused:
            employment.with_user(self.specialist).write({"indefinite_contract": False})
        self.assertIn("indefinite labour contract", str(refused.exception))
        self.assertTrue(employment.indefinite_contract)
        self.assertEqual(workplace.date_first_hire, date(2026, 1, 15))
        # recorded as a hire without the centre's referral: not counted
        employment.with_user(self.specialist).write(
            {"referred": False, "indefinite_contract": False}
        )
        self.assertFalse(workplace.date_first_hire)
        self.assertFalse(workplace.retention_end)
