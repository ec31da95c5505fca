# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The access journal: written for each read path, refused to every
writer, purged only by its cron; break-glass access with a reason."""

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged
from odoo.tools import SQL

from .common import MgpCommon

SPEC = {"name": {}, "mgp_snils": {}, "mgp_disability_group": {}}


class AccessLogMixin:
    def _entries(self, **conditions):
        """The journal's entries about the test's person, after the
        transaction's queued rows are written."""
        self.env.cr.flush()
        domain = [("partner_id", "=", self.person.id)]
        domain += [(name, "=", value) for name, value in conditions.items()]
        return self.env["mgp.access.log"].search(domain)


class TestAccessLog(AccessLogMixin, MgpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["mgp.mse.request"].with_user(cls.specialist).create(
            {"partner_id": cls.person.id, "company_id": cls.company.id}
        )
        cls.officer = cls._new_user(
            "mgp_officer", "group_data_protection_officer", cls.company
        )
        cls.specialist.write(
            {"group_ids": [(4, cls.env.ref("base.group_allow_export").id)]}
        )

    def test_read_is_journaled_in_one_statement(self):
        before = len(self._entries(operation="read"))
        person_2 = self.env["res.partner"].create(
            {"name": "Второй", "mgp_disability_group": "3"}
        )
        self.env["mgp.mse.request"].with_user(self.specialist).create(
            {"partner_id": person_2.id, "company_id": self.company.id}
        )
        self.env.cr.flush()
        partners = (self.person | person_2).with_user(self.specialist)
        partners.read(["mgp_snils", "mgp_disability_group"])
        # queued as one event of two persons (nothing per person), written
        # in one statement when the transaction commits
        queued = self.env.cr.precommit.data["mgp.access.log"]
        self.assertEqual(len(queued), 1)
        self.assertEqual(sorted(*queued.values()), sorted(partners.ids))
        entries = self._entries(operation="read")
        self.assertEqual(len(entries) - before, 1)
        entry = entries[0]
        self.assertEqual(entry.user_id, self.specialist)
        self.assertEqual(entry.path, "server")
        self.assertEqual(entry.field_names, "mgp_disability_group,mgp_snils")
        self.assertTrue(
            self.env["mgp.access.log"].search(
                [("partner_id", "=", person_2.id), ("operation", "=", "read")]
            )
        )

    def test_masked_read_is_not_a_read(self):
        self.person.with_user(self.specialist_2).read(["mgp_snils"])
        self.assertFalse(self._entries(user_id=self.specialist_2.id))

    def test_change_is_journaled(self):
        self.person.with_user(self.specialist).write({"mgp_ipra_number": "ИПРА-7"})
        entry = self._entries(operation="change")[:1]
        self.assertEqual(entry.field_names, "mgp_ipra_number")
        self.assertEqual(entry.user_id, self.specialist)

    def test_export_is_journaled(self):
        self.person.with_user(self.specialist).export_data(["name", "mgp_snils"])
        self.assertTrue(self._entries(path="export", user_id=self.specialist.id))

    def test_journal_refused_to_every_writer(self):
        self.person.with_user(self.specialist).read(["mgp_snils"])
        entry = self._entries()[:1]
        self.assertTrue(entry)
        Log = self.env["mgp.access.log"]
        for env in (self.env, self.env(user=self.admin), self.env(user=self.officer)):
            with self.assertRaises(AccessError):
                Log.with_env(env).create(
                    {
                        "date": fields.Datetime.now(),
                        "user_id": self.admin.id,
                        "partner_id": self.person.id,
                        "operation": "read",
                        "path": "form",
                    }
                )
            with self.assertRaises(AccessError):
                entry.with_env(env).write({"field_names": "name"})
            with self.assertRaises(AccessError):
                entry.with_env(env).unlink()
        self.assertTrue(entry.exists())
        # only the officer and the regional administrator read it
        self.assertTrue(entry.with_user(self.officer).field_names)
        self.assertTrue(entry.with_user(self.admin).field_names)
        with self.assertRaises(AccessError):
            entry.with_user(self.manager).read(["field_names"])

    def test_retention_cron_is_the_only_deleter(self):
        self.person.with_user(self.specialist).read(["mgp_snils"])
        entries = self._entries()
        old = entries[:1]
        # the test ages one entry past the retention period
        self.env.cr.execute(
            SQL(
                "UPDATE mgp_access_log SET date = %s WHERE id = %s",
                fields.Datetime.now() - relativedelta(months=13),
                old.id,
            )
        )
        self.env["mgp.access.log"]._cron_purge()
        self.assertFalse(old.exists())
        self.assertEqual(len(entries - old), len(self._entries()))

    def test_break_glass(self):
        Partner = self.env["res.partner"].with_user(self.specialist_2)
        person = Partner.browse(self.person.id)
        self.assertFalse(person.mgp_person_data_readable)
        self.assertFalse(person.read(["mgp_snils"])[0]["mgp_snils"])
        Wizard = self.env["mgp.break.glass.wizard"].with_user(self.specialist_2)
        with self.assertRaises(UserError):
            Wizard.create({"partner_id": person.id, "reason": "надо"}).action_confirm()
        Wizard.create(
            {"partner_id": person.id, "reason": "Гражданин пришёл без записи"}
        ).action_confirm()
        person.invalidate_recordset()
        self.assertTrue(person.mgp_person_data_readable)
        self.assertEqual(person.read(["mgp_snils"])[0]["mgp_snils"], "112-233-445 95")
        entry = self._entries(operation="break_glass")
        self.assertEqual(entry.reason, "Гражданин пришёл без записи")
        self.assertEqual(entry.user_id, self.specialist_2)
        # grants are made by the wizard only
        with self.assertRaises(AccessError):
            self.env["mgp.person.access.grant"].with_user(self.specialist_2).create(
                {
                    "partner_id": person.id,
                    "user_id": self.specialist_2.id,
                    "reason": "x",
                    "date": fields.Datetime.now(),
                    "date_expiry": fields.Datetime.now(),
                }
            )

    def test_taking_a_person_into_a_record_is_journaled(self):
        """A record of a source of need to know created for a person whose
        data the user could not read gives him that data: the taking is
        journaled with the record; a record for a person he already reads
        is not a taking."""
        # the class's request took the person into the specialist's work
        first = self._entries(operation="take")
        self.assertEqual(first.user_id, self.specialist)
        self.assertEqual(first.res_model, "mgp.mse.request")
        Request = self.env["mgp.mse.request"].with_user(self.specialist_2)
        self.assertFalse(
            self.person.with_user(self.specialist_2).mgp_person_data_readable
        )
        request = Request.create(
            {"partner_id": self.person.id, "company_id": self.company.id}
        )
        entry = self._entries(operation="take", user_id=self.specialist_2.id)
        self.assertEqual(len(entry), 1)
        self.assertEqual((entry.res_model, entry.res_id), (request._name, request.id))
        Request.create({"partner_id": self.person.id, "company_id": self.company.id})
        self.assertEqual(len(self._entries(operation="take")), 2)
        # the superuser's (an action's, the demo's) records take nobody
        self.env["mgp.mse.request"].create(
            {"partner_id": self.person.id, "company_id": self.company.id}
        )
        self.assertEqual(len(self._entries(operation="take")), 2)

    def test_break_glass_refused_for_another_centre(self):
        stranger = self.env["res.partner"].create(
            {
                "name": "Чужой",
                "company_id": self.company_other.id,
                "mgp_disability_group": "1",
            }
        )
        wizard = (
            self.env["mgp.break.glass.wizard"]
            .with_user(self.specialist)
            .create({"partner_id": stranger.id, "reason": "Хочу посмотреть данные"})
        )
        with self.assertRaises(UserError):
            wizard.action_confirm()


@tagged("post_install", "-at_install")
class TestAccessLogHttp(AccessLogMixin, HttpCase):
    """The journal over HTTP, as the web client and an API client read."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # as served without a replica: read-only routes get the primary's
        # cursor (on a replica the journal is written after the request)
        cls.set_registry_readonly_mode(False)
        cls.company = cls.env["res.company"].create({"name": "ЦЗН Журнальный"})
        cls.specialist = MgpCommon._new_user.__func__(
            cls, "mgp_specialist", "group_specialist", cls.company
        )
        cls.person = cls.env["res.partner"].create(
            {
                "name": "Журналов Тест",
                "company_id": cls.company.id,
                "mgp_snils": "112-233-445 95",
                "mgp_disability_group": "2",
            }
        )
        cls.env["mgp.mse.request"].with_user(cls.specialist).create(
            {"partner_id": cls.person.id, "company_id": cls.company.id}
        )
        cls.specialist.write(
            {
                "password": "mgp_specialist-pass1",
                "group_ids": [(4, cls.env.ref("base.group_allow_export").id)],
            }
        )

    def _rpc(self, model, method, args, kwargs=None):
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
        answer = response.json()
        self.assertIn("result", answer, answer.get("error"))
        return answer

    def test_paths(self):
        self.authenticate("mgp_specialist", "mgp_specialist-pass1")
        answer = self._rpc(
            "res.partner", "web_read", [self.person.ids], {"specification": SPEC}
        )
        self.assertEqual(answer["result"][0]["mgp_snils"], "112-233-445 95", answer)
        self.assertTrue(self._entries(path="form", user_id=self.specialist.id))
        answer = self._rpc(
            "res.partner",
            "web_search_read",
            [[("id", "=", self.person.id)], SPEC],
        )
        self.assertEqual(answer["result"]["records"][0]["mgp_snils"], "112-233-445 95")
        self.assertTrue(self._entries(path="list"))
        answer = self._rpc(
            "res.partner", "export_data", [self.person.ids, ["name", "mgp_snils"]]
        )
        self.assertEqual(answer["result"]["datas"][0][1], "112-233-445 95")
        self.assertTrue(self._entries(path="export"))
