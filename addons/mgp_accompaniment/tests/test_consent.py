# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Consent (152-FZ art. 9, 10; issue 18 §5): no data of the citizen go to
the NGO without his consent to the transfer, and a withdrawal stops the
transfer and is written in the history."""

from datetime import date

from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, JsonRpcException, new_test_user, tagged
from odoo.tools import mute_logger

from .common import AccompanimentCommon


@tagged("post_install", "-at_install")
class TestConsent(HttpCase, AccompanimentCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.person_3 = cls.env["res.partner"].create(
            {
                "name": "Сидоров Сидор Сидорович",
                "company_id": cls.company.id,
                "mgp_disability_group": "2",
            }
        )
        contact = cls.env["res.partner"].create(
            {"name": "Представитель А", "parent_id": cls.ngo_a.id}
        )
        cls.ngo_user = new_test_user(
            cls.env,
            login="mgp_consent_ngo",
            groups="base.group_portal",
            partner_id=contact.id,
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
        )
        cls.contract = cls._new_contract(cls.ngo_a, number="Д-С")

    def _rpc(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def _refused(self, model, method, args, kwargs=None):
        with mute_logger("odoo.http"), self.assertRaises(JsonRpcException):
            self._rpc(model, method, args, kwargs)

    def _ready_case(self, person):
        case = self._case(
            date(2025, 11, 5), activities=self.activities[:2], partner_id=person.id
        )
        case.action_decide_need(True, date(2025, 11, 5))
        case.action_record_ngo_consent(self.ngo_a, date(2025, 11, 6))
        return case

    def _assign(self, case):
        return self._rpc(
            "mgp.accompaniment",
            "action_assign_ngo",
            [case.ids, self.ngo_a.id, self.contract.id],
            {"assign_date": "2025-11-06"},
        )

    def test_no_ngo_without_consent(self):
        case = self._ready_case(self.person_3)
        self.authenticate(self.specialist.login, self.specialist.login)
        self._refused(
            "mgp.accompaniment",
            "action_assign_ngo",
            [case.ids, self.ngo_a.id, self.contract.id],
            {"assign_date": "2025-11-06"},
        )
        self.assertFalse(case.ngo_id)
        # a consent to the processing only is not a consent to the transfer
        self._new_consent(self.person_3, ngo_transfer=False)
        self._refused(
            "mgp.accompaniment",
            "action_assign_ngo",
            [case.ids, self.ngo_a.id, self.contract.id],
            {"assign_date": "2025-11-06"},
        )
        # nor a consent to the transfer to another NGO
        self._new_consent(self.person_3, ngo_id=self.ngo_b.id)
        self._refused(
            "mgp.accompaniment",
            "action_assign_ngo",
            [case.ids, self.ngo_a.id, self.contract.id],
            {"assign_date": "2025-11-06"},
        )
        self.assertFalse(case.ngo_id)
        # the citizen's written consent is recorded over JSON-RPC
        self._rpc(
            "mgp.consent",
            "create",
            [
                {
                    "partner_id": self.person_3.id,
                    "date_given": "2025-11-06",
                    "form": "written",
                    "scope_ngo_transfer": True,
                    "ngo_id": self.ngo_a.id,
                }
            ],
        )
        self.assertTrue(self._assign(case))
        self.assertEqual(case.ngo_id, self.ngo_a)
        self.assertTrue(case.mgp_ngo_consent)

    def test_withdrawal_stops_the_transfer(self):
        consent = self._new_consent(self.person_3, ngo_id=self.ngo_a.id)
        case = self._ready_case(self.person_3)
        case.action_assign_ngo(self.ngo_a, self.contract, assign_date=date(2025, 11, 6))
        self.authenticate(self.ngo_user.login, self.ngo_user.login)
        self.assertEqual(self.url_open(f"/my/ngo/case/{case.id}").status_code, 200)
        self.assertIn(case.name, self.url_open("/my/ngo/cases").text)
        # the specialist records the withdrawal
        self.authenticate(self.specialist.login, self.specialist.login)
        self._rpc("mgp.consent", "action_withdraw", [consent.ids])
        self.assertEqual(consent.state, "withdrawn")
        self.assertEqual(consent.withdrawn_by_id, self.specialist)
        self.assertFalse(case.mgp_ngo_consent)
        # the NGO no longer sees the case nor its activities
        self.authenticate(self.ngo_user.login, self.ngo_user.login)
        self.assertIn(self.url_open(f"/my/ngo/case/{case.id}").status_code, (403, 404))
        self.assertNotIn(case.name, self.url_open("/my/ngo/cases").text)
        self.assertFalse(
            self.env["mgp.accompaniment.line"]
            .with_user(self.ngo_user)
            .search([("accompaniment_id", "=", case.id)])
        )
        # journaled: the consent, the person and the case say so
        for record in (consent, self.person_3, case):
            bodies = " ".join(
                str(body) for body in record.sudo().message_ids.mapped("body")
            )
            self.assertIn("withdr", bodies, record)

    def test_consent_kept(self):
        consent = self._new_consent(self.person_3)
        for user in (self.specialist, self.admin):
            self.authenticate(user.login, user.login)
            self._refused("mgp.consent", "unlink", [consent.ids])
            for vals in (
                {"state": "withdrawn"},
                {"date_given": "2025-01-01"},
                {"scope_ngo_transfer": False},
                {"partner_id": self.person.id},
            ):
                with self.subTest(user=user.login, vals=vals):
                    self._refused("mgp.consent", "write", [consent.ids, vals])
        consent.invalidate_recordset()
        self.assertEqual(consent.state, "given")
        self.assertTrue(consent.scope_ngo_transfer)
        with self.assertRaises(ValidationError):
            self._new_consent(self.person_3, date_given="2099-01-01")
