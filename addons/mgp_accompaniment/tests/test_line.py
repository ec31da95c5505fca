# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user

from .common import AccompanimentCommon

# a real 1x1 PNG: libmagic (python-magic) rejects a bare signature
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


class TestLine(AccompanimentCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ngo_contact = cls.env["res.partner"].create(
            {"name": "Представитель", "parent_id": cls.ngo_a.id}
        )
        cls.ngo_user = new_test_user(
            cls.env,
            login="mgp_ngo_line",
            groups="base.group_portal",
            partner_id=cls.ngo_contact.id,
        )

    def _ngo_case(self):
        case = self._case(date(2025, 11, 5), activities=self.activities[:2])
        case.action_decide_need(True, date(2025, 11, 5))
        case.action_record_ngo_consent(self.ngo_a, date(2025, 11, 6))
        case.action_assign_ngo(
            self.ngo_a, self._new_contract(self.ngo_a), "Сидорова", date(2025, 11, 6)
        )
        case.action_issue_certificate(date(2025, 11, 6))
        return case

    def test_only_employment_activities(self):
        workplace = self.env["mgp.activity"].search(
            [("service", "=", "workplace")], limit=1
        )
        with self.assertRaises(ValidationError):
            self._case(activities=workplace)

    def test_assignment_needs_activities(self):
        case = self._case(date(2025, 11, 5), activities=self.env["mgp.activity"])
        case.action_decide_need(True, date(2025, 11, 5))
        with self.assertRaises(UserError):
            case.action_assign_employee(self.specialist_2, date(2025, 11, 6))

    def test_ngo_records_result(self):
        case = self._ngo_case()
        line = case.line_ids[0].with_user(self.ngo_user)
        line._mgp_portal_record_result(
            date(2025, 11, 20),
            "Проведено",
            [("act.png", PNG)],
        )
        self.assertEqual(line.result, "Проведено")
        self.assertEqual(line.result_attachment_ids.mimetype, "image/png")
        self.assertTrue(case.message_ids.filtered(lambda m: "Проведено" in m.body))

    def test_ngo_result_checks(self):
        case = self._ngo_case()
        line = case.line_ids[0].with_user(self.ngo_user)
        too_big = b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024)
        with self.assertRaises(UserError):
            line._mgp_portal_record_result(
                date(2025, 11, 20), "Итог", [("a.pdf", too_big)]
            )
        with self.assertRaises(UserError):
            line._mgp_portal_record_result(
                date(2025, 11, 20), "Итог", [("a.exe", b"MZ\x90\x00\x03")]
            )
        with self.assertRaises(UserError):
            line._mgp_portal_record_result(date(2099, 1, 1), "Итог")
        with self.assertRaises(UserError):
            line._mgp_portal_record_result(date(2025, 11, 20), "  ")
        self.assertFalse(line.result)
        # a representative may record results only, nothing else
        with self.assertRaises(AccessError):
            line.write({"activity_id": self.act_3.id})

    def test_closed_case_lines_locked(self):
        case = self._active_case(date(2025, 11, 5), date(2025, 11, 6))
        case.action_terminate("withdrawn")
        with self.assertRaises(UserError):
            case.line_ids[0].unlink()
        with self.assertRaises(UserError):
            case.line_ids[0].activity_id = self.act_3

    def test_ngo_results_close_the_results_deadline(self):
        case = self._ngo_case()
        case.action_mark_employed(date(2025, 12, 1), self.employer.id)
        results = case._mgp_deadline_get("s1_results")
        self.assertEqual(results.state, "open")
        first, second = case.line_ids.with_user(self.ngo_user)
        first._mgp_portal_record_result(date(2025, 11, 20), "Переговоры проведены")
        self.assertEqual(results.state, "open")
        second._mgp_portal_record_result(date(2025, 11, 21), "Маршрут разработан")
        self.assertEqual(results.state, "done")
