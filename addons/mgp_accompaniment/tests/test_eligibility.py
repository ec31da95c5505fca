# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import AccessError, UserError

from .common import AccompanimentCommon


class TestEligibility(AccompanimentCommon):
    """A case starts only for a disabled person: disability group or IPRA
    data on the person, or his disability data requested (seed 000)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.nobody = cls.env["res.partner"].create(
            {"name": "Без Сведений Иванович", "company_id": cls.company.id}
        )

    def _request(self, partner):
        return (
            self.env["mgp.mse.request"]
            .with_user(self.specialist)
            .create(
                {
                    "partner_id": partner.id,
                    "company_id": self.company.id,
                    "request_type": "disability",
                    "subject": "Сведения об инвалидности",
                    "date_info_received": date(2025, 10, 30),
                }
            )
        )

    def test_refused_without_disability_data(self):
        before = self.Case.search_count([])
        with self.assertRaises(UserError) as error:
            self._case(partner_id=self.nobody.id)
        self.assertIn(self.nobody.name, str(error.exception))
        self.assertIn("disabled person", str(error.exception))
        self.assertEqual(self.Case.search_count([]), before)
        # a request still in draft was not sent: refused too
        self._request(self.nobody)
        with self.assertRaises(UserError):
            self._case(partner_id=self.nobody.id)
        self.assertEqual(self.Case.search_count([]), before)

    def test_refusal_message_in_russian(self):
        with self.assertRaises(UserError) as error:
            self.Case.with_user(self.specialist).with_context(lang="ru_RU").create(
                {
                    "partner_id": self.nobody.id,
                    "company_id": self.company.id,
                    "plan_agreed_date": date(2025, 10, 31),
                }
            )
        self.assertIn("инвалид", str(error.exception))

    def test_accepted_on_group_ipra_or_request(self):
        case = self._case()  # the person has a disability group
        self.assertEqual(case.eligibility_basis, "group")
        self.nobody.write(
            {
                "mgp_ipra_number": "101.41.40/2025",
                "mgp_ipra_date": date(2025, 9, 1),
                "mgp_recommended_conditions": "Без ночных смен",
            }
        )
        case = self._case(partner_id=self.nobody.id)
        self.assertEqual(case.eligibility_basis, "ipra")
        self.assertFalse(case.eligibility_request_id)
        requested = self.env["res.partner"].create(
            {"name": "Запрошенный Пётр", "company_id": self.company.id}
        )
        request = self._request(requested)
        request.action_send(date(2025, 10, 31))
        case = self._case(partner_id=requested.id)
        self.assertEqual(case.eligibility_basis, "request")
        self.assertEqual(case.eligibility_request_id, request)
        # the basis is the engine's: no client changes it
        with self.assertRaises(UserError):
            case.with_user(self.specialist).write({"eligibility_basis": "group"})

    def test_request_answered_without_confirmation_refused(self):
        request = self._request(self.nobody)
        request.action_send(date(2025, 10, 31))
        request.action_register_reply(
            date(2025, 10, 31), disability_confirmed=False, note="Сведений нет"
        )
        with self.assertRaises(UserError):
            self._case(partner_id=self.nobody.id)
        confirmed = self.env["res.partner"].create(
            {"name": "Подтверждённый Олег", "company_id": self.company.id}
        )
        request = self._request(confirmed)
        request.action_send(date(2025, 10, 31))
        request.action_register_reply(date(2025, 10, 31), disability_confirmed=True)
        self.assertEqual(
            self._case(partner_id=confirmed.id).eligibility_basis, "request"
        )

    def test_case_shows_the_ipra_data(self):
        self.person.write(
            {
                "mgp_ipra_number": "777.1.40/2025",
                "mgp_ipra_date": date(2025, 6, 1),
                "mgp_ipra_date_end": date(2026, 6, 1),
                "mgp_recommended_conditions": "Рабочее место на первом этаже",
                "mgp_contraindicated_conditions": "Работа на высоте",
            }
        )
        case = self._case().with_user(self.specialist)
        values = case.read(
            [
                "eligibility_basis",
                "person_disability_group",
                "person_ipra_number",
                "person_ipra_date",
                "person_ipra_date_end",
                "person_recommended_conditions",
                "person_contraindicated_conditions",
            ]
        )[0]
        self.assertEqual(values["eligibility_basis"], "group")
        self.assertEqual(values["person_disability_group"], "2")
        self.assertEqual(values["person_ipra_number"], "777.1.40/2025")
        self.assertEqual(values["person_ipra_date"], date(2025, 6, 1))
        self.assertEqual(values["person_ipra_date_end"], date(2026, 6, 1))
        self.assertEqual(
            values["person_recommended_conditions"], "Рабочее место на первом этаже"
        )
        self.assertEqual(
            values["person_contraindicated_conditions"], "Работа на высоте"
        )
        # the form shows them
        arch = self.env.ref("mgp_accompaniment.mgp_accompaniment_view_form").arch
        self.assertIn('name="person_ipra_number"', arch)
        # a specialist of another centre reads neither the case nor the data
        with self.assertRaises(AccessError):
            case.with_user(self.specialist_other).read(["person_ipra_number"])

    def test_ipra_masked_without_need_to_know(self):
        self.person.write({"mgp_ipra_number": "888.1.40/2025"})
        case = self._case()
        # a manager of the centre may read the case and so the data
        self.assertEqual(
            case.with_user(self.manager).person_ipra_number, "888.1.40/2025"
        )
        # computed for a user whose need to know does not cover the person
        # (a specialist of another centre): masked
        self.assertEqual(case.partner_id, self.person)  # in the cache
        outsider = case.with_user(self.specialist_other)
        self.assertFalse(
            self.person.with_user(self.specialist_other)._mgp_person_data_allowed()
        )
        self.assertFalse(outsider.person_ipra_number)
        self.assertFalse(outsider.person_disability_group)
