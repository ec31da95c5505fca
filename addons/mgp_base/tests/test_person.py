# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user
from odoo.tools import mute_logger

from odoo.addons.mgp_base.models.res_partner import normalize_snils, snils_checksum

from .common import MgpCommon


class TestPerson(MgpCommon):
    def test_checksum(self):
        # the example of the Pension Fund: 112-233-445 95
        self.assertEqual(snils_checksum("112233445"), 95)
        self.assertEqual(normalize_snils("11223344595"), "112-233-445 95")

    def test_snils_normalised(self):
        for raw in (
            "11223344595",
            "112 233 445 95",
            "112-233-445-95",
            " 112233445 95 ",
        ):
            person = self.env["res.partner"].new({"name": "X"})
            self.assertEqual(
                self.env["res.partner"]._mgp_normalize_snils(raw), "112-233-445 95"
            )
            self.assertTrue(person)
        partner = self.env["res.partner"].create(
            {"name": "Нормализация", "mgp_snils": "087 654 303 00"}
        )
        self.assertEqual(partner.mgp_snils, "087-654-303 00")

    def test_snils_invalid(self):
        with self.assertRaisesRegex(
            ValidationError, "контрольное число|control number"
        ):
            self.env["res.partner"].create(
                {"name": "Ошибка", "mgp_snils": "112-233-445 96"}
            )
        with self.assertRaisesRegex(ValidationError, "11"):
            self.env["res.partner"].create({"name": "Ошибка", "mgp_snils": "12345"})
        with self.assertRaises(ValidationError):
            self.person.write({"mgp_snils": "abc-def-ghi jk"})
        # nothing changed
        self.assertEqual(self.person.mgp_snils, "112-233-445 95")

    def test_snils_duplicate(self):
        with self.assertRaisesRegex(ValidationError, "SNILS|СНИЛС"):
            self.env["res.partner"].create(
                {"name": "Двойник", "mgp_snils": "112 233 445 95"}
            )
        other = self.env["res.partner"].create({"name": "Другой"})
        with self.assertRaises(ValidationError), mute_logger("odoo.sql_db"):
            other.write({"mgp_snils": "11223344595"})

    def test_snils_cleared(self):
        partner = self.env["res.partner"].create(
            {"name": "Очистка", "mgp_snils": "087-654-303 00"}
        )
        partner.mgp_snils = ""
        self.assertFalse(partner.mgp_snils)

    def test_ipra_dates(self):
        with self.assertRaises(ValidationError):
            self.person.write(
                {"mgp_ipra_date": "2026-02-01", "mgp_ipra_date_end": "2026-01-01"}
            )

    def test_disabled_flag(self):
        self.assertTrue(self.person.mgp_is_disabled)
        self.person.mgp_disability_group = False
        self.assertFalse(self.person.mgp_is_disabled)

    def test_only_suite_users_see_person_data(self):
        plain = new_test_user(
            self.env,
            login="mgp_plain_user",
            groups="base.group_user",
            company_id=self.company.id,
        )
        with self.assertRaises(AccessError):
            self.person.with_user(plain).read(["mgp_snils"])
        fields_info = self.env["res.partner"].with_user(plain).fields_get()
        self.assertNotIn("mgp_disability_group", fields_info)

    def _snils_seen_by(self, user):
        return self.person.with_user(user).read(["mgp_snils"])[0]["mgp_snils"]

    def test_person_data_by_need_to_know(self):
        # nobody's case yet: a specialist and the other centre see nothing
        for user in (self.specialist, self.specialist_2):
            self.assertFalse(self._snils_seen_by(user))
        with self.assertRaises(AccessError):  # another centre's contact
            self._snils_seen_by(self.manager_other)
        with self.assertRaises(AccessError):
            self.person.with_user(self.specialist).write({"mgp_disability_group": "1"})
        # the regional administrator sees every citizen
        self.assertEqual(self._snils_seen_by(self.admin), "112-233-445 95")
        # a record of the specialist about the person opens the data to him
        # and to the centre's manager, not to his colleague
        self.env["mgp.mse.request"].with_user(self.specialist).create(
            {"partner_id": self.person.id, "company_id": self.company.id}
        )
        self.assertEqual(self._snils_seen_by(self.specialist), "112-233-445 95")
        self.assertEqual(self._snils_seen_by(self.manager), "112-233-445 95")
        self.assertFalse(self._snils_seen_by(self.specialist_2))
        self.person.with_user(self.specialist).write({"mgp_ipra_number": "1/2026"})
        with self.assertRaises(AccessError):
            self.person.with_user(self.specialist_2).write({"mgp_ipra_number": "2"})
        self.assertEqual(self.person.mgp_ipra_number, "1/2026")
        # the list view's reader gets the same answer
        rows = (
            self.env["res.partner"]
            .with_user(self.specialist_2)
            .search_read([("id", "=", self.person.id)], ["mgp_snils", "name"])
        )
        self.assertEqual(rows[0]["name"], self.person.name)
        self.assertFalse(rows[0]["mgp_snils"])

    def test_no_probing_by_person_data(self):
        """Searching by a СНИЛС (or a disability group) finds only persons
        whose data the user may read."""
        Partner = self.env["res.partner"]
        probes = [
            [("mgp_snils", "=", "112-233-445 95")],
            [("mgp_snils", "ilike", "112")],
            [("mgp_disability_group", "!=", False), ("id", "=", self.person.id)],
        ]
        for domain in probes:
            for user in (self.specialist, self.specialist_2):
                self.assertFalse(Partner.with_user(user).search(domain), domain)
                self.assertEqual(Partner.with_user(user).search_count(domain), 0)
            self.assertIn(self.person, Partner.with_user(self.admin).search(domain))
        # a search through a relation is guarded the same way
        request = (
            self.env["mgp.mse.request"]
            .with_user(self.specialist)
            .create({"partner_id": self.person.id, "company_id": self.company.id})
        )
        by_relation = [("partner_id.mgp_snils", "=", "112-233-445 95")]
        self.assertEqual(
            self.env["mgp.mse.request"].with_user(self.specialist).search(by_relation),
            request,
        )
        # once the person is in his record, the specialist finds him
        self.assertEqual(
            Partner.with_user(self.specialist).search(probes[0]), self.person
        )
        self.assertFalse(Partner.with_user(self.specialist_2).search(probes[0]))
        # a search on other fields is untouched
        self.assertEqual(
            Partner.with_user(self.specialist_2).search([("id", "=", self.person.id)]),
            self.person,
        )

    def test_specialist_registers_a_person(self):
        person = (
            self.env["res.partner"]
            .with_user(self.specialist)
            .create(
                {
                    "name": "Новикова Вера Павловна",
                    "company_id": self.company.id,
                    "mgp_snils": "156 789 012 11",
                    "mgp_disability_group": "3",
                }
            )
        )
        self.assertEqual(person.mgp_snils, "156-789-012 11")
        person.with_user(self.specialist).mgp_ipra_number = "101.40.40/2026"
        with self.assertRaises(AccessError):
            person.with_user(self.specialist).unlink()
