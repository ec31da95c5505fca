# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.addons.mgp_base.tests.common_consent import give_consent

from .common import AccompanimentCommon


class TestNgoConditions(AccompanimentCommon):
    """Seed 000: the NGO is chosen «по видам услуг, порядку и условиям
    оказания» — the accessibility of its premises and its forms of
    assistance are matched against the impaired functions of the person's
    ИПРА, and the wizard says why."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.movement = cls.env["mgp.impaired.function"].create(
            {"name": "Нарушения статодинамических функций (тест)"}
        )
        cls.speech = cls.env["mgp.impaired.function"].create(
            {"name": "Нарушения речевых функций (тест)"}
        )
        cls.ramp = cls.env["mgp.ngo.accessibility"].create(
            {
                "name": "Пандус (тест)",
                "code": "test_ramp",
                "impaired_function_ids": [(6, 0, cls.movement.ids)],
            }
        )
        cls.visit = cls.env["mgp.ngo.help.form"].create(
            {
                "name": "Очно (тест)",
                "code": "test_visit",
                "impaired_function_ids": [(6, 0, cls.speech.ids)],
            }
        )
        cls.phone = cls.env["mgp.ngo.help.form"].create(
            {"name": "По телефону (тест)", "code": "test_phone"}
        )
        cls.person_ipra = cls.env["res.partner"].create(
            {
                "name": "Условиев Пётр Петрович",
                "company_id": cls.company.id,
                "state_id": cls.state.id,
                "mgp_disability_group": "2",
                "mgp_impaired_function_ids": [(6, 0, (cls.movement | cls.speech).ids)],
            }
        )
        give_consent(cls.person_ipra)
        cls.needed = cls.activities[:2]
        # the two NGOs differ only in their premises and forms of assistance
        cls.ngo_open = cls._conditions_ngo(
            "АНО «Доступная среда»", cls.ramp, cls.visit | cls.phone
        )
        cls.ngo_closed = cls._conditions_ngo(
            "АНО «Второй этаж»", cls.ramp.browse(), cls.phone
        )

    @classmethod
    def _conditions_ngo(cls, name, accessibility, forms):
        ngo = cls._new_ngo(name, cls.needed, 5)
        ngo.write(
            {
                "mgp_ngo_territory_state_ids": [(6, 0, cls.state.ids)],
                "mgp_ngo_schedule": "Пн–Пт 9:00–18:00",
                "mgp_ngo_accessibility_ids": [(6, 0, accessibility.ids)],
                "mgp_ngo_help_form_ids": [(6, 0, forms.ids)],
                "mgp_ngo_staff_ids": [
                    (
                        0,
                        0,
                        {"name": f"Сотрудник {name}", "activity_ids": cls.needed.ids},
                    )
                ],
            }
        )
        return ngo

    def _case_ipra(self):
        case = self._case(
            date(2025, 11, 5), activities=self.needed, partner_id=self.person_ipra.id
        )
        case.action_decide_need(True, date(2025, 11, 5))
        return case

    def test_accessible_ngo_ranks_first_with_reasons(self):
        case = self._case_ipra()
        data = case.with_user(self.specialist)._get_ngo_candidates_data()
        ranked = [
            item
            for item in data
            if item["partner"] in (self.ngo_open | self.ngo_closed)
        ]
        self.assertEqual(
            [item["partner"] for item in ranked], [self.ngo_open, self.ngo_closed]
        )
        good, bad = ranked
        self.assertTrue(good["fits"])
        self.assertFalse(bad["fits"])
        self.assertEqual(bad["missing_accessibility"], self.ramp)
        self.assertEqual(bad["unserved_functions"], self.speech)
        self.assertIn("premises accessible for the person", good["reasons"])
        self.assertIn("suited forms of assistance: Очно (тест)", good["reasons"])
        self.assertIn("schedule: Пн–Пт 9:00–18:00", good["reasons"])
        self.assertIn(
            "premises lack what the person needs: Пандус (тест)", bad["reasons"]
        )
        self.assertIn(
            "no form of assistance suited to: Нарушения речевых функций (тест)",
            bad["reasons"],
        )
        # in Russian, in the assignment wizard's candidate list
        wizard = (
            self.env["mgp.accompaniment.assign.wizard"]
            .with_user(self.specialist)
            .with_context(lang="ru_RU")
            .create({"accompaniment_id": case.id})
        )
        rows = {row.partner_id: row for row in wizard.candidate_ids}
        self.assertLess(rows[self.ngo_open].rank, rows[self.ngo_closed].rank)
        self.assertIn(
            "в помещении нет нужного гражданину: Пандус (тест)",
            rows[self.ngo_closed].reasons,
        )
        self.assertIn("график: Пн–Пт 9:00–18:00", rows[self.ngo_open].reasons)

    def test_person_without_impaired_functions_needs_nothing(self):
        self.person_ipra.mgp_impaired_function_ids = [(5, 0, 0)]
        case = self._case_ipra()
        by_ngo = {
            item["partner"]: item
            for item in case.with_user(self.specialist)._get_ngo_candidates_data()
        }
        self.assertTrue(by_ngo[self.ngo_closed]["fits"])
        self.assertFalse(by_ngo[self.ngo_closed]["missing_accessibility"])

    def test_schedule_the_person_can_be_assisted_in(self):
        """The order of assistance (seed 000: «по … порядку и условиям
        оказания»): the case says when and how the person can be assisted,
        an NGO working only at other times ranks lower and says why."""
        Slot = self.env["mgp.ngo.schedule.slot"]
        morning = Slot.create(
            {
                "name": "Будни, утро (тест)",
                "code": "test_case_morning",
                "day_type": "workday",
                "hour_from": 9,
                "hour_to": 13,
            }
        )
        saturday = Slot.create(
            {
                "name": "Суббота (тест)",
                "code": "test_case_saturday",
                "day_type": "saturday",
                "hour_from": 10,
                "hour_to": 16,
            }
        )
        self.ngo_open.mgp_ngo_schedule_slot_ids = morning
        self.ngo_closed.write(
            {
                "mgp_ngo_schedule_slot_ids": [(6, 0, saturday.ids)],
                # the premises and forms the person needs: only the schedule
                # differs
                "mgp_ngo_accessibility_ids": [(6, 0, self.ramp.ids)],
                "mgp_ngo_help_form_ids": [(6, 0, (self.visit | self.phone).ids)],
            }
        )
        case = self._case_ipra()
        pair = self.ngo_open | self.ngo_closed

        def ranked():
            return [
                item
                for item in case.with_user(self.specialist)._get_ngo_candidates_data()
                if item["partner"] in pair
            ]

        # nothing asked: both fit
        self.assertTrue(all(item["fits"] for item in ranked()))
        # the person works on weekdays: he can be assisted on Saturday only
        case.with_user(self.specialist).assist_slot_ids = saturday
        first, second = ranked()
        self.assertEqual(
            (first["partner"], second["partner"]), (self.ngo_closed, self.ngo_open)
        )
        self.assertTrue(first["fits"])
        self.assertFalse(second["fits"])
        self.assertIn(
            "works when the person can be assisted: Суббота (тест)", first["reasons"]
        )
        self.assertIn(
            "does not work when the person can be assisted (Суббота (тест)), "
            "only: Будни, утро (тест)",
            second["reasons"],
        )
        # and only by phone: both offer it
        case.with_user(self.specialist).assist_help_form_ids = self.phone
        self.assertTrue(ranked()[0]["fits"])
        # at home: neither does
        home = self.env["mgp.ngo.help.form"].create(
            {"name": "На дому (тест)", "code": "test_case_home"}
        )
        case.with_user(self.specialist).assist_help_form_ids = home
        for item in ranked():
            self.assertFalse(item["fits"])
            self.assertIn(
                "offers none of the forms the person can receive: На дому (тест)",
                item["reasons"],
            )
        # shown in Russian in the assignment wizard
        case.with_user(self.specialist).assist_help_form_ids = False
        wizard = (
            self.env["mgp.accompaniment.assign.wizard"]
            .with_user(self.specialist)
            .with_context(lang="ru_RU")
            .create({"accompaniment_id": case.id})
        )
        rows = {row.partner_id: row for row in wizard.candidate_ids}
        self.assertLess(rows[self.ngo_closed].rank, rows[self.ngo_open].rank)
        self.assertIn(
            "не работает, когда гражданину может быть оказана помощь",
            rows[self.ngo_open].reasons,
        )
