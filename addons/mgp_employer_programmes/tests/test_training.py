# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError

from odoo.addons.mgp_base.tests.common_documents import provide_documents

from .common import ProgrammesCommon


class TestTrainingReferral(ProgrammesCommon):
    def setUp(self):
        super().setUp()
        self.school = self.env["res.partner"].create(
            {"name": "ГАПОУ «Колледж»", "is_company": True}
        )

    def _referral(self, **vals):
        values = {
            "partner_id": self.person.id,
            "company_id": self.company.id,
            "ground": "no_qualification",
            "aim": "reserved_workplace",
            "profession_id": self.env.ref(
                "mgp_employer_programmes.training_profession_1"
            ).id,
            "ipra_recommends": True,
            "school_id": self.school.id,
            "school_license": "Л035-01234-40/00123456",
            "school_contract": "К-12",
            "stipend_amount": 2000,
            "condition_ids": [
                (6, 0, self.env.ref("mgp_employer_programmes.training_condition_2").ids)
            ],
        }
        values.update(vals)
        referral = (
            self.env["mgp.training.referral"].with_user(self.specialist).create(values)
        )
        # the IPRA extract is with the centre
        provide_documents(referral)
        return referral

    def test_through_the_states(self):
        referral = self._referral()
        with freeze_time("2026-06-30"):
            referral.action_refer(date(2026, 2, 2))
            referral.action_start(date(2026, 2, 9), date(2026, 5, 29))
            referral.write(
                {
                    "attendance_ids": [
                        (
                            0,
                            0,
                            {
                                "month": date(2026, 2, 1),
                                "days_planned": 14,
                                "days_attended": 12,
                                "days_incapacity": 2,
                            },
                        ),
                    ]
                }
            )
            referral.action_complete("УД-0001", date(2026, 5, 29))
            referral.action_refer_to_employer(self.employer, date(2026, 6, 1))
        self.assertEqual(referral.state, "employer_referral")
        self.assertEqual(referral.certificate_number, "УД-0001")
        self.assertEqual(referral.employer_id, self.employer)

    def test_referral_conditions(self):
        referral = self._referral(ipra_recommends=False)
        with self.assertRaisesRegex(UserError, "IPRA"):
            referral.action_refer()
        referral = self._referral(choice_difficult=True)
        with self.assertRaisesRegex(UserError, "guidance"):
            referral.action_refer()
        referral.guidance_date = date(2026, 1, 20)
        with freeze_time("2026-02-02"):
            referral.action_refer()
        referral = self._referral(other_locality=True)
        with self.assertRaisesRegex(UserError, "consent"):
            referral.action_refer()
        with self.assertRaises(ValidationError):
            self._referral(travel_amount=1500)

    def test_ipra_extract_blocks_the_referral(self):
        referral = self._referral()
        referral.mgp_document_line_ids._mgp_engine_write(
            {"received_date": False, "checked_by_id": False, "checked_date": False}
        )
        with self.assertRaisesRegex(UserError, "required documents are missing"):
            referral.action_refer()
        self.assertEqual(referral.state, "draft")

    def test_attendance_checked(self):
        referral = self._referral()
        with self.assertRaises(ValidationError):
            referral.write(
                {
                    "attendance_ids": [
                        (
                            0,
                            0,
                            {
                                "month": date(2026, 2, 1),
                                "days_planned": 10,
                                "days_attended": 11,
                            },
                        ),
                    ]
                }
            )

    def test_drop_out(self):
        referral = self._referral()
        with freeze_time("2026-02-10"):
            referral.action_refer()
            with self.assertRaises(UserError):
                referral.action_drop("")
            referral.action_drop("Переезд")
        self.assertEqual(referral.state, "dropped")
        with self.assertRaises(UserError):
            referral.write({"state": "training"})

    def test_employment_after_the_training(self):
        referral = self._referral()
        with self.assertRaisesRegex(UserError, "once, after the referral"):
            referral.action_record_employment(date(2026, 6, 1))
        with freeze_time("2026-06-20"):
            referral.action_refer(date(2026, 2, 2))
            referral.action_start(date(2026, 2, 9), date(2026, 5, 29))
            referral.action_complete("УД-0002", date(2026, 5, 29))
            referral.action_refer_to_employer(self.employer, date(2026, 6, 1))
            with self.assertRaisesRegex(UserError, "referral"):
                referral.action_record_employment(date(2026, 5, 31))
            # through the dialog of the form's button
            action = referral.with_context(
                mgp_dialog="training_employed"
            ).action_mgp_dialog()
            wizard = self.env[action["res_model"]].browse(action["res_id"])
            wizard.date = date(2026, 6, 15)
            wizard.action_confirm()
            with self.assertRaisesRegex(UserError, "once"):
                referral.action_record_employment(date(2026, 6, 16))
        self.assertEqual(referral.date_employed, date(2026, 6, 15))
        self.assertEqual(referral.state, "employer_referral")
        # the date is written by the action only
        with self.assertRaises(UserError):
            referral.write({"date_employed": date(2026, 6, 1)})
        with self.assertRaisesRegex(UserError, "Only the centre"):
            referral.with_user(self.rep).sudo(False).action_record_employment()
