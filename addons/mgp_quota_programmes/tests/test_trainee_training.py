# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import ValidationError

from odoo.addons.mgp_base.tests.common_documents import provide_documents
from odoo.addons.mgp_employer_programmes.tests.common import ProgrammesCommon


class TestTraineeTraining(ProgrammesCommon):
    """Seed 004:72–76: the trainee of a reservation contract is trained by
    the centre's training referral, then referred to the reserved
    workplace."""

    def setUp(self):
        super().setUp()
        profession = self.env.ref("mgp_employer_programmes.training_profession_1")
        self.training_vals = {
            "partner_id": self.person.id,
            "company_id": self.company.id,
            "ground": "no_qualification",
            "aim": "reserved_workplace",
            "profession_id": profession.id,
            "ipra_recommends": True,
            "school_id": self.env["res.partner"]
            .create({"name": "ГАПОУ «Колледж»", "is_company": True})
            .id,
            "school_license": "Л035-01234-40/00123456",
            "school_contract": "К-12",
        }
        self.training = self._training()
        # the IPRA extract is with the centre, checked (004:217)
        provide_documents(self.training, self.specialist)
        reservation = (
            self.env["mgp.quota.reservation"]
            .with_user(self.specialist)
            .create(
                {
                    "name": "ДР-7/2026",
                    "date": date(2026, 1, 10),
                    "employer_id": self.employer.id,
                    "company_id": self.company.id,
                }
            )
        )
        self.workplace = self.env["mgp.quota.workplace"].create(
            {
                "name": profession.name,
                "profession": profession.name,
                "employer_id": self.employer.id,
                "company_id": self.company.id,
                "reserved": True,
                "reservation_id": reservation.id,
            }
        )
        self.trainee = (
            self.env["mgp.quota.trainee"]
            .with_user(self.specialist)
            .create(
                {
                    "reservation_id": reservation.id,
                    "partner_id": self.person.id,
                    "profession": profession.name,
                    "workplace_id": self.workplace.id,
                    "training_referral_id": self.training.id,
                }
            )
        )

    def _training(self, **vals):
        return (
            self.env["mgp.training.referral"]
            .with_user(self.specialist)
            .create(dict(self.training_vals, **vals))
        )

    def test_trained_by_the_training_referral(self):
        with freeze_time("2026-06-30"):
            self.training.action_refer(date(2026, 2, 2))
            self.training.action_start(date(2026, 2, 9), date(2026, 5, 29))
            # not trained before the referral's training is completed
            with self.assertRaisesRegex(ValidationError, "not completed"):
                self.trainee.with_user(self.specialist).action_mark_trained()
            self.training.action_complete("УД-0007", date(2026, 5, 29))
            self.trainee.with_user(self.specialist).action_mark_trained()
        self.assertEqual(self.trainee.state, "trained")
        self.assertEqual(self.trainee.date_training_end, date(2026, 5, 29))
        referral = self.trainee.with_user(self.specialist).action_refer()
        self.assertEqual(referral.workplace_id, self.workplace)
        self.assertEqual(self.trainee.state, "referred")

    def test_training_referral_of_the_same_person(self):
        with self.assertRaisesRegex(ValidationError, "another person"):
            self.trainee.training_referral_id = self._training(
                partner_id=self.person_2.id
            )
