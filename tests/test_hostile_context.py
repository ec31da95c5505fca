# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Public actions called over JSON-RPC with a hostile context (issue 17):
every protected field of every model the action touches as ``default_…``,
plus ``active_test``, ``tracking_disable``, ``install_mode`` and
``import_file``. What the action creates and writes is the same as without
that context."""

from datetime import date

from odoo.tests import HttpCase, JsonRpcException, TransactionCase, tagged
from odoo.tools import mute_logger

from odoo.addons.mgp_accompaniment.tests import (
    test_transition_table as accompaniment_walk,
)
from odoo.addons.mgp_accompaniment.tests.common import AccompanimentCommon
from odoo.addons.mgp_base.tests.common_consent import give_consent
from odoo.addons.mgp_complaint.tests.common import ComplaintCommon
from odoo.addons.mgp_workplace_plan.tests import test_transition_table as plan_walk
from odoo.addons.mgp_workplace_plan.tests.common import WorkplaceCommon

from .hostile_walk import HostileWalkMixin

TOUCHED = (
    "mgp.accompaniment",
    "mgp.mse.request",
    "mgp.workplace.plan",
    "mgp.deadline",
)
# differ between two cases by nature: identity, person, numbers, bookkeeping
NOT_COMPARED = {
    "id",
    "name",
    "display_name",
    "partner_id",
    "res_id",
    "origin_id",
    "accompaniment_id",
    "mse_request_id",
    "eligibility_request_id",
    "certificate_number",
    "order_number",
    "access_token",
    "access_url",
    "create_date",
    "write_date",
    "create_uid",
    "write_uid",
    "message_main_attachment_id",
    "worker_name",
    "worker_snils",
}


@tagged("post_install", "-at_install")
class TestHostileContext(HttpCase, AccompanimentCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.person_2.mgp_disability_group = "2"
        cls.hostile = cls._hostile_context()

    @classmethod
    def _hostile_context(cls):
        """A ``default_…`` of every protected field of every touched model."""
        context = {}
        for model in TOUCHED:
            Model = cls.env[model]
            for name in sorted(Model._mgp_protected_field_names()):
                field = Model._fields[name]
                if field.type == "selection":
                    value = field.get_values(cls.env)[-1]
                elif field.type == "date":
                    value = "2020-01-01"
                elif field.type == "datetime":
                    value = "2020-01-01 00:00:00"
                elif field.type == "integer":
                    value = 7
                elif field.type == "boolean":
                    value = True
                elif field.type in ("char", "text"):
                    value = "HOSTILE"
                elif field.type == "many2one":
                    value = cls.env[field.comodel_name].search([], limit=1).id
                else:
                    continue
                context.setdefault(f"default_{name}", value)
        context.update(
            default_state="answered",
            default_recommendation="not_needed",
            default_date_answer="2020-01-01",
            default_version=7,
            default_send_date="2020-01-01",
            active_test=False,
            tracking_disable=True,
            install_mode=True,
            import_file=True,
        )
        return context

    def _call(self, model, method, args, context=None):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {
                "model": model,
                "method": method,
                "args": args,
                "kwargs": {"context": context or {}},
            },
        )

    def _values(self, records):
        """Stored values of ``records``, without what differs by nature."""
        if not records:
            return []
        names = [
            name
            for name, field in records._fields.items()
            if field.store
            and name not in NOT_COMPARED
            and not field.groups  # e.g. the print snapshot: administrators only
            and field.type not in ("one2many", "many2many", "binary")
        ]
        records.invalidate_recordset()
        return [
            {name: value for name, value in row.items() if name != "id"}
            for row in records.read(names, load=None)
        ]

    def _deadlines(self, case):
        deadlines = self.env["mgp.deadline"].search(
            [("res_model", "=", case._name), ("res_id", "=", case.id)],
            order="code, id",
        )
        return self._values(deadlines)

    def _tracking_count(self, record):
        return self.env["mail.tracking.value"].search_count(
            [("mail_message_id.model", "=", record._name)]
            + [("mail_message_id.res_id", "=", record.id)]
        )

    def _assert_same(self, hostile, clean):
        self.assertEqual(self._values(hostile), self._values(clean))

    def test_request_mse(self):
        hostile = self._case()
        clean = self._case(partner_id=self.person_2.id)
        self.authenticate(self.specialist.login, self.specialist.login)
        self._call(
            "mgp.accompaniment", "action_request_mse", [[hostile.id]], self.hostile
        )
        self._call("mgp.accompaniment", "action_request_mse", [[clean.id]])
        self.assertEqual(hostile.mse_request_id.state, "draft")
        self.assertFalse(hostile.mse_request_id.recommendation)
        self.assertFalse(hostile.mse_request_id.date_answer)
        self._assert_same(hostile.mse_request_id, clean.mse_request_id)
        self._assert_same(hostile, clean)
        self.assertEqual(self._deadlines(hostile), self._deadlines(clean))
        # the state change is tracked in the chatter whatever the context
        self.assertEqual(self._tracking_count(hostile), self._tracking_count(clean))

    def test_need_decision(self):
        hostile = self._case()
        clean = self._case(partner_id=self.person_2.id)
        self.authenticate(self.specialist.login, self.specialist.login)
        for case, context in ((hostile, self.hostile), (clean, {})):
            self._call(
                "mgp.accompaniment",
                "action_decide_need",
                [[case.id], True, "2025-10-31"],
                context,
            )
        self.assertEqual(hostile.state, "assignment")
        self._assert_same(hostile, clean)
        self.assertEqual(self._deadlines(hostile), self._deadlines(clean))

    def test_done_state_in_context_is_no_crash(self):
        case = self._case()
        self.authenticate(self.specialist.login, self.specialist.login)
        self._call(
            "mgp.accompaniment",
            "action_request_mse",
            [[case.id]],
            {"default_state": "done", "default_channel": "bogus"},
        )
        self.assertEqual(case.mse_request_id.state, "draft")
        self.assertEqual(case.mse_request_id.channel, "smev")

    def test_mark_employed_opens_a_clean_plan(self):
        hostile = self._active_case(date(2025, 10, 31), date(2025, 11, 5))
        clean = self._active_case(
            date(2025, 10, 31), date(2025, 11, 5), partner_id=self.person_2.id
        )
        self.authenticate(self.specialist.login, self.specialist.login)
        for case, context in ((hostile, self.hostile), (clean, {})):
            self._call(
                "mgp.accompaniment",
                "action_mark_employed",
                [[case.id], "2025-11-10", self.employer.id],
                context,
            )
        plan = hostile.workplace_plan_ids
        self.assertEqual(len(plan), 1)
        self.assertEqual((plan.state, plan.version), ("offered", 1))
        self.assertFalse(plan.send_date)
        self._assert_same(plan, clean.workplace_plan_ids)
        self._assert_same(hostile, clean)
        self.assertEqual(
            self._deadlines(plan), self._deadlines(clean.workplace_plan_ids)
        )

    def test_bad_selection_value_refused_in_russian(self):
        case = self._case()
        case.with_user(self.specialist).action_request_mse()
        self.authenticate(self.specialist.login, self.specialist.login)
        with mute_logger("odoo.http"), self.assertRaises(JsonRpcException) as caught:
            self._call(
                "mgp.mse.request",
                "write",
                [[case.mse_request_id.id], {"channel": "bogus"}],
                {"lang": "ru_RU"},
            )
        # refused as a validation error, not an internal ValueError
        self.assertEqual(str(caught.exception), "odoo.exceptions.ValidationError")
        self.assertEqual(case.mse_request_id.channel, "smev")
        Request = self.env["mgp.mse.request"].with_context(lang="ru_RU")
        with self.assertRaisesRegex(Exception, "«bogus» — недопустимое") as refused:
            Request._mgp_engine_create({"partner_id": self.person.id, "state": "bogus"})
        self.assertEqual(type(refused.exception).__name__, "ValidationError")
        with self.assertRaisesRegex(Exception, "bogus") as refused:
            Request.with_context(default_channel="bogus").create(
                {"partner_id": self.person.id}
            )
        self.assertEqual(type(refused.exception).__name__, "ValidationError")


@tagged("post_install", "-at_install")
class TestEveryActionIsClean(TransactionCase):
    """Every public action of every model of the suite (wizards included)
    runs in a clean context and, when its model has a transition table,
    behind the table's check: the wrapper is on every one of them."""

    def test_every_action_is_wrapped(self):
        unwrapped, checked = [], 0
        for name in sorted(self.env.registry):
            cls = type(self.env[name])
            for klass in cls.__mro__:
                if not klass.__module__.startswith("odoo.addons.mgp_"):
                    continue
                for attr, value in vars(klass).items():
                    if not attr.startswith("action_") or not callable(value):
                        continue
                    checked += 1
                    if not getattr(getattr(cls, attr), "_mgp_clean_call", False):
                        unwrapped.append(f"{name}.{attr}")
        self.assertGreater(checked, 100)
        self.assertFalse(unwrapped, f"actions run in the caller's context: {unwrapped}")


def _snils(number):
    """A valid СНИЛС of the nine digits of ``number``."""
    digits = f"{number:09d}"
    total = sum(int(digit) * (9 - index) for index, digit in enumerate(digits))
    check = total % 101 % 100
    return f"{digits[:3]}-{digits[3:6]}-{digits[6:]} {check:02d}"


# ----------------------------------------------------------------------
# Every public action of every transition table, generically
# ----------------------------------------------------------------------
DAY = accompaniment_walk.DAY


@tagged("post_install", "-at_install")
class TestHostileService1(HostileWalkMixin, HttpCase, AccompanimentCommon):
    """Service 1 and its interagency requests."""

    HOSTILE_MODELS = ("mgp.accompaniment", "mgp.mse.request")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contract = cls._new_contract(cls.ngo_a, "Д-Т")

    def _assignment(self, step=None):
        case = self._case(date(2025, 11, 5))
        case.with_user(self.specialist).action_decide_need(True, date(2025, 11, 5))
        if step:
            step(case)
        return case

    def _hostile_active(self):
        return self._active_case(date(2025, 10, 31), date(2025, 11, 5))

    def _ngo_agreed(self, case):
        # the namesake a second case is opened for signs its own consent
        give_consent(case.partner_id, company=self.company)
        case.with_user(self.specialist).action_record_ngo_consent(self.ngo_a, DAY)

    def _mse_answered(self):
        request = self._mse_request().with_user(self.specialist)
        request.action_register_answer("needed", date(2025, 11, 5))
        return request._get_case().with_env(self.env)

    def _mse_request(self):
        case = self._case(date(2025, 11, 5))
        case.with_user(self.specialist).action_request_mse()
        return case.mse_request_id

    def _hostile_specs(self):
        specialist = self.specialist
        return [
            (
                {
                    "new": lambda: self._case(date(2025, 11, 5)),
                    "assignment": self._assignment,
                    "active": self._hostile_active,
                    "action_approve_order": lambda: self._assignment(
                        lambda case: case.with_user(specialist).action_assign_employee(
                            self.specialist_2, DAY
                        )
                    ),
                    "action_issue_certificate": lambda: self._assignment(
                        lambda case: self._assign_employee(case, DAY)
                    ),
                    "action_assign_ngo": lambda: self._assignment(self._ngo_agreed),
                    "mse": self._mse_answered,
                    "expired": self._hostile_active,
                    "terminated": self._hostile_active,
                },
                accompaniment_walk.TestTransitionTable._calls(self),
            ),
            (
                self._mse_request,
                {
                    "action_send": (specialist, (DAY, DAY)),
                    "action_register_answer": (specialist, ("needed", DAY)),
                    "action_register_reply": (specialist, (DAY, True, "Ответ")),
                    "action_register_impossible": (specialist, ("Нет данных", DAY)),
                    "action_cancel": (specialist, ()),
                },
            ),
        ]

    def test_every_action(self):
        self.assertTrue(self._hostile_walk())


@tagged("post_install", "-at_install")
class TestHostileWorkplacePlan(HostileWalkMixin, HttpCase, WorkplaceCommon):
    """Service 2: the plan of the workplace, along the appeal and the
    offer."""

    HOSTILE_MODELS = ("mgp.workplace.plan",)
    HOSTILE_ROLES = ("specialist", "manager", "admin", "rep", "rep_2")

    def _hostile_specs(self):
        specialist = self.specialist
        # the specialist records the employer's answer to the offer too
        # (the table lets whoever may write the plan: the representative
        # answers through the portal)
        calls = {
            name: (specialist, args) for name, args in plan_walk.ACTION_ARGS.items()
        }
        return [
            (
                {
                    "offered": self._offer,
                    "appealed": lambda: self._hostile_plan("appealed"),
                    "analysis": lambda: self._hostile_plan("analysis"),
                    "draft": lambda: self._hostile_plan("draft"),
                    "discussion": lambda: self._hostile_plan("discussion"),
                },
                calls,
            )
        ]

    def _hostile_plan(self, state):
        # one open plan per worker and employer: each its own worker, at
        # the employer the offer of service 1 does not go to
        self._hostile_workers = getattr(self, "_hostile_workers", 0) + 1
        plan = self._appeal(
            snils=_snils(100000000 + self._hostile_workers),
            employer_id=self.employer_2.id,
        ).with_user(self.specialist)
        if state == "appealed":
            return plan.with_env(self.env)
        plan.action_set_disability(True, date(2026, 1, 13))
        if state in ("draft", "discussion"):
            plan.action_start_draft(date(2026, 1, 14))
            self._add_lines(plan)
        if state == "discussion":
            plan.action_to_discussion()
        return plan.with_env(self.env)

    def test_every_action(self):
        self.assertTrue(self._hostile_walk())


@tagged("post_install", "-at_install")
class TestHostileComplaint(HostileWalkMixin, HttpCase, ComplaintCommon):
    """Complaints and the corrections of documents."""

    HOSTILE_MODELS = ("mgp.complaint", "mgp.document.correction")

    def _correction(self):
        case = self._active_case(date(2025, 10, 31), date(2025, 11, 5))
        return (
            self.env["mgp.document.correction"]
            .with_user(self.specialist)
            .create(
                {
                    "partner_id": self.person.id,
                    "res_model": case._name,
                    "res_id": case.id,
                    "document_kind": "certificate",
                    "description": "Опечатка в отчестве.",
                    "new_name": "Тестов Тест Тестовичъ",
                }
            )
        )

    def _hostile_decided(self):
        complaint = self._registered(date(2025, 11, 6))
        complaint.with_user(self.manager).action_decide("rejected", "Нет оснований.")
        return complaint

    def _hostile_specs(self):
        specialist, manager = self.specialist, self.manager
        return [
            (
                {"draft": self._complaint, "decided": self._hostile_decided},
                {
                    "action_register": (specialist, ()),
                    "action_decide": (manager, ("rejected", "Нет оснований.")),
                    "action_send_answer": (specialist, ()),
                },
            ),
            (
                self._correction,
                {
                    "action_apply": (manager, ()),
                    "action_refuse": (manager, ("Опечатки нет.",)),
                },
            ),
        ]

    def test_every_action(self):
        self.assertTrue(self._hostile_walk())
