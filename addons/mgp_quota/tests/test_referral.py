# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.mgp_accompaniment.tests.common import AccompanimentCommon


@tagged("post_install", "-at_install")
class TestQuotaReferral(HttpCase, AccompanimentCommon):
    """Seed 004:56: a disabled job seeker referred from his service-1 case
    to a quota vacancy; the employer answers in the portal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.quota_employer = cls.env["res.partner"].create(
            {
                "name": "ООО «Квотодатель»",
                "is_company": True,
                "email": "hr@kvota.example.ru",
                "mgp_quota_company_id": cls.company.id,
            }
        )
        contact = cls.env["res.partner"].create(
            {"name": "Кадровик Вера", "parent_id": cls.quota_employer.id}
        )
        cls.rep = new_test_user(
            cls.env,
            login="mgp_quota_ref_rep",
            password="mgp_quota_ref_rep_pwd1",
            groups="base.group_portal",
            partner_id=contact.id,
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
        )
        cls.other_employer = cls.env["res.partner"].create(
            {"name": "ООО «Чужой»", "is_company": True}
        )
        other_contact = cls.env["res.partner"].create(
            {"name": "Кадровик Чужой", "parent_id": cls.other_employer.id}
        )
        cls.other_rep = new_test_user(
            cls.env,
            login="mgp_quota_ref_other",
            password="mgp_quota_ref_other_pwd1",
            groups="base.group_portal",
            partner_id=other_contact.id,
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
        )
        cls.hearing = cls.env.ref("mgp_base.impaired_function_02")
        cls.sight = cls.env.ref("mgp_base.impaired_function_01")
        cls.person.mgp_impaired_function_ids = cls.hearing
        cls.workplace = cls.env["mgp.quota.workplace"].create(
            {
                "name": "Оператор ЭВМ",
                "profession": "Оператор электронно-вычислительных машин",
                "employer_id": cls.quota_employer.id,
                "company_id": cls.company.id,
                "special": True,
                "impaired_function_ids": [(6, 0, cls.hearing.ids)],
                "hours_per_week": 35,
            }
        )

    def _referral(self, case=None, workplace=None):
        return (
            self.env["mgp.quota.referral"]
            .with_user(self.specialist)
            .create(
                {
                    "partner_id": self.person.id,
                    "accompaniment_id": case.id if case else False,
                    "workplace_id": (workplace or self.workplace).id,
                    "company_id": self.company.id,
                }
            )
        )

    def _post(self, url, data):
        page = self.url_open(url)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        return self.url_open(
            url, data=dict(data, csrf_token=token), allow_redirects=True
        )

    def test_referral_answered_in_the_portal_records_the_employment(self):
        case = self._active_case(date(2025, 11, 5), date(2025, 11, 10))
        referral = self._referral(case)
        with freeze_time("2026-01-12"):
            referral.with_user(self.specialist).action_send()
        self.assertEqual(referral.state, "sent")
        deadline = referral._mgp_deadline_get("quota_referral_answer")
        self.assertEqual(deadline.state, "open")
        self.assertTrue(deadline.external)
        # another employer cannot see it
        self.authenticate(self.other_rep.login, self.other_rep.login + "_pwd1")
        self.assertEqual(
            self.url_open(f"/my/quota/referral/{referral.id}").status_code, 404
        )
        self.authenticate(self.rep.login, self.rep.login + "_pwd1")
        page = self.url_open("/my/quota")
        self.assertIn(referral.name, page.text)
        self.assertIn(self.person.name, page.text)
        url = f"/my/quota/referral/{referral.id}"
        self.assertIn('for="contract_date"', self.url_open(url).text)
        # 40 hours a week refused for a group II worker (seed 004:125)
        with freeze_time("2026-01-14 10:00:00"):
            response = self._post(
                url,
                {
                    "answer": "hired",
                    "contract_date": "2026-01-13",
                    "hours_per_week": "40",
                },
            )
        self.assertIn("35", response.text)
        self.assertIn("o_mgp_error_summary", response.text)
        self.assertEqual(referral.state, "sent")
        self.authenticate(self.rep.login, self.rep.login + "_pwd1")
        with freeze_time("2026-01-14 10:00:00"):
            self._post(
                url,
                {
                    "answer": "hired",
                    "contract_date": "2026-01-13",
                    "hours_per_week": "35",
                },
            )
        self.assertEqual(referral.state, "hired")
        self.assertEqual(referral.contract_date, date(2026, 1, 13))
        self.assertEqual(deadline.state, "done")
        self.assertEqual(deadline.date_done, date(2026, 1, 14))
        self.assertEqual(self.workplace.state, "occupied")
        self.assertEqual(self.workplace.occupant_id, self.person)
        employment = referral.employment_id
        self.assertEqual(employment.hours_per_week, 35)
        self.assertEqual(employment.disability_group, "2")
        # the employment of the service-1 case, and service 2's offer
        self.assertEqual(case.state, "employed")
        self.assertEqual(case.employment_date, date(2026, 1, 13))
        self.assertEqual(case.employer_id, self.quota_employer)
        self.assertTrue(case.workplace_plan_ids)

    def test_portal_refuses_more_than_35_hours_for_groups_one_and_two(self):
        """Seed 004:125 «сокращенная продолжительность рабочего времени не
        более 35 часов в неделю»: the employer answering in the portal is
        refused 36 hours for a person of group I or II, what he typed is
        kept, nothing is recorded; 36 hours pass for group III."""
        for group in ("1", "2", "3"):
            person = self.env["res.partner"].create(
                {
                    "name": f"Инвалид группы {group}",
                    "mgp_disability_group": group,
                    "mgp_impaired_function_ids": [(6, 0, self.hearing.ids)],
                }
            )
            workplace = self.workplace.copy({"name": f"Оператор {group}"})
            referral = (
                self.env["mgp.quota.referral"]
                .with_user(self.specialist)
                .create(
                    {
                        "partner_id": person.id,
                        "workplace_id": workplace.id,
                        "company_id": self.company.id,
                    }
                )
            )
            with freeze_time("2026-01-12"):
                referral.with_user(self.specialist).action_send()
            self.authenticate(self.rep.login, self.rep.login + "_pwd1")
            url = f"/my/quota/referral/{referral.id}"
            with freeze_time("2026-01-14 10:00:00"):
                response = self._post(
                    url,
                    {
                        "answer": "hired",
                        "contract_date": "2026-01-13",
                        "hours_per_week": "36",
                        "consent_overtime": "1",
                        "not_contraindicated": "1",
                    },
                )
            self.assertEqual(response.status_code, 200)
            if group == "3":
                self.assertEqual(referral.state, "hired")
                self.assertEqual(referral.employment_id.hours_per_week, 36)
                continue
            text = response.text
            with self.subTest(group=group):
                self.assertIn("o_mgp_error_summary", text)
                self.assertIn("works at most 35 hours a week (36 given)", text)
                # what the employer typed is kept
                self.assertRegex(text, r'id="answer_hired" value="hired"\s+checked')
                self.assertRegex(text, r'id="contract_date"[^>]*value="2026-01-13"')
                self.assertRegex(text, r'id="hours_per_week"[^>]*value="36"')
                self.assertRegex(text, r'id="consent_overtime" value="1"\s+checked')
                self.assertRegex(text, r'id="not_contraindicated" value="1"\s+checked')
                self.assertNotRegex(text, r'id="consent_night" value="1"\s+checked')
                # nothing recorded: the referral waits, the vacancy is free
                self.assertEqual(referral.state, "sent")
                self.assertFalse(referral.employment_id)
                self.assertFalse(
                    self.env["mgp.quota.employment"].search(
                        [("partner_id", "=", person.id)]
                    )
                )
                self.assertEqual(workplace.state, "vacant")
                self.assertEqual(
                    referral._mgp_deadline_get("quota_referral_answer").state, "open"
                )

    def test_refusal_in_the_portal(self):
        referral = self._referral()
        with freeze_time("2026-01-12"):
            referral.with_user(self.specialist).action_send()
        self.authenticate(self.rep.login, self.rep.login + "_pwd1")
        url = f"/my/quota/referral/{referral.id}"
        with freeze_time("2026-01-13 10:00:00"):
            response = self._post(url, {"answer": "refused", "reason": ""})
            self.assertIn('href="#reason"', response.text)
            self._post(url, {"answer": "refused", "reason": "Вакансия закрыта"})
        self.assertEqual(referral.state, "refused")
        self.assertEqual(referral.refusal_reason, "Вакансия закрыта")
        self.assertEqual(self.workplace.state, "vacant")
        self.assertEqual(
            referral._mgp_deadline_get("quota_referral_answer").state, "done"
        )

    def test_vacancy_must_fit_the_ipra(self):
        self.person.mgp_impaired_function_ids = self.hearing | self.sight
        referral = self._referral()
        with freeze_time("2026-01-12"), self.assertRaisesRegex(UserError, "equipped"):
            referral.with_user(self.specialist).action_send()
        # an ordinary workplace is not checked against the functions
        ordinary = self.workplace.copy(
            {"special": False, "impaired_function_ids": False}
        )
        referral_2 = self._referral(workplace=ordinary)
        with freeze_time("2026-01-12"):
            referral_2.with_user(self.specialist).action_send()
        self.assertEqual(referral_2.state, "sent")

    def test_staff_register_a_paper_answer(self):
        referral = self._referral()
        with freeze_time("2026-01-12"):
            referral.with_user(self.specialist).action_send()
        with freeze_time("2026-01-13"):
            wizard = (
                self.env["mgp.quota.referral.answer.wizard"]
                .with_user(self.specialist)
                .create(
                    {
                        "referral_id": referral.id,
                        "answer": "hired",
                        "contract_date": date(2026, 1, 13),
                        "hours_per_week": 30,
                        "consent_night": True,
                        "not_contraindicated": True,
                    }
                )
            )
            wizard.action_confirm()
        self.assertEqual(referral.state, "hired")
        self.assertTrue(referral.employment_id.consent_night)
        with self.assertRaises(UserError):
            referral.with_user(self.specialist).action_register_refusal("x")

    def test_short_week_for_groups_one_and_two(self):
        Employment = self.env["mgp.quota.employment"]
        values = {
            "partner_id": self.person.id,
            "workplace_id": self.workplace.id,
            "company_id": self.company.id,
            "date_start": date(2026, 1, 13),
        }
        for group in ("1", "2"):
            with self.assertRaises(ValidationError):
                Employment.create(
                    dict(values, disability_group=group, hours_per_week=36)
                )
            with self.assertRaises(ValidationError):
                Employment.create(
                    dict(
                        values,
                        disability_group=group,
                        hours_per_week=35,
                        full_pay=False,
                    )
                )
        ok = Employment.create(dict(values, disability_group="2", hours_per_week=35))
        with self.assertRaises(ValidationError):
            ok.hours_per_week = 40
        group_3 = Employment.create(
            dict(values, disability_group="3", hours_per_week=40)
        )
        self.assertEqual(group_3.hours_per_week, 40)
        # overtime, weekend or night work: consent and not contraindicated
        with self.assertRaises(ValidationError):
            group_3.consent_overtime = True
        group_3.write({"consent_overtime": True, "not_contraindicated": True})
        # the group is the engine's, not the user's
        with self.assertRaises(UserError):
            ok.with_user(self.specialist).disability_group = "3"

    def test_reservation_and_trainee(self):
        reservation = (
            self.env["mgp.quota.reservation"]
            .with_user(self.specialist)
            .create(
                {
                    "name": "ДР-1/2026",
                    "date": date(2026, 1, 10),
                    "employer_id": self.quota_employer.id,
                    "company_id": self.company.id,
                }
            )
        )
        Trainee = self.env["mgp.quota.trainee"].with_user(self.specialist)
        values = {
            "reservation_id": reservation.id,
            "partner_id": self.person.id,
            "profession": "Оператор электронно-вычислительных машин",
            "workplace_id": self.workplace.id,
        }
        # seed 004:67: only a workplace the contract reserves
        with self.assertRaisesRegex(ValidationError, "not reserved by this contract"):
            Trainee.create(values)
        self.workplace.reservation_id = reservation
        self.workplace.reserved = True
        # seed 004:72: the profession agreed is the reserved workplace's
        with self.assertRaisesRegex(ValidationError, "reserved for the profession"):
            Trainee.create(dict(values, profession="Швея"))
        trainee = (
            self.env["mgp.quota.trainee"]
            .with_user(self.specialist)
            .create(
                {
                    "reservation_id": reservation.id,
                    "partner_id": self.person.id,
                    "profession": "оператор электронно-вычислительных машин ",
                    "date_training_referral": date(2026, 1, 15),
                    "workplace_id": self.workplace.id,
                }
            )
        )
        self.assertEqual(reservation.workplace_ids, self.workplace)
        self.assertEqual(trainee.state, "training")
        with self.assertRaises(UserError):
            trainee.action_refer()
        trainee.with_user(self.specialist).action_mark_trained(date(2026, 3, 1))
        self.assertEqual(trainee.state, "trained")
        self.assertEqual(trainee.date_training_end, date(2026, 3, 1))
        referral = trainee.with_user(self.specialist).action_refer()
        self.assertEqual(trainee.state, "referred")
        self.assertEqual(referral.workplace_id, self.workplace)
        with freeze_time("2026-03-02"):
            referral.with_user(self.specialist).action_send()
            referral.with_user(self.specialist).action_register_hire(date(2026, 3, 2))
        self.assertEqual(trainee.state, "hired")
        # seed 004:68: an indefinite labour contract on a reserved workplace
        employment = referral.employment_id
        self.assertTrue(employment.contract_indefinite)
        with self.assertRaisesRegex(ValidationError, "indefinite"):
            employment.with_user(self.specialist).contract_indefinite = False
        association = self.env["res.partner"].create(
            {
                "name": "ВОИ, местное отделение",
                "is_company": True,
                "mgp_quota_disabled_association": True,
            }
        )
        with self.assertRaises(UserError):
            self.env["mgp.quota.reservation"].create(
                {
                    "name": "ДР-2/2026",
                    "date": date(2026, 1, 10),
                    "employer_id": association.id,
                    "company_id": self.company.id,
                }
            )

    def test_workplace_taken_once_then_released(self):
        """A hire occupies the vacancy; a second referral to it is not hired
        while it is occupied; the worker leaving makes it vacant again."""
        first, second = self._referral(), self._referral()
        with freeze_time("2026-01-12"):
            (first | second).with_user(self.specialist).action_send()
        with freeze_time("2026-01-13"):
            first.with_user(self.specialist).action_register_hire(date(2026, 1, 13))
            self.assertEqual(self.workplace.state, "occupied")
            with self.assertRaises(UserError):
                second.with_user(self.specialist).action_register_hire(
                    date(2026, 1, 13)
                )
        self.assertEqual(second.state, "sent")
        self.assertFalse(second.employment_id)
        self.assertEqual(self.workplace.occupant_id, self.person)
        self.workplace.with_user(self.specialist).action_release()
        self.assertEqual(self.workplace.state, "vacant")
        self.assertFalse(self.workplace.occupant_id)
        self.assertEqual(first.employment_id.workplace_id, self.workplace)
        self.workplace.with_user(self.specialist).action_close()
        self.assertEqual(self.workplace.state, "closed")
        with self.assertRaises(UserError):
            self.workplace.with_user(self.specialist).write({"state": "vacant"})
