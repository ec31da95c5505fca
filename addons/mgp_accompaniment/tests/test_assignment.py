# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import UserError

from odoo.addons.mgp_base.models.mgp_transition import forced_state

from .common import AccompanimentCommon


class TestAssignment(AccompanimentCommon):
    def _decided_case(self, activities=None):
        case = self._case(date(2025, 11, 5), activities=activities)
        case.action_decide_need(True, date(2025, 11, 5))
        return case

    def _wizard(self, case, **vals):
        return (
            self.env["mgp.accompaniment.assign.wizard"]
            .with_user(self.specialist)
            .create(dict({"accompaniment_id": case.id}, **vals))
        )

    def test_employee_by_order(self):
        case = self._decided_case()
        self._wizard(
            case,
            responsible_user_id=self.specialist_2.id,
            order_date=date(2025, 11, 6),
        ).action_confirm()
        self.assertEqual(case.responsible_user_id, self.specialist_2)
        self.assertEqual(case.order_state, "draft")
        # the order's requisites come with the manager's signature
        self.assertFalse(case.order_number)
        self.assertEqual(set(case.line_ids.mapped("performer")), {"centre"})
        self.assertEqual(case.line_ids.user_id, self.specialist_2)
        self.assertEqual(self._deadline(case, "s1_assignment").state, "open")
        # only a manager approves the order
        with self.assertRaises(UserError):
            case.with_user(self.specialist).action_approve_order(date(2025, 11, 6))
        self.assertEqual(case.order_state, "draft")
        case.with_user(self.manager).action_approve_order(date(2025, 11, 6))
        self.assertEqual(case.order_state, "approved")
        self.assertTrue(case.order_number)
        self.assertEqual(case.order_approver_id, self.manager)
        self.assertEqual(case.assignment_done_date, date(2025, 11, 6))
        assignment = self._deadline(case, "s1_assignment")
        self.assertEqual(assignment.state, "done")
        self.assertFalse(assignment.is_late)
        certificate = self._deadline(case, "s1_certificate")
        self.assertEqual(certificate.date_start, date(2025, 11, 6))
        self.assertEqual(certificate.date_due, date(2025, 11, 7))
        self.assertIn(self.specialist_2.name, case.accompanying_contact)
        self.assertFalse(case.certificate_notes)
        with self.assertRaises(UserError):  # twice
            case.with_user(self.manager).action_approve_order(date(2025, 11, 6))

    def test_ngo_covers_everything(self):
        case = self._decided_case(activities=self.activities[:2])
        case.action_record_ngo_consent(self.ngo_a, date(2025, 11, 6))
        self._wizard(
            case,
            ngo_id=self.ngo_a.id,
            contract_mode="new",
            contract_number="Д-15",
            contract_date=date(2025, 11, 6),
            ngo_contact="Сидорова Мария, +7 900 000-00-01",
        ).action_confirm()
        contract = case.ngo_contract_id
        self.assertEqual(contract.number, "Д-15")
        self.assertEqual(contract.partner_id, self.ngo_a)
        self.assertEqual(set(case.line_ids.mapped("performer")), {"ngo"})
        self.assertEqual(case.line_ids.ngo_id, self.ngo_a)
        self.assertFalse(case.responsible_user_id)
        self.assertEqual(self._deadline(case, "s1_assignment").state, "done")
        self.assertEqual(
            self._deadline(case, "s1_certificate").date_start, date(2025, 11, 6)
        )
        self.assertIn("Сидорова", case.accompanying_contact)
        self.assertFalse(case.certificate_notes)

    def test_ngo_partial_coverage_needs_order(self):
        case = self._decided_case()  # activities 1-3, NGO A declares 1-2
        case.action_record_ngo_consent(self.ngo_a, date(2025, 11, 6))
        wizard = self._wizard(
            case,
            ngo_id=self.ngo_a.id,
            contract_mode="existing",
            contract_id=self._new_contract(self.ngo_a).id,
            contract_date=date(2025, 11, 6),
        )
        with self.assertRaises(UserError):
            wizard.action_confirm()
        self.assertFalse(case.ngo_id)  # nothing saved half-way
        self._wizard(
            case,
            ngo_id=self.ngo_a.id,
            contract_mode="existing",
            contract_id=self._new_contract(self.ngo_a, "Д-2").id,
            contract_date=date(2025, 11, 6),
            ngo_contact="Сидорова Мария, +7 900 000-00-01",
            responsible_user_id=self.specialist_2.id,
            order_date=date(2025, 11, 7),
        ).action_confirm()
        ngo_lines = case.line_ids.filtered(lambda line: line.performer == "ngo")
        self.assertEqual(ngo_lines.activity_id, self.activities[:2])
        centre_line = case.line_ids - ngo_lines
        self.assertEqual(centre_line.user_id, self.specialist_2)
        notes = case.certificate_notes
        self.assertIn(self.ngo_a.name, notes)
        self.assertIn(self.act_1.name, notes)
        self.assertIn(self.act_2.name, notes)
        self.assertNotIn(self.act_3.name, notes)
        self.assertIn("Сидорова Мария", notes)
        # the contract alone is not enough: the order is still a draft
        self.assertEqual(self._deadline(case, "s1_assignment").state, "open")
        case.with_user(self.manager).action_approve_order(date(2025, 11, 7))
        self.assertEqual(case.assignment_done_date, date(2025, 11, 7))
        self.assertEqual(self._deadline(case, "s1_assignment").state, "done")
        self.assertTrue(self._deadline(case, "s1_assignment").is_late)

    def test_amend_contract(self):
        case = self._decided_case(activities=self.activities[:2])
        base_contract = self._new_contract(self.ngo_a, "Д-7")
        case.action_record_ngo_consent(self.ngo_a, date(2025, 11, 6))
        self._wizard(
            case,
            ngo_id=self.ngo_a.id,
            contract_mode="amend",
            contract_id=base_contract.id,
            contract_number="Д-7/1",
            contract_date=date(2025, 11, 6),
        ).action_confirm()
        self.assertEqual(case.ngo_contract_id.parent_id, base_contract)
        self.assertEqual(case.ngo_contract_id.number, "Д-7/1")
        self.assertEqual(case.ngo_contract_id.state, "active")
        self.assertEqual(base_contract.state, "superseded")

    def test_candidates_ranking(self):
        case = self._decided_case()  # activities 1-3
        candidates = case._get_ngo_candidates()
        self.assertNotIn(self.ngo_excluded, candidates)
        # B covers 3 activities, A covers 2
        self.assertLess(
            list(candidates).index(self.ngo_b), list(candidates).index(self.ngo_a)
        )
        data = {item["partner"]: item for item in case._get_ngo_candidates_data()}
        self.assertEqual(data[self.ngo_b]["coverage"], 3)
        self.assertEqual(data[self.ngo_a]["coverage"], 2)
        self.assertEqual(data[self.ngo_b]["free_capacity"], 3)
        # equal coverage: the NGO with more free capacity comes first
        ngo_c = self._new_ngo("АНО «Третья»", self.activities[:3], 1)
        ranked = list(case._get_ngo_candidates())
        self.assertLess(ranked.index(self.ngo_b), ranked.index(ngo_c))
        # a capacity of 0 is no limit: first among equal coverage
        ngo_unlimited = self._new_ngo("АНО «Без лимита»", self.activities[:3], 0)
        data = {item["partner"]: item for item in case._get_ngo_candidates_data()}
        self.assertGreater(data[ngo_unlimited]["free_capacity"], 1000)
        ranked = list(case._get_ngo_candidates())
        self.assertLess(ranked.index(ngo_unlimited), ranked.index(self.ngo_b))
        ngo_unlimited._mgp_ngo_exclude("Нет подготовленного персонала")
        wizard = self._wizard(case)
        listed = list(wizard.candidate_ids.partner_id)
        self.assertLess(listed.index(self.ngo_b), listed.index(ngo_c))
        self.assertLess(listed.index(ngo_c), listed.index(self.ngo_a))
        row_b = wizard.candidate_ids.filtered(lambda c: c.partner_id == self.ngo_b)
        self.assertEqual(row_b.coverage, 3)
        self.assertEqual(row_b.free_capacity, 3)
        self.assertIn(ngo_c, wizard.candidate_ids.partner_id)
        self.assertNotIn(self.ngo_excluded, wizard.candidate_ids.partner_id)

    def test_free_capacity_counts_open_cases(self):
        busy = self._decided_case(activities=self.activities[:2])
        busy.action_record_ngo_consent(self.ngo_b, date(2025, 11, 6))
        self._wizard(
            busy,
            ngo_id=self.ngo_b.id,
            contract_mode="existing",
            contract_id=self._new_contract(self.ngo_b).id,
            contract_date=date(2025, 11, 6),
        ).action_confirm()
        case = self._decided_case()
        data = {item["partner"]: item for item in case._get_ngo_candidates_data()}
        self.assertEqual(data[self.ngo_b]["free_capacity"], 2)

    def test_excluded_ngo_refused(self):
        case = self._decided_case(activities=self.activities[:2])
        # a contract concluded before the exclusion (none is concluded after)
        with forced_state(self.ngo_excluded):
            self.ngo_excluded.sudo()._mgp_engine_write({"mgp_ngo_state": "included"})
        contract = self._new_contract(self.ngo_excluded)
        with forced_state(self.ngo_excluded):
            self.ngo_excluded.sudo()._mgp_engine_write({"mgp_ngo_state": "excluded"})
        with self.assertRaises(UserError):
            case.action_assign_ngo(self.ngo_excluded, contract)

    def test_assignment_only_in_assignment_state(self):
        case = self._case(date(2025, 11, 5))
        with self.assertRaises(UserError):
            self._wizard(
                case,
                responsible_user_id=self.specialist_2.id,
                order_date=date(2025, 11, 6),
            ).action_confirm()
        with self.assertRaises(UserError):
            case.with_user(self.manager).action_approve_order()

    def test_order_wizard(self):
        case = self._decided_case()
        self._wizard(
            case, responsible_user_id=self.specialist_2.id, order_date=date(2025, 11, 6)
        ).action_confirm()
        action = case.action_open_order_wizard()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.manager)
            .with_context(**action["context"])
            .create({"order_date": date(2025, 11, 6)})
        )
        wizard.action_confirm()
        self.assertEqual(case.order_state, "approved")

    def test_ngo_covering_nothing_refused(self):
        case = self._decided_case(activities=self.activities[4:6])
        contract = self._new_contract(self.ngo_a)  # declares activities 1-2
        with self.assertRaises(UserError):
            case.action_assign_ngo(self.ngo_a, contract)
        self.assertFalse(case.ngo_id)
        self.assertEqual(set(case.line_ids.mapped("performer")), {"centre"})

    def test_employee_of_another_centre_refused(self):
        case = self._decided_case()
        for user in (self.specialist_other, self.env.ref("base.public_user")):
            with self.assertRaises(UserError):
                case.action_assign_employee(user, date(2025, 11, 6))
        self.assertFalse(case.responsible_user_id)
        self.assertFalse(case.order_number)

    def test_ngo_takes_only_the_lines_planned_for_it(self):
        case = self._decided_case()  # activities 1-3, NGO B declares 1-3
        first, second, third = case.line_ids.sorted("id")
        (first | second).performer = "ngo"
        ranked = {item["partner"]: item for item in case._get_ngo_candidates_data()}
        self.assertEqual(ranked[self.ngo_b]["coverage"], 2)
        case.action_record_ngo_consent(self.ngo_b, date(2025, 11, 5))
        case.action_assign_ngo(self.ngo_b, self._new_contract(self.ngo_b))
        self.assertEqual((first | second).ngo_id, self.ngo_b)
        # planned for the centre: stays with the employee, an order is needed
        self.assertEqual(third.performer, "centre")
        self.assertFalse(third.ngo_id)
        self.assertFalse(case.assignment_done_date)
        self.assertIn(self.act_1.name, case.certificate_notes)
        self.assertNotIn(self.act_3.name, case.certificate_notes)
