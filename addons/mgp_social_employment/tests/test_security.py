# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import AccessError

from .common import SocempCommon


class TestSecurity(SocempCommon):
    """Need to know (003:103): an organisation sees only its records, the
    ministry all, the employment centre none unless the region shares."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Record = cls.env["mgp.socemp.record"]
        cls.record_a = Record.create(
            {"partner_id": cls.person.id, "organisation_id": cls.org_a.id}
        )
        cls.record_b = Record.create(
            {"partner_id": cls.person_2.id, "organisation_id": cls.org_b.id}
        )

    def _visible(self, user):
        # the test's organisations only (demo data may hold others)
        return (
            self.env["mgp.socemp.record"]
            .with_user(user)
            .search([("organisation_id", "in", (self.org_a | self.org_b).ids)])
        )

    def test_organisation_sees_only_its_records(self):
        self.assertEqual(self._visible(self.org_a_user), self.record_a)
        self.assertEqual(self._visible(self.org_b_user), self.record_b)
        with self.assertRaises(AccessError):
            self.record_b.with_user(self.org_a_user).read(["partner_id"])
        with self.assertRaises(AccessError):
            self.record_b.with_user(self.org_a_user).action_inform(date(2025, 12, 3))

    def test_ministry_sees_all(self):
        self.assertEqual(
            self._visible(self.ministry_user), self.record_a | self.record_b
        )

    def test_centre_sees_none_unless_shared(self):
        self.assertFalse(self._visible(self.centre_user))
        self.region.mgp_socemp_share_centres = True
        self.assertEqual(self._visible(self.centre_user), self.record_a | self.record_b)
        with self.assertRaises(AccessError):
            self.record_a.with_user(self.centre_user).write(
                {"ipra_recommendation": "x"}
            )
        # the centre of another region still sees nothing
        company_klu = self.env["res.company"].create(
            {
                "name": "ЦЗН Калужский (тест)",
                "state_id": self.env.ref("base.state_ru_klu").id,
            }
        )
        user_klu = self._user(
            "test_socemp_centre_klu", "mgp_base.group_specialist", company_klu
        )
        self.assertFalse(self._visible(user_klu))

    def test_person_data_need_to_know(self):
        def birth_date(user, partner):
            return partner.with_user(user).read(["mgp_birth_date"])[0]["mgp_birth_date"]

        self.assertEqual(birth_date(self.org_a_user, self.person), date(1990, 5, 17))
        self.assertFalse(birth_date(self.org_a_user, self.person_2))
        self.assertEqual(birth_date(self.org_b_user, self.person_2), date(1985, 1, 9))
        self.assertEqual(birth_date(self.ministry_user, self.person), date(1990, 5, 17))
        self.assertFalse(birth_date(self.centre_user, self.person))
        self.region.mgp_socemp_share_centres = True
        self.assertEqual(birth_date(self.centre_user, self.person), date(1990, 5, 17))

    def test_person_data_search_guarded(self):
        Partner = self.env["res.partner"].with_user(self.org_b_user)
        self.assertFalse(Partner.search([("mgp_birth_date", "=", date(1990, 5, 17))]))
        self.assertEqual(
            Partner.search([("mgp_birth_date", "=", date(1985, 1, 9))]), self.person_2
        )

    def test_person_data_write_guarded(self):
        with self.assertRaises(AccessError):
            self.person.with_user(self.org_b_user).write(
                {"mgp_birth_date": date(1991, 1, 1)}
            )
        self.person.with_user(self.org_a_user).write(
            {"mgp_birth_date": date(1990, 5, 18)}
        )
        self.assertEqual(self.person.mgp_birth_date, date(1990, 5, 18))

    def test_directory_kept_by_the_ministry(self):
        with self.assertRaises(AccessError):
            self.org_a.with_user(self.org_a_user).write({"name": "Иное"})
        self.org_a.with_user(self.ministry_user).write({"channel": "paper"})
        self.assertEqual(self.org_a.channel, "paper")
        with self.assertRaises(AccessError):
            self.service_assist.with_user(self.org_a_user).write({"name": "x"})
