# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Inputs the registers refuse (issue 18 §6), probed over JSON-RPC as the
specialist or the manager who got them through: the published entry of an
NGO and a contract in force edited by hand, a contract with an excluded NGO
dated 2099, a plan agreed in 2099 or 1900, a citizen as the employer, a
message in another's name or back-dated."""

from datetime import date

from odoo.tests import HttpCase, tagged

from odoo.addons.mgp_accompaniment.tests.common import AccompanimentCommon

from .test_registers_kept import RpcMixin


@tagged("post_install", "-at_install")
class TestRegisterInputs(RpcMixin, HttpCase, AccompanimentCommon):
    def _login(self, user):
        self.authenticate(user.login, user.login)

    def test_published_ngo_entry_not_edited(self):
        self._login(self.specialist)
        for name, value in (
            ("name", "АНО «Подменённая»"),
            ("mgp_ngo_conditions", "Платно"),
            ("mgp_ngo_capacity", 500),
            ("mgp_ngo_activity_ids", [(6, 0, self.activities.ids)]),
        ):
            with self.subTest(field=name):
                self._refused("res.partner", "write", [self.ngo_a.ids, {name: value}])
        self.ngo_a.invalidate_recordset()
        self.assertEqual(self.ngo_a.name, "АНО «Шаг навстречу»")
        self.assertEqual(self.ngo_a.mgp_ngo_capacity, 5)
        # a person's card is still edited by the specialist
        self._rpc("res.partner", "write", [self.person_2.ids, {"phone": "+7 900"}])
        self.assertEqual(self.person_2.phone, "+7 900")

    def test_contract_in_force_not_edited(self):
        contract = self._new_contract(self.ngo_a, number="Д-В")
        for user in (self.specialist, self.manager):
            self._login(user)
            for name, value in (
                ("date_end", "2099-12-31"),
                ("date", "2024-01-01"),
                ("mgp_activity_ids", [(6, 0, self.activities.ids)]),
            ):
                with self.subTest(user=user.login, field=name):
                    self._refused(
                        "mgp.ngo.contract", "write", [contract.ids, {name: value}]
                    )
        contract.invalidate_recordset()
        self.assertFalse(contract.date_end)
        self.assertEqual(contract.date, date(2025, 1, 10))

    def test_no_contract_with_excluded_ngo_nor_dated_2099(self):
        self._login(self.manager)
        values = {
            "partner_id": self.ngo_excluded.id,
            "number": "Д-Х",
            "date": "2025-02-03",
            "company_id": self.company.id,
        }
        contract_id = self._rpc("mgp.ngo.contract", "create", [values])
        self._refused("mgp.ngo.contract", "action_activate", [[contract_id]])
        contract = self.env["mgp.ngo.contract"].browse(contract_id)
        self.assertEqual(contract.state, "draft")
        for name, value in (("date", "2099-01-01"), ("date", "1900-01-01")):
            with self.subTest(field=name, value=value):
                self._refused(
                    "mgp.ngo.contract",
                    "create",
                    [{**values, "partner_id": self.ngo_a.id, name: value}],
                )
        self._refused(
            "mgp.ngo.contract",
            "create",
            [{**values, "partner_id": self.ngo_a.id, "date_end": "2999-01-01"}],
        )

    def test_plan_agreed_date_in_range(self):
        case = self._case()
        self._login(self.specialist)
        for value in ("2099-01-01", "1900-01-01"):
            with self.subTest(value=value):
                self._refused(
                    "mgp.accompaniment",
                    "write",
                    [case.ids, {"plan_agreed_date": value}],
                )
        case.invalidate_recordset()
        self.assertEqual(case.plan_agreed_date, date(2025, 10, 31))
        self._rpc(
            "mgp.accompaniment", "write", [case.ids, {"plan_agreed_date": "2025-11-01"}]
        )
        self.assertEqual(case.plan_agreed_date, date(2025, 11, 1))

    def test_action_dated_1900_refused(self):
        case = self._case()
        complaint = (
            self.env["mgp.complaint"]
            .with_user(self.specialist)
            .create(
                {
                    "partner_id": self.person.id,
                    "company_id": self.company.id,
                    "res_model": case._name,
                    "res_id": case.id,
                    "subject": "service_delay",
                    "description": "Нарушен срок.",
                }
            )
        )
        self._login(self.specialist)
        self._refused("mgp.complaint", "action_register", [complaint.ids, "1900-01-01"])
        complaint.invalidate_recordset()
        self.assertEqual(complaint.state, "draft")
        self._rpc("mgp.complaint", "action_register", [complaint.ids, "2025-11-03"])
        self.assertEqual(complaint.date_registered, date(2025, 11, 3))

    def test_citizen_not_an_employer(self):
        case = self._active_case(date(2025, 11, 5), date(2025, 11, 10))
        self._login(self.specialist)
        self._refused(
            "mgp.accompaniment",
            "action_mark_employed",
            [case.ids, "2025-12-01", self.person_2.id],
        )
        case.invalidate_recordset()
        self.assertFalse(case.employment_date)
        self._rpc(
            "mgp.accompaniment",
            "action_mark_employed",
            [case.ids, "2025-12-01", self.employer.id],
        )
        self.assertEqual(case.employer_id, self.employer)

    def test_message_not_forged(self):
        case = self._case()
        self._login(self.specialist)
        for kwargs in (
            {"author_id": self.manager.partner_id.id},
            {"date": "2020-01-01 10:00:00"},
        ):
            with self.subTest(kwargs=kwargs):
                self._refused(
                    "mgp.accompaniment",
                    "message_post",
                    [case.ids],
                    {"body": "Согласовано руководителем.", **kwargs},
                )
        self.assertFalse(
            case.message_ids.filtered(lambda m: "Согласовано" in (m.body or ""))
        )
        message_id = self._rpc(
            "mgp.accompaniment",
            "message_post",
            [case.ids],
            {"body": "Заметка специалиста.", "email_from": "boss@example.ru"},
        )
        message = self.env["mail.message"].browse(message_id)
        self.assertEqual(message.author_id, self.specialist.partner_id)
        self.assertNotIn("boss@", message.email_from or "")
