# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import namedtuple

from odoo.addons.mgp_ngo_registry.models.mgp_ngo_ranking import UNLIMITED_CAPACITY

from .common import NgoCommon

# what the ranking reads of a service's answer record
Answer = namedtuple("Answer", "answer")


class TestNgoRanking(NgoCommon):
    """The NGOs of the registry ranked for the activities a person needs."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.needed = cls.activities[:2]
        cls.person = cls.Partner.create(
            {"name": "Ранжируемый Иван", "state_id": cls.state.id, "city": "Калуга"}
        )
        other_state = cls.env.ref("base.state_ru_mos")
        cls.fits = cls._ngo("АНО «Подходит»", cls.needed, capacity=3)
        cls.town = cls._ngo(
            "АНО «В городе»", cls.needed, capacity=3, territory="г. Калуга"
        )
        cls.partial = cls._ngo("АНО «Частично»", cls.activities[:1], capacity=3)
        cls.far = cls._ngo("АНО «Далеко»", cls.needed, capacity=3, state=other_state)
        cls.untrained = cls._ngo("АНО «Без персонала»", cls.needed, staff=False)
        cls.unlimited = cls._ngo("АНО «Без лимита»", cls.needed, capacity=0)
        cls.ngos = (
            cls.fits | cls.town | cls.partial | cls.far | cls.untrained | cls.unlimited
        )

    @classmethod
    def _ngo(cls, name, activities, capacity=2, state=None, staff=True, **vals):
        values = {
            "name": name,
            "is_company": True,
            "mgp_ngo_state": "included",
            "mgp_ngo_activity_ids": [(6, 0, activities.ids)],
            "mgp_ngo_capacity": capacity,
            "mgp_ngo_territory_state_ids": [(6, 0, (state or cls.state).ids)],
            "mgp_ngo_territory": vals.pop("territory", False),
        }
        if staff:
            values["mgp_ngo_staff_ids"] = [
                (0, 0, {"name": f"Сотрудник {name}", "activity_ids": activities.ids})
            ]
        values.update(vals)
        return cls.Partner.create(values)

    def _rank(self, **kwargs):
        return self.env["mgp.ngo.ranking"]._mgp_rank(
            self.needed, self.person, ngos=self.ngos, **kwargs
        )

    def test_ranking_order_and_criteria(self):
        ranked = self._rank()
        data = {item["partner"]: item for item in ranked}
        # the town named among the municipalities comes first among the
        # NGOs that fit; the unlimited one has the most free capacity
        self.assertEqual(
            [item["partner"] for item in ranked[:3]],
            [self.town, self.unlimited, self.fits],
        )
        for ngo in (self.town, self.fits, self.unlimited):
            self.assertTrue(data[ngo]["fits"], ngo.name)
        self.assertTrue(data[self.town]["town_match"])
        self.assertEqual(data[self.unlimited]["free_capacity"], UNLIMITED_CAPACITY)
        # each other NGO misses one criterion
        self.assertFalse(data[self.partial]["fits"])
        self.assertEqual(
            (data[self.partial]["coverage"], data[self.partial]["total"]), (1, 2)
        )
        self.assertFalse(data[self.far]["fits"])
        self.assertIs(data[self.far]["serves_region"], False)
        self.assertFalse(data[self.untrained]["fits"])
        self.assertEqual(data[self.untrained]["untrained"], self.needed)

    def test_load_and_refusal(self):
        # the NGO's cases fill its capacity; a refusal goes last
        ranked = self._rank(
            load=lambda ngos: {self.fits: 3},
            answers={self.town: Answer("refusal"), self.unlimited: Answer("consent")},
        )
        data = {item["partner"]: item for item in ranked}
        self.assertEqual(data[self.fits]["free_capacity"], 0)
        self.assertFalse(data[self.fits]["fits"])
        self.assertEqual(data[self.town]["answer"], "refusal")
        self.assertFalse(data[self.town]["fits"])
        self.assertEqual(ranked[-1]["partner"], self.town)
        self.assertEqual(ranked[0]["partner"], self.unlimited)
        self.assertEqual(ranked[0]["answer"], "consent")
        self.assertEqual(
            [item["partner"] for item in ranked if item["fits"]], [self.unlimited]
        )

    def test_unknown_region_fits_nothing(self):
        self.person.state_id = False
        ranked = self._rank()
        self.assertFalse(any(item["fits"] for item in ranked))
        self.assertTrue(all(item["serves_region"] is None for item in ranked))

    def test_included_ngos_by_default(self):
        excluded = self._ngo("АНО «Исключена»", self.needed, mgp_ngo_state="excluded")
        ranked = self.env["mgp.ngo.ranking"]._mgp_rank(self.needed, self.person)
        partners = [item["partner"] for item in ranked]
        self.assertNotIn(excluded, partners)
        self.assertIn(self.fits, partners)

    def test_accessibility_and_forms_of_assistance(self):
        """Two NGOs differing only in their premises and forms rank in the
        order of what the person's impaired functions need."""
        function = self.env["mgp.impaired.function"].create({"name": "Зрение (тест)"})
        tactile = self.env["mgp.ngo.accessibility"].create(
            {
                "name": "Тактильные указатели (тест)",
                "code": "test_tactile",
                "impaired_function_ids": [(6, 0, function.ids)],
            }
        )
        home = self.env["mgp.ngo.help.form"].create(
            {
                "name": "На дому (тест)",
                "code": "test_home",
                "impaired_function_ids": [(6, 0, function.ids)],
            }
        )
        self.person.mgp_impaired_function_ids = [(6, 0, function.ids)]
        lacking = self._ngo("АНО «Без указателей»", self.needed, capacity=3)
        equipped = self._ngo(
            "АНО «С указателями»",
            self.needed,
            capacity=3,
            mgp_ngo_accessibility_ids=[(6, 0, tactile.ids)],
            mgp_ngo_help_form_ids=[(6, 0, home.ids)],
        )
        ranked = self.env["mgp.ngo.ranking"]._mgp_rank(
            self.needed, self.person, ngos=lacking | equipped
        )
        self.assertEqual([item["partner"] for item in ranked], [equipped, lacking])
        self.assertTrue(ranked[0]["fits"])
        self.assertEqual(ranked[0]["suited_forms"], home)
        self.assertFalse(ranked[1]["fits"])
        self.assertEqual(ranked[1]["missing_accessibility"], tactile)
        self.assertEqual(ranked[1]["unserved_functions"], function)

    def test_schedule_and_forms_the_case_asks_for(self):
        """The order of assistance (seed 000: «по … порядку и условиям
        оказания»): an NGO working only when the person cannot be assisted,
        or declaring no periods, or offering none of the forms he can
        receive, ranks after the one that serves him."""
        Slot = self.env["mgp.ngo.schedule.slot"]
        morning = Slot.create(
            {
                "name": "Будни, утро (тест)",
                "code": "test_morning",
                "day_type": "workday",
                "hour_from": 9,
                "hour_to": 13,
            }
        )
        evening = Slot.create(
            {
                "name": "Будни, вечер (тест)",
                "code": "test_evening",
                "day_type": "workday",
                "hour_from": 18,
                "hour_to": 21,
            }
        )
        home = self.env["mgp.ngo.help.form"].create(
            {"name": "На дому (тест)", "code": "test_home_visit"}
        )
        remote = self.env["mgp.ngo.help.form"].create(
            {"name": "Дистанционно (тест)", "code": "test_remote"}
        )
        both = (morning | evening).ids
        evenings = self._ngo(
            "АНО «Вечером»",
            self.needed,
            capacity=3,
            mgp_ngo_schedule_slot_ids=[(6, 0, both)],
            mgp_ngo_help_form_ids=[(6, 0, home.ids)],
        )
        mornings = self._ngo(
            "АНО «Только утром»",
            self.needed,
            capacity=9,
            mgp_ngo_schedule_slot_ids=[(6, 0, morning.ids)],
            mgp_ngo_help_form_ids=[(6, 0, home.ids)],
        )
        undeclared = self._ngo(
            "АНО «Без периодов»",
            self.needed,
            capacity=9,
            mgp_ngo_help_form_ids=[(6, 0, home.ids)],
        )
        remote_only = self._ngo(
            "АНО «Только дистанционно»",
            self.needed,
            capacity=9,
            mgp_ngo_schedule_slot_ids=[(6, 0, both)],
            mgp_ngo_help_form_ids=[(6, 0, remote.ids)],
        )
        ngos = evenings | mornings | undeclared | remote_only
        # nothing asked: the four fit, a declared schedule first, then the
        # most free capacity
        ranked = self.env["mgp.ngo.ranking"]._mgp_rank(
            self.needed, self.person, ngos=ngos
        )
        self.assertTrue(all(item["fits"] for item in ranked))
        self.assertEqual(
            [item["partner"] for item in ranked[2:]], [evenings, undeclared]
        )
        # the person can be assisted only in the evening, at home
        ranked = self.env["mgp.ngo.ranking"]._mgp_rank(
            self.needed,
            self.person,
            ngos=ngos,
            conditions={"slots": evening, "forms": home},
        )
        data = {item["partner"]: item for item in ranked}
        self.assertEqual(ranked[0]["partner"], evenings)
        self.assertEqual(
            [item["partner"] for item in ranked if item["fits"]], [evenings]
        )
        self.assertIs(data[evenings]["schedule_match"], True)
        self.assertEqual(data[evenings]["common_slots"], evening)
        self.assertIs(data[mornings]["schedule_match"], False)
        self.assertFalse(data[mornings]["common_slots"])
        self.assertIsNone(data[undeclared]["schedule_match"])
        self.assertFalse(data[undeclared]["fits"])
        self.assertEqual(data[remote_only]["unmet_forms"], home)
        self.assertFalse(data[remote_only]["fits"])
        # a matching schedule ranks before an undeclared one, before a
        # schedule that does not match
        order = [item["partner"] for item in ranked]
        self.assertLess(order.index(undeclared), order.index(mornings))
