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
