# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The security matrix of the suite, declared once and tried over JSON-RPC.

Every protected field (a state, a decision and its date, a number, a
validity, an assignment, a closure, a centre) is written through
``/web/dataset/call_kw`` — the path of the web client — by each role, with
and without the context keys a client could send: every write is refused and
the value stays. Each role's ordinary operations still work.
"""

from datetime import date

from odoo.tests import HttpCase, tagged

from odoo.addons.mgp_accompaniment.tests.common import AccompanimentCommon
from odoo.addons.mgp_ngo_registry.tests.common import make_inn

from .common_matrix import MatrixUsers

# context keys a hostile client may send along (the old state guard trusted
# the first one)
HOSTILE_CONTEXTS = [
    {},
    {
        "mgp_state_transition": True,
        "mgp_engine": True,
        "install_mode": True,
        "tracking_disable": True,
        "active_test": False,
    },
]

# model -> fixture attribute -> {protected field: value a forger would write}
PROTECTED = {
    "mgp.accompaniment": (
        "case",
        {
            "state": "employed",
            "name": "СП-ПОДДЕЛКА",
            "need": "not_needed",
            "need_decision_date": "2025-11-01",
            "order_state": "draft",
            "order_number": "2030-П-9999",
            "order_date": "2025-11-01",
            "responsible_user_id": False,
            "assignment_done_date": "2025-11-01",
            "certificate_number": False,
            "certificate_date": "2025-11-01",
            "date_end": "2030-12-31",
            "certificate_sent_date": "2025-11-01",
            "employment_date": "2025-11-20",
            "employer_id": "employer",
            "date_closed": "2025-11-20",
            "termination_reason_id": "termination_reason",
            "ngo_id": False,
            "ngo_contract_id": False,
            "ngo_assign_date": "2025-11-01",
            "mse_request_id": "mse_request",
            "company_id": "company_other",
            "partner_id": "person_2",
            # mgp_complaint_accompaniment: the correction marks
            "mgp_correction_date": "2025-11-08",
            "mgp_correction_id": "correction",
            "mgp_order_correction_date": "2025-11-08",
        },
    ),
    "mgp.accompaniment.line": ("line", {"ngo_id": False}),
    "mgp.ngo.application": (
        "application",
        {
            "state": "approved",
            "name": "НГО-З-ПОДДЕЛКА",
            "decision_date": "2025-11-01",
            "reject_reason": "Подделка",
            "company_id": "company_other",
        },
    ),
    "mgp.ngo.contract": (
        "contract",
        {
            "state": "cancelled",
            "number": "Д-ПОДДЕЛКА",
            "partner_id": "ngo_b",
            "company_id": "company_other",
        },
    ),
    "res.partner": (
        "ngo_a",
        {
            "mgp_ngo_state": "excluded",
            "mgp_ngo_registry_number": "KLU-НГО-9999",
            "mgp_ngo_included_date": "2020-01-01",
            "mgp_ngo_basis": "application",
            "mgp_ngo_excluded_date": "2025-11-01",
            "mgp_ngo_exclusion_reason": "Подделка",
        },
    ),
    "mgp.mse.request": (
        "mse_request",
        {
            "state": "answered",
            "recommendation": "needed",
            "date_answer": "2025-11-02",
            "date_sent": "2025-11-01",
            "res_model": "res.partner",
            "res_id": 1,
            "name": "МСЭ-ПОДДЕЛКА",
            "company_id": "company_other",
        },
    ),
    "mgp.complaint": (
        "complaint",
        {
            "state": "answered",
            "name": "Ж-ПОДДЕЛКА",
            "date_registered": "2025-11-01",
            "decision": "upheld",
            "decision_date": "2025-11-02",
            "decision_reasons": "Подделка",
            "remedy": "other",
            "decided_by_id": "specialist",
            "answer_date": "2025-11-03",
            "company_id": "company_other",
        },
    ),
    "mgp.document.correction": (
        "correction",
        {
            "state": "applied",
            "name": "И-ПОДДЕЛКА",
            "date_requested": "2025-11-01",
            "date_done": "2025-11-02",
            "old_name": "Подделка",
            "old_snils": "112-233-445 95",
            "res_id": "case_2",
            "document_kind": "order",
            "company_id": "company_other",
        },
    ),
    "mgp.deadline": (
        "deadline",
        {
            "state": "done",
            "date_due": "2030-01-01",
            "date_done": "2025-11-01",
            "is_late": False,
            "res_id": 1,
            "company_id": "company_other",
        },
    ),
}

# role -> model -> expected (create, read, write, unlink) access rights
ACCESS = {
    "specialist": {
        "mgp.accompaniment": (True, True, True, False),
        "mgp.accompaniment.line": (True, True, True, True),
        "mgp.ngo.application": (True, True, True, False),
        "mgp.deadline": (False, True, False, False),
        "mgp.deadline.rule": (False, True, False, False),
        "mgp.calendar.day": (False, True, False, False),
        "mgp.complaint": (True, True, True, False),
        "mgp.document.correction": (True, True, True, False),
    },
    "manager": {
        "mgp.accompaniment": (True, True, True, True),
        "mgp.complaint": (True, True, True, True),
        "mgp.document.correction": (True, True, True, True),
        "mgp.deadline": (False, True, False, False),
        "mgp.deadline.rule": (False, True, False, False),
    },
    "regional_admin": {
        "mgp.deadline.rule": (True, True, True, True),
        "mgp.calendar.day": (True, True, True, True),
    },
    "citizen": {
        "mgp.accompaniment": (False, True, False, False),
        "mgp.accompaniment.line": (False, True, True, False),
        "mgp.ngo.application": (False, True, False, False),
        "mgp.deadline": (False, False, False, False),
        "mgp.mse.request": (False, False, False, False),
        "mgp.complaint": (False, True, False, False),
        "mgp.document.correction": (False, True, False, False),
    },
}
ACCESS["ngo"] = ACCESS["citizen"]
OPERATIONS = ("create", "read", "write", "unlink")


@tagged("post_install", "-at_install")
class TestSecurityMatrix(HttpCase, AccompanimentCommon, MatrixUsers):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = cls._matrix_users(
            "mgp_matrix", ("specialist", "manager", "regional_admin", "citizen", "ngo")
        )
        cls.citizen = cls.users["citizen"]
        cls.ngo_user = cls.users["ngo"]

    def setUp(self):
        super().setUp()
        # a case in accompaniment with the NGO for part of its activities
        case = self._case(date(2025, 11, 5), activities=self.activities[:3])
        case.line_ids[:2].write({"performer": "ngo"})
        case.action_decide_need(True, date(2025, 11, 5))
        contract = self._new_contract(
            self.ngo_a, number="Д-М", contract_date=date(2025, 1, 10)
        )
        case.action_record_ngo_consent(self.ngo_a, date(2025, 11, 6))
        case.action_assign_ngo(self.ngo_a, contract, assign_date=date(2025, 11, 6))
        self._assign_employee(case, date(2025, 11, 6))
        case.action_issue_certificate(date(2025, 11, 7))
        self.case = case
        self.line = case.line_ids.filtered(lambda line: line.performer == "ngo")[:1]
        self.contract = contract
        self.mse_request = (
            self.env["mgp.mse.request"]
            .with_user(self.specialist)
            .create({"partner_id": self.person.id, "company_id": self.company.id})
        )
        self.deadline = case._mgp_deadline_get("s1_certificate_send")
        self.termination_reason = self.env.ref(
            "mgp_accompaniment.termination_reason_other"
        )
        self.application = (
            self.env["mgp.ngo.application"]
            .with_user(self.specialist)
            .create(
                {
                    "org_name": "АНО «Проверка»",
                    "inn": make_inn("402900777"),
                    "date_received": date(2025, 11, 3),
                    "date": date(2025, 11, 3),
                    "company_id": self.company.id,
                }
            )
        )
        self.application.action_submit()
        # a registered complaint and a requested correction about the case
        self.case_2 = self._case(date(2025, 11, 5), partner_id=self.person_2.id)
        self.complaint = (
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
        self.complaint.action_register(date(2025, 11, 10))
        self.correction = (
            self.env["mgp.document.correction"]
            .with_user(self.specialist)
            .create(
                {
                    "partner_id": self.person.id,
                    "res_id": case.id,
                    "description": "Опечатка в отчестве.",
                    "new_name": "Тестов Тест Тестовичъ",
                }
            )
        )

    # ------------------------------------------------------------------
    def _rpc(self, model, method, args, kwargs=None):
        """A JSON-RPC call as the web client makes it; the decoded answer."""
        response = self.url_open(
            f"/web/dataset/call_kw/{model}/{method}",
            json={
                "jsonrpc": "2.0",
                "method": "call",
                "id": 1,
                "params": {
                    "model": model,
                    "method": method,
                    "args": args,
                    "kwargs": kwargs or {},
                },
            },
        )
        self.assertEqual(response.status_code, 200)
        return response.json()

    def _value(self, value):
        if isinstance(value, str) and hasattr(self, value):
            return getattr(self, value).id
        return value

    def _stored(self, record, names):
        record.invalidate_recordset()
        return {name: record.sudo()[name] for name in names}

    def _check_role(self, role):
        user = self.users[role]
        self.authenticate(user.login, f"{user.login}-pass1")
        for model, (attribute, fields_values) in PROTECTED.items():
            record = getattr(self, attribute)
            before = self._stored(record, fields_values)
            for name, value in fields_values.items():
                for context in HOSTILE_CONTEXTS:
                    answer = self._rpc(
                        model,
                        "write",
                        [record.ids, {name: self._value(value)}],
                        {"context": context},
                    )
                    self.assertIn(
                        "error",
                        answer,
                        f"{role} wrote {model}.{name} over JSON-RPC with {context}",
                    )
            self.assertEqual(
                self._stored(record, fields_values),
                before,
                f"{role} changed a protected field of {model}",
            )

    def test_specialist(self):
        self._check_role("specialist")
        # his ordinary work goes through
        answer = self._rpc(
            "mgp.accompaniment",
            "write",
            [self.case.ids, {"personal_file_number": "ЛД-2025-7"}],
        )
        self.assertEqual(answer.get("result"), True, answer)
        answer = self._rpc(
            "mgp.accompaniment",
            "web_read",
            [self.case.ids],
            {"specification": {"state": {}, "certificate_number": {}}},
        )
        self.assertEqual(answer["result"][0]["state"], "active")

    def test_manager(self):
        self._check_role("manager")

    def test_regional_admin(self):
        self._check_role("regional_admin")

    def test_citizen(self):
        self._check_role("citizen")
        answer = self._rpc(
            "mgp.accompaniment",
            "read",
            [self.case.ids, ["certificate_number", "date_end"]],
        )
        self.assertEqual(
            answer["result"][0]["certificate_number"], self.case.certificate_number
        )

    def test_ngo(self):
        self._check_role("ngo")
        # the NGO records the result of its own activity
        answer = self._rpc(
            "mgp.accompaniment.line",
            "write",
            [self.line.ids, {"date_done": "2025-11-20", "result": "Выполнено"}],
        )
        self.assertEqual(answer.get("result"), True, answer)
        # not a future date, whatever the route
        answer = self._rpc(
            "mgp.accompaniment.line",
            "write",
            [self.line.ids, {"date_done": "2099-01-01"}],
        )
        self.assertIn("error", answer)
        self.assertEqual(self.line.date_done, date(2025, 11, 20))

    def test_create_with_protected_values_refused(self):
        self.authenticate(self.specialist.login, f"{self.specialist.login}-pass1")
        count = self.Case.search_count([])
        for context in HOSTILE_CONTEXTS:
            for values in (
                {"state": "active", "certificate_number": "X"},
                {"need": "needed", "need_decision_date": "2025-11-05"},
            ):
                answer = self._rpc(
                    "mgp.accompaniment",
                    "create",
                    [
                        dict(
                            values,
                            partner_id=self.person_2.id,
                            company_id=self.company.id,
                            plan_agreed_date="2025-11-05",
                        )
                    ],
                    {"context": context},
                )
                self.assertIn("error", answer)
            # nor through the context's defaults
            answer = self._rpc(
                "mgp.accompaniment",
                "create",
                [
                    {
                        "partner_id": self.person_2.id,
                        "plan_agreed_date": "2025-11-05",
                    }
                ],
                {"context": dict(context, default_state="employed")},
            )
            if "result" in answer:
                self.assertEqual(self.Case.browse(answer["result"]).state, "new")
        self.assertLessEqual(self.Case.search_count([]) - count, len(HOSTILE_CONTEXTS))
        answer = self._rpc(
            "res.partner",
            "create",
            [
                {
                    "name": "АНО «Самозванец»",
                    "is_company": True,
                    "mgp_ngo_state": "included",
                    "mgp_ngo_registry_number": "KLU-НГО-0001",
                }
            ],
        )
        self.assertIn("error", answer)

    def test_access_rights_per_role(self):
        for role, models_access in ACCESS.items():
            user = self.users[role]
            for model, expected in models_access.items():
                Model = self.env[model].with_user(user)
                got = tuple(Model.has_access(operation) for operation in OPERATIONS)
                self.assertEqual(got, expected, f"{role} on {model}")
