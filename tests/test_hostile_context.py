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
from odoo.addons.mgp_api.tests import test_transition_table as api_walk
from odoo.addons.mgp_base.tests.common import MgpCommon
from odoo.addons.mgp_base.tests.common_consent import give_consent
from odoo.addons.mgp_base.tests.common_documents import provide_documents
from odoo.addons.mgp_complaint.tests.common import ComplaintCommon
from odoo.addons.mgp_employer_programmes.tests import (
    test_transition_table as programmes_walk,
)
from odoo.addons.mgp_employer_programmes.tests.common import ProgrammesCommon
from odoo.addons.mgp_enquiry.tests.test_inspection import InspectionCommon
from odoo.addons.mgp_import.tests.common import MgpImportCommon
from odoo.addons.mgp_ngo_registry.tests.common import NgoCommon
from odoo.addons.mgp_quota.tests.common import QuotaCommon
from odoo.addons.mgp_social_employment.tests.common import SocempCommon
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

    def test_every_table_is_walked_with_a_hostile_context(self):
        """Every model with a public action in its transition table is
        walked by one of the hostile classes of this file."""
        with_actions = {
            name
            for name in self.env.registry
            if hasattr(self.env[name], "_mgp_transition_table")
            and not self.env[name]._abstract
            and any(
                key.startswith("action_")
                for key in self.env[name]._mgp_transition_table()
            )
        }
        walked = set()
        for value in globals().values():
            if isinstance(value, type) and issubclass(value, HostileWalkMixin):
                walked.update(value.HOSTILE_MODELS)
        self.assertGreater(len(with_actions), 20)
        self.assertEqual(walked, with_actions)


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
    # mgp_social_employment's receipt acts on its own requests only (those
    # addressed to a participant of this installation), never on service 1's
    HOSTILE_REFUSED_ONLY = {
        ("mgp.mse.request", "action_socemp_receipt"): "a social-employment request",
    }

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
                    **(
                        {"action_socemp_receipt": (specialist, (DAY,))}
                        if "action_socemp_receipt"
                        in self.env["mgp.mse.request"]._mgp_transition_table()
                        else {}
                    ),
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
    HOSTILE_ROLES = ("specialist", "manager", "admin", "rep")

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


@tagged("post_install", "-at_install")
class TestHostileBase(HostileWalkMixin, HttpCase, MgpCommon):
    """The consent and the API outbox."""

    HOSTILE_MODELS = ("mgp.consent", "mgp.api.event")

    def _hostile_specs(self):
        return [
            (
                lambda: give_consent(self.person, company=self.company),
                {
                    "action_withdraw": (
                        self.specialist,
                        ("Отзыв по заявлению", date(2025, 2, 1)),
                    )
                },
            ),
            (
                lambda: api_walk.TestTransitionTable._event(self),
                {
                    "action_retry": (self.admin, ()),
                    "action_deliver_now": (self.admin, ()),
                },
            ),
        ]

    def test_every_action(self):
        self.assertTrue(self._hostile_walk())


@tagged("post_install", "-at_install")
class TestHostileEnquiry(HostileWalkMixin, HttpCase, InspectionCommon):
    """Enquiries and inspections."""

    HOSTILE_MODELS = ("mgp.enquiry", "mgp.inspection")

    def _started(self):
        inspection = self._inspection(conclusion="Выводы.")
        inspection.with_user(self.manager).action_start(date(2026, 4, 2))
        return inspection

    def _hostile_specs(self):
        specialist, manager = self.specialist, self.manager
        return [
            (
                self._enquiry,
                {
                    "action_register": (specialist, (date(2025, 12, 26),)),
                    "action_answer": (specialist, ("Ответ дан.", date(2025, 12, 29))),
                    "action_cancel": (specialist, ("Отозван",)),
                },
            ),
            (
                {
                    "planned": lambda: self._inspection(conclusion="Выводы."),
                    "in_progress": self._started,
                },
                {
                    "action_start": (manager, (date(2026, 4, 2),)),
                    "action_close": (manager, (date(2026, 4, 3),)),
                },
            ),
        ]

    def test_every_action(self):
        self.assertTrue(self._hostile_walk())


@tagged("post_install", "-at_install")
class TestHostileImport(HostileWalkMixin, HttpCase, MgpImportCommon):
    """The import job."""

    HOSTILE_MODELS = ("mgp.import.job",)
    HOSTILE_ROLES = ("specialist", "manager", "admin", "importer")

    def _hostile_specs(self):
        importer = self.importer
        return [
            (
                lambda: self._job(
                    "person", ["external_id", "name"], [["P-1", "Иванов"]]
                ),
                {
                    "action_check": (importer, ()),
                    "action_import": (importer, ()),
                    "action_resume": (importer, ()),
                },
            )
        ]

    def test_every_action(self):
        self.assertTrue(self._hostile_walk())


@tagged("post_install", "-at_install")
class TestHostileNgoRegistry(HostileWalkMixin, HttpCase, NgoCommon):
    """The NGO applications, contracts and the register's state."""

    HOSTILE_MODELS = ("mgp.ngo.application", "mgp.ngo.contract", "res.partner")

    def _contract(self):
        return (
            self.env["mgp.ngo.contract"]
            .with_user(self.specialist)
            .create(
                {
                    "partner_id": self._organisation(2).id,
                    "number": "Т-1",
                    "date": "2025-02-01",
                    "date_start": "2025-02-01",
                    "mgp_activity_ids": [(6, 0, self.activities[:2].ids)],
                }
            )
        )

    def _hostile_specs(self):
        specialist, manager = self.specialist, self.manager
        return [
            (
                lambda: self._submitted_application(1),
                {
                    "action_submit": (specialist, ()),
                    "action_take_review": (specialist, ()),
                    "action_approve": (manager, ()),
                    "action_reject": (manager, ("Нет персонала",)),
                    "action_open_reject_wizard": (manager, ()),
                },
            ),
            (
                self._contract,
                {
                    "action_activate": (specialist, ()),
                    "action_cancel": (specialist, ()),
                    "action_create_amendment": (specialist, ()),
                },
            ),
            (
                lambda: self._organisation(3),
                {
                    "action_mgp_ngo_include": (manager, ()),
                    "action_mgp_ngo_open_exclude_wizard": (manager, ()),
                },
            ),
        ]

    def test_every_action(self):
        self.assertTrue(self._hostile_walk())


@tagged("post_install", "-at_install")
class TestHostileQuota(HostileWalkMixin, HttpCase, QuotaCommon):
    """The employer's quota: reports, referrals, workplaces, reservations,
    trainees, notices."""

    HOSTILE_MODELS = (
        "mgp.quota.report",
        "mgp.quota.referral",
        "mgp.quota.workplace",
        "mgp.quota.reservation",
        "mgp.quota.trainee",
        "mgp.quota.notice",
        "mgp.quota.local.act.report",
    )
    HOSTILE_ROLES = ("specialist_region", "manager", "rep")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.person = cls.env["res.partner"].create({"name": "Соискатель Пётр"})
        cls.authority = cls.env["res.partner"].create(
            {"name": "Министерство труда (тест)", "is_company": True}
        )

    def _workplace(self):
        return self.env["mgp.quota.workplace"].create(
            {
                "name": "Оператор ЭВМ",
                "employer_id": self.employer.id,
                "company_id": self.company_region.id,
            }
        )

    def _reservation(self):
        return self.env["mgp.quota.reservation"].create(
            {
                "name": "ДР-7/2026",
                "date": date(2026, 1, 10),
                "employer_id": self.employer.id,
                "company_id": self.company_region.id,
            }
        )

    def _report_with_line(self):
        report = self._report()
        self._line(report, "2")
        return report

    def _hostile_specs(self):
        user = self.specialist_region
        mine = self.env["res.partner"].with_user(user).env
        return [
            (
                self._report_with_line,
                {
                    "action_submit": (user, ()),
                    "action_accept": (user, ()),
                    "action_return": (user, ("Не указаны работники",)),
                },
            ),
            (
                lambda: mine["mgp.quota.referral"].create(
                    {
                        "partner_id": self.person.id,
                        "workplace_id": self._workplace().id,
                        "company_id": self.company_region.id,
                    }
                ),
                {
                    "action_send": (user, ()),
                    "action_cancel": (user, ()),
                    "action_register_hire": (user, (date(2026, 1, 13),)),
                    "action_register_refusal": (user, ("Вакансия закрыта",)),
                },
            ),
            (
                self._workplace,
                dict.fromkeys(
                    ("action_release", "action_close", "action_reopen"), (user, ())
                ),
            ),
            (
                self._reservation,
                dict.fromkeys(("action_close", "action_reopen"), (user, ())),
            ),
            (
                self._trainee,
                dict.fromkeys(
                    ("action_mark_trained", "action_drop", "action_refer"), (user, ())
                ),
            ),
            (
                self._collected_notice,
                dict.fromkeys(("action_collect", "action_send"), (user, ())),
            ),
            (
                self._local_acts,
                {
                    "action_submit": (user, ()),
                    "action_accept": (user, ()),
                    "action_return": (user, ("Нет заверенных копий",)),
                },
            ),
        ]

    def _trainee(self):
        """A trainee of a workplace the contract reserves (seed 004:67)."""
        reservation = self._reservation()
        workplace = self._workplace()
        workplace.write({"reservation_id": reservation.id, "reserved": True})
        return (
            self.env["mgp.quota.trainee"]
            .with_user(self.specialist_region)
            .create(
                {
                    "reservation_id": reservation.id,
                    "partner_id": self.person.id,
                    "profession": workplace.profession or workplace.name,
                    "workplace_id": workplace.id,
                }
            )
            .with_env(self.env)
        )

    def _local_acts(self):
        """The employer's monthly local-acts report (seed 004:162), with
        nothing to file this month."""
        report = self.env["mgp.quota.local.act.report"].create(
            {
                "employer_id": self.employer.id,
                "company_id": self.company_region.id,
                "date_from": date(2026, 4, 1),
                "date_to": date(2026, 4, 30),
            }
        )
        report.no_acts = True
        return report

    def _collected_notice(self):
        """A notice listing the employer whose report is not filed."""
        self._line(self._report(employer=self.employer_2), "2")
        notice = (
            self.env["mgp.quota.notice"]
            .with_user(self.specialist_region)
            .create(
                {
                    "company_id": self.company_region.id,
                    "authority_id": self.authority.id,
                    "date_from": date(2026, 1, 1),
                    "date_to": date(2026, 3, 31),
                }
            )
        )
        notice.action_collect()
        return notice.with_env(self.env)

    def test_every_action(self):
        self.assertTrue(self._hostile_walk())


@tagged("post_install", "-at_install")
class TestHostileSocialEmployment(HostileWalkMixin, HttpCase, SocempCommon):
    """Social employment: the register record and the need notice."""

    HOSTILE_MODELS = ("mgp.socemp.record", "mgp.socemp.notice")
    HOSTILE_ROLES = ("ministry_user", "org_a_user", "org_b_user", "centre_user")

    def _notice(self):
        return (
            self.env["mgp.socemp.notice"]
            .with_user(self.ministry_user)
            .create(
                {
                    "date": date(2025, 12, 1),
                    "sender_id": self.ministry.id,
                    "recipient_ids": [(6, 0, self.org_a.ids)],
                    "partner_ids": [(6, 0, self.person.ids)],
                }
            )
        )

    def _sent_notice(self):
        notice = self._notice()
        notice.with_user(self.ministry_user).action_send()
        return notice

    def _with_medical(self, record):
        self._medical_checked(record)
        return record

    def _hostile_specs(self):
        org = self.org_a_user
        return [
            (
                {
                    "identified": lambda: self._record(
                        medical_date=date(2025, 12, 4), medical_result="none"
                    ),
                    # the medical conclusion filed and checked (003:108)
                    "consented": lambda: self._with_medical(
                        self._consented(
                            partner=self.person_2,
                            medical_date=date(2025, 12, 4),
                            medical_result="none",
                        )
                    ),
                },
                {
                    "action_inform": (org, (date(2025, 12, 3),)),
                    "action_consent": (org, (date(2025, 12, 5),)),
                    "action_start": (org, (date(2025, 12, 8),)),
                    "action_withdraw_consent": (org, (date(2025, 12, 9),)),
                    "action_end": (org, ("moved", date(2025, 12, 10))),
                },
            ),
            (
                {"draft": self._notice, "sent": self._sent_notice},
                {
                    "action_send": (self.ministry_user, ()),
                    "action_mark_read": (org, ()),
                    "action_acknowledge": (org, ()),
                    "action_create_records": (org, ()),
                },
            ),
        ]

    def test_every_action(self):
        self.assertTrue(self._hostile_walk())


@tagged("post_install", "-at_install")
class TestHostileEmployerProgrammes(HostileWalkMixin, HttpCase, ProgrammesCommon):
    """Subsidies, business aid and training referrals."""

    HOSTILE_MODELS = (
        "mgp.subsidy.application",
        "mgp.subsidy.agreement",
        "mgp.business.aid",
        "mgp.training.referral",
    )
    HOSTILE_ROLES = ("specialist", "manager", "admin", "rep")

    def _complete_submitted(self):
        application = self._complete(self._application())
        application.with_user(self.specialist).action_submit(programmes_walk.DAY)
        return application

    # ------------------------------------------------------------------
    # Starting records with each action's preconditions met
    # ------------------------------------------------------------------
    def _refund_due(self):
        """Paid, its worker dismissed by the employer after a month: a refund
        is due (seed 004:115); a small one, each of them within the
        budget's limit."""
        agreement = self._paid_agreement(amount=20000)
        workplace = agreement.workplace_ids.with_user(self.specialist)
        workplace.action_hire(self.person, date(2026, 1, 15))
        workplace.employment_ids.action_dismiss(date(2026, 2, 15), "employer_no_fault")
        self.assertEqual(agreement.refund_state, "due")
        return agreement

    def _refund_claimed(self):
        agreement = self._refund_due().with_user(self.specialist)
        agreement.action_claim_refund(date(2026, 2, 20))
        self.assertEqual(agreement.refund_state, "claimed")
        return agreement

    def _agreement_closable(self):
        """The refund repaid in full and the reports on the use of the
        subsidy received and checked (004:108–110)."""
        agreement = self._refund_claimed()
        agreement.action_record_repayment(agreement.claim_amount, date(2026, 2, 25))
        self.assertEqual(agreement.refund_state, "repaid")
        provide_documents(agreement)
        return agreement

    def _aid_ready(self):
        """An unemployed disabled adult registered at the place of residence,
        the plan and its documents received (004:187–188), the MSE bureau's
        member on the commission (004:190), the business registered before
        the payment (004:184)."""
        aid = (
            self.env["mgp.business.aid"]
            .with_user(self.specialist)
            .create(
                {
                    # the aid is once in a lifetime: not the walk's person
                    "partner_id": self.person_2.id,
                    "company_id": self.company.id,
                    "date_application": date(2026, 2, 2),
                    "birth_date": date(1990, 5, 17),
                    "unemployed_date": date(2026, 1, 20),
                    "registered_at_residence": True,
                    "business_activity": "Ремонт обуви",
                    "legal_form": "entrepreneur",
                    "purpose_ids": [
                        (
                            6,
                            0,
                            self.env.ref(
                                "mgp_employer_programmes.business_purpose_3"
                            ).ids,
                        )
                    ],
                    "commission_mse_member": "Иванова И. И., бюро МСЭ № 3",
                    "registration_date": date(2026, 3, 1),
                }
            )
        )
        provide_documents(aid)
        return aid

    def _referral_ready(self):
        """The IPRA recommends the training and its extract is checked
        (004:217), the school licensed and under contract."""
        school = self.env["res.partner"].create(
            {"name": "ГАПОУ «Колледж»", "is_company": True}
        )
        referral = (
            self.env["mgp.training.referral"]
            .with_user(self.specialist)
            .create(
                {
                    "partner_id": self.person.id,
                    "company_id": self.company.id,
                    "ground": "no_qualification",
                    "aim": "reserved_workplace",
                    "profession_id": self.env.ref(
                        "mgp_employer_programmes.training_profession_1"
                    ).id,
                    "ipra_recommends": True,
                    "school_id": school.id,
                    "school_license": "Л035-01234-40/00123456",
                    "school_contract": "К-12",
                    "stipend_amount": 2000,
                    "condition_ids": [
                        (
                            6,
                            0,
                            self.env.ref(
                                "mgp_employer_programmes.training_condition_2"
                            ).ids,
                        )
                    ],
                }
            )
        )
        provide_documents(referral)
        return referral

    def _hostile_builders(self, record):
        if record._name == "mgp.subsidy.application":
            return {"draft": record, "action_grant": self._complete_submitted}
        if record._name == "mgp.subsidy.agreement":
            return {
                "draft": record,
                "action_claim_refund": self._refund_due,
                "action_record_repayment": self._refund_claimed,
                "action_close": self._agreement_closable,
            }
        if record._name == "mgp.business.aid":
            return {"draft": self._aid_ready}
        if record._name == "mgp.training.referral":
            return {"draft": self._referral_ready}
        return record

    def _hostile_specs(self):
        specs = []
        for record, calls in programmes_walk.TestTransitionTable._records(self):
            table = record._mgp_transition_table()
            specs.append(
                (
                    self._hostile_builders(record),
                    {
                        name: (
                            programmes_walk.TestTransitionTable._user(
                                self, table[name]
                            ),
                            args,
                        )
                        for name, args in calls.items()
                        if args is not None  # the engine's own step
                    },
                )
            )
        return specs

    def test_every_action(self):
        self.assertTrue(self._hostile_walk())
