# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import UserError

from odoo.addons.mgp_base.tests.common_consent import give_consent

from .common import AccompanimentCommon


class TestNgoSelection(AccompanimentCommon):
    """Seed 000: the NGO «подходящей по видам услуг, порядку и условиям …,
    наличию подготовленного персонала», its consent or refusal to contract,
    and an NGO added to the registry while the service runs."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.act_4 = cls.activities[3]
        cls.needed = cls.activities[:4]
        cls.person_klu = cls.env["res.partner"].create(
            {
                "name": "Калужский Иван Иванович",
                "company_id": cls.company.id,
                "city": "Калуга",
                "state_id": cls.state.id,
                "mgp_disability_group": "3",
            }
        )
        give_consent(cls.person_klu)
        other_region = cls.env.ref("base.state_ru_mow")
        cls.ngo_full = cls._ngo(
            "АНО «Полный охват»",
            cls.needed,
            capacity=5,
            regions=cls.state,
            territory="г. Калуга, Ферзиковский район",
        )
        cls.ngo_far = cls._ngo(
            "АНО «Далёкая»", cls.needed, capacity=5, regions=other_region
        )
        cls.ngo_busy = cls._ngo(
            "АНО «Занятая»", cls.needed, capacity=1, regions=cls.state
        )
        cls.ngo_untrained = cls._ngo(
            "АНО «Без обученных»",
            cls.needed,
            capacity=0,
            regions=cls.state,
            trained=cls.act_1,
        )
        cls.ngo_partial = cls._ngo(
            "АНО «Частичная»", cls.activities[:3], capacity=5, regions=cls.state
        )
        cls.mine = (
            cls.ngo_full
            | cls.ngo_far
            | cls.ngo_busy
            | cls.ngo_untrained
            | cls.ngo_partial
        )

    @classmethod
    def _ngo(cls, name, activities, capacity, regions, territory=None, trained=None):
        ngo = cls._new_ngo(name, activities, capacity)
        ngo.write(
            {
                "mgp_ngo_territory_state_ids": [(6, 0, regions.ids)],
                "mgp_ngo_territory": territory or False,
                "mgp_ngo_staff_ids": [
                    (
                        0,
                        0,
                        {
                            "name": f"Сотрудник {name}",
                            "activity_ids": [
                                (6, 0, (trained or activities).ids),
                            ],
                        },
                    )
                ],
            }
        )
        return ngo

    def _klu_case(self, activities=None):
        case = self._case(
            date(2025, 11, 5),
            activities=self.needed if activities is None else activities,
            partner_id=self.person_klu.id,
        )
        case.action_decide_need(True, date(2025, 11, 5))
        return case

    def _occupy(self, ngo):
        """A case of another person in assignment with ``ngo``: its load."""
        busy = self._klu_case(activities=self.act_1)
        busy.action_record_ngo_consent(ngo, date(2025, 11, 6))
        busy.action_assign_ngo(ngo, self._new_contract(ngo, "Д-З"), None)
        return busy

    def _wizard(self, case, **vals):
        return (
            self.env["mgp.accompaniment.assign.wizard"]
            .with_user(self.specialist)
            .create(dict({"accompaniment_id": case.id}, **vals))
        )

    def _ranked(self, case):
        data = case.with_user(self.specialist)._get_ngo_candidates_data()
        return [item for item in data if item["partner"] in self.mine]

    # ------------------------------------------------------------------
    # Ranking and reasons
    # ------------------------------------------------------------------
    def test_ranking_on_coverage_territory_capacity_staff(self):
        self._occupy(self.ngo_busy)
        case = self._klu_case()
        ranked = self._ranked(case)
        self.assertEqual(
            [item["partner"] for item in ranked],
            [
                self.ngo_full,  # fits on every criterion
                self.ngo_untrained,  # all activities, region, no trained staff
                self.ngo_far,  # all activities, another region
                self.ngo_partial,  # 3 of 4 activities
                self.ngo_busy,  # no free capacity
            ],
        )
        by_ngo = {item["partner"]: item for item in ranked}
        full = by_ngo[self.ngo_full]
        self.assertTrue(full["fits"])
        self.assertIs(full["serves_region"], True)
        self.assertTrue(full["town_match"])
        self.assertEqual(full["free_capacity"], 5)
        self.assertFalse(full["untrained"])
        self.assertEqual(
            [item["partner"] for item in ranked if item["fits"]], [self.ngo_full]
        )
        self.assertIs(by_ngo[self.ngo_far]["serves_region"], False)
        self.assertEqual(by_ngo[self.ngo_busy]["free_capacity"], 0)
        self.assertEqual(by_ngo[self.ngo_untrained]["untrained"], self.needed[1:])
        self.assertEqual(by_ngo[self.ngo_partial]["coverage"], 3)
        self.assertEqual(by_ngo[self.ngo_partial]["total"], 4)

    def test_reasons_shown_in_english_and_russian(self):
        self._occupy(self.ngo_busy)
        case = self._klu_case()
        reasons = {item["partner"]: item["reasons"] for item in self._ranked(case)}
        self.assertIn("covers 4 of 4 activities", reasons[self.ngo_full])
        self.assertIn("serves the person's region", reasons[self.ngo_full])
        self.assertIn("works in Калуга", reasons[self.ngo_full])
        self.assertIn("free capacity: 5", reasons[self.ngo_full])
        self.assertIn("covers 3 of 4 activities", reasons[self.ngo_partial])
        self.assertIn("does not serve the person's region", reasons[self.ngo_far])
        self.assertIn("no free capacity", reasons[self.ngo_busy])
        self.assertIn("no capacity limit", reasons[self.ngo_untrained])
        self.assertIn(
            "no trained staff for: "
            + ", ".join(self.needed[1:].with_context(lang="en_US").mapped("name")),
            reasons[self.ngo_untrained],
        )
        # the staff reads them in Russian
        case_ru = case.with_context(lang="ru_RU")
        reasons_ru = {
            item["partner"]: item["reasons"]
            for item in case_ru.with_user(self.specialist)._get_ngo_candidates_data()
        }
        self.assertIn("охватывает 4 из 4 мероприятий", reasons_ru[self.ngo_full])
        self.assertIn("обслуживает регион гражданина", reasons_ru[self.ngo_full])
        self.assertIn("нет свободных мест", reasons_ru[self.ngo_busy])
        self.assertIn("нет обученного персонала для:", reasons_ru[self.ngo_untrained])
        self.assertIn("охватывает 3 из 4 мероприятий", reasons_ru[self.ngo_partial])
        # the wizard's candidate list shows them
        wizard = self._wizard(case)
        rows = {row.partner_id: row for row in wizard.candidate_ids}
        self.assertTrue(rows[self.ngo_full].fits)
        self.assertFalse(rows[self.ngo_far].fits)
        self.assertIn("no free capacity", rows[self.ngo_busy].reasons)
        self.assertEqual(rows[self.ngo_partial].coverage, 3)
        self.assertEqual(rows[self.ngo_partial].coverage_total, 4)
        self.assertLess(rows[self.ngo_full].rank, rows[self.ngo_busy].rank)

    def test_unknown_territory_does_not_fit(self):
        case = self._case(date(2025, 11, 5), activities=self.needed)  # no region
        case.action_decide_need(True, date(2025, 11, 5))
        item = next(
            item
            for item in case._get_ngo_candidates_data()
            if item["partner"] == self.ngo_full
        )
        self.assertIsNone(item["serves_region"])
        self.assertFalse(item["fits"])
        self.assertIn(
            "territory not checked: the person's address has no region",
            item["reasons"],
        )
        # nothing fits verified: a ground for an employee
        self.assertTrue(case._mgp_employee_grounds())

    def test_ranking_is_set_based(self):
        case = self._klu_case()

        def queries():
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            data = case.with_user(self.specialist)._get_ngo_candidates_data()
            return self.env.cr.sql_log_count - before, len(data)

        queries()  # warm the registry's caches (rules, translations)
        count, listed = queries()
        # five more NGOs with their staff: not one query more
        for index in range(5):
            self._ngo(f"АНО «Ещё {index}»", self.needed, 3, self.state)
        self.assertEqual(queries(), (count, listed + 5))

    # ------------------------------------------------------------------
    # Consent and refusal
    # ------------------------------------------------------------------
    def test_no_contract_without_consent(self):
        case = self._klu_case()
        contract = self._new_contract(self.ngo_full, "Д-С")
        with self.assertRaises(UserError):
            case.action_assign_ngo(self.ngo_full, contract)
        wizard = self._wizard(
            case,
            ngo_id=self.ngo_full.id,
            contract_mode="existing",
            contract_id=contract.id,
            contract_date=date(2025, 11, 6),
        )
        self.assertFalse(wizard.ngo_answer)
        with self.assertRaises(UserError):
            wizard.action_confirm()
        self.assertFalse(case.ngo_id)
        self.assertFalse(case.line_ids.ngo_id)
        # the answer is the case's action: no client writes it
        with self.assertRaises(UserError):
            self.env["mgp.accompaniment.ngo.answer"].with_user(self.specialist).create(
                {
                    "accompaniment_id": case.id,
                    "partner_id": self.ngo_full.id,
                    "answer": "consent",
                    "date": date(2025, 11, 6),
                }
            )
        self.assertFalse(case.ngo_answer_ids)

    def test_consent_recorded_then_contract(self):
        case = self._klu_case()
        wizard = self._wizard(case)
        row = wizard.candidate_ids.filtered(lambda r: r.partner_id == self.ngo_full)
        row.action_select()
        self.assertEqual(wizard.ngo_id, self.ngo_full)
        wizard.answer_date = date(2025, 11, 6)
        wizard.action_record_consent()
        answer = case.ngo_answer_ids
        self.assertEqual(answer.partner_id, self.ngo_full)
        self.assertEqual(answer.answer, "consent")
        self.assertEqual(answer.date, date(2025, 11, 6))
        self.assertEqual(answer.user_id, self.specialist)
        self.assertEqual(wizard.ngo_answer, "consent")
        self.assertIn(
            "consented on",
            case.message_ids[:1].body,
        )
        wizard.write(
            {
                "contract_mode": "new",
                "contract_number": "Д-100",
                "contract_date": date(2025, 11, 6),
            }
        )
        wizard.action_confirm()
        self.assertEqual(case.ngo_id, self.ngo_full)
        self.assertEqual(case.ngo_contract_id.number, "Д-100")
        self.assertEqual(case.assignment_done_date, date(2025, 11, 6))
        # a consent before the need decision is refused
        other = self._klu_case()
        with self.assertRaises(UserError):
            other.action_record_ngo_consent(self.ngo_full, date(2025, 11, 4))

    def test_refusal_allows_an_employee(self):
        case = self._klu_case()
        # NGO «Полный охват» fits: no ground yet for an employee alone
        wizard = self._wizard(
            case, responsible_user_id=self.specialist_2.id, order_date=date(2025, 11, 6)
        )
        self.assertFalse(wizard.employee_grounds)
        with self.assertRaises(UserError):
            wizard.action_confirm()
        self.assertFalse(case.responsible_user_id)
        # a refusal needs its reason
        wizard.ngo_id = self.ngo_full
        with self.assertRaises(UserError):
            wizard.action_record_refusal()
        wizard.write(
            {
                "refusal_reason": "Нет свободных специалистов в ноябре",
                "answer_date": date(2025, 11, 6),
            }
        )
        wizard.action_record_refusal()
        answer = case.ngo_answer_ids
        self.assertEqual(answer.answer, "refusal")
        self.assertEqual(answer.reason, "Нет свободных специалистов в ноябре")
        self.assertFalse(wizard.ngo_id)
        self.assertIn("refused", case.message_ids[:1].body)
        # the refused NGO is marked and goes last, and cannot be selected
        row = wizard.candidate_ids.filtered(lambda r: r.partner_id == self.ngo_full)
        self.assertEqual(row.answer, "refusal")
        self.assertFalse(row.fits)
        self.assertIn("refused the contract on", row.reasons)
        self.assertEqual(
            wizard.candidate_ids.sorted("rank")[-1:].partner_id, self.ngo_full
        )
        with self.assertRaises(UserError):
            row.action_select()
        with self.assertRaises(UserError):
            case.action_assign_ngo(self.ngo_full, self._new_contract(self.ngo_full))
        # the refusal is the ground: the employee is appointed by an order
        wizard.invalidate_recordset(["employee_grounds"])
        self.assertIn("refused the contract", wizard.employee_grounds)
        wizard.action_confirm()
        self.assertEqual(case.responsible_user_id, self.specialist_2)
        self.assertEqual(case.order_state, "draft")

    def test_ngo_first_held_by_the_action(self):
        """Seed 000, variant Б, over the model as a specialist (no wizard):
        an employee is appointed only when no NGO fits or the NGO refuses."""
        case = self._klu_case().with_user(self.specialist)
        fitting = [
            item["partner"] for item in case._get_ngo_candidates_data() if item["fits"]
        ]
        self.assertIn(self.ngo_full, fitting)
        messages = len(case.message_ids)
        with self.assertRaises(UserError) as error:
            case.action_assign_employee(self.specialist_2, date(2025, 11, 6))
        # the best NGO that fits is named
        self.assertIn(fitting[0].name, str(error.exception))
        self.assertFalse(case.responsible_user_id)
        self.assertFalse(case.order_state)
        self.assertEqual(len(case.message_ids), messages)
        # the NGO refuses: the employee is appointed by an order
        case.action_record_ngo_refusal(fitting[0], "Нет мест", date(2025, 11, 6))
        case.action_assign_employee(self.specialist_2, date(2025, 11, 6))
        self.assertEqual(case.responsible_user_id, self.specialist_2)
        self.assertEqual(case.order_state, "draft")

    def test_employee_for_the_part_the_ngo_does_not_perform(self):
        """An NGO performing only part of the activities is a ground for an
        employee (the action, as a specialist)."""
        case = self._klu_case().with_user(self.specialist)
        case.action_record_ngo_consent(self.ngo_partial, date(2025, 11, 6))
        case.action_assign_ngo(
            self.ngo_partial, self._new_contract(self.ngo_partial, "Д-Ч"), None
        )
        case.action_assign_employee(self.specialist_2, date(2025, 11, 6))
        self.assertEqual(case.responsible_user_id, self.specialist_2)
        self.assertEqual(
            case.line_ids.filtered(lambda line: line.performer == "centre").user_id,
            self.specialist_2,
        )

    def test_partial_ngo_is_a_ground_for_an_employee(self):
        case = self._klu_case(activities=self.activities[:3])
        case.action_record_ngo_consent(self.ngo_partial, date(2025, 11, 6))
        # NGOs of the registry fit activities 1-3 entirely: no ground alone
        self.assertFalse(case._mgp_employee_grounds())
        other = self._klu_case()
        grounds = other._mgp_employee_grounds(self.ngo_partial)
        self.assertTrue(any("only part" in ground for ground in grounds))

    # ------------------------------------------------------------------
    # An NGO added while the service runs
    # ------------------------------------------------------------------
    def test_register_ngo_from_the_wizard(self):
        case = self._klu_case(activities=self.activities[4:6])
        wizard = self._wizard(case)
        action = wizard.action_open_ngo_registration()
        self.assertEqual(action["res_model"], "mgp.accompaniment.ngo.wizard")
        register = (
            self.env[action["res_model"]]
            .with_user(self.specialist)
            .with_context(**action["context"])
            .create(
                {
                    "org_name": "АНО «Новая помощь»",
                    "inn": "4027123455",
                    "phone": "+7 4842 11-22-33",
                    "conditions": "Сопровождение на дому и по месту работы",
                    "territory": "г. Калуга",
                    "schedule": "Пн–Пт 9:00–18:00",
                    "help_form_ids": [
                        (6, 0, self.env.ref("mgp_ngo_registry.help_form_home").ids)
                    ],
                    "accessibility": "Пандус, лифт, доступный туалет",
                    "capacity": 4,
                    "staff_ids": [
                        (
                            0,
                            0,
                            {
                                "name": "Орлова Анна Петровна",
                                "qualification": "Удостоверение № 1",
                                "activity_ids": [
                                    (6, 0, self.activities[4:6].ids),
                                ],
                            },
                        )
                    ],
                }
            )
        )
        # the case's activities and the person's region by default
        self.assertEqual(register.activity_ids, self.activities[4:6])
        self.assertEqual(register.territory_state_ids, self.state)
        back = register.action_register()
        self.assertEqual(back["res_id"], wizard.id)
        application = self.env["mgp.ngo.application"].search(
            [("inn", "=", "4027123455")]
        )
        self.assertEqual(len(application), 1)
        self.assertEqual(application.channel, "paper")
        self.assertEqual(application.state, "submitted")
        self.assertEqual(application.accompaniment_id, case)
        self.assertEqual(application.company_id, case.company_id)
        self.assertEqual(application.mgp_activity_ids, self.activities[4:6])
        self.assertEqual(application.staff_ids.activity_ids, self.activities[4:6])
        self.assertEqual(application.schedule, "Пн–Пт 9:00–18:00")
        self.assertEqual(
            application.help_form_ids, self.env.ref("mgp_ngo_registry.help_form_home")
        )
        self.assertEqual(application.accessibility, "Пандус, лифт, доступный туалет")
        self.assertTrue(application.partner_id)
        self.assertIn(application.name, case.message_ids[:1].body)
        # not in the registry yet: not a candidate
        self.assertNotIn(application.partner_id, case._get_ngo_candidates())
        # the registry's normal approval by a manager includes it
        application.with_user(self.manager).action_approve()
        self.assertEqual(application.partner_id.mgp_ngo_state, "included")
        self.assertIn("is included in the NGO registry", case.message_ids[:1].body)
        data = {item["partner"]: item for item in case._get_ngo_candidates_data()}
        new = data[application.partner_id]
        self.assertEqual(new["coverage"], 2)
        self.assertTrue(new["fits"])

    def test_register_ngo_needs_activities(self):
        case = self._klu_case()
        register = (
            self.env["mgp.accompaniment.ngo.wizard"]
            .with_user(self.specialist)
            .create(
                {
                    "accompaniment_id": case.id,
                    "org_name": "АНО «Без мероприятий»",
                    "inn": "4027987656",
                    "activity_ids": [(5, 0, 0)],
                }
            )
        )
        with self.assertRaises(UserError):
            register.action_register()
        self.assertFalse(
            self.env["mgp.ngo.application"].search([("inn", "=", "4027987656")])
        )
