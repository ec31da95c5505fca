# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date, timedelta

from psycopg2 import IntegrityError
from stdnum.ru import ogrn as stdnum_ogrn

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.mgp_base.models.mgp_today import centre_today

from .common import NgoCommon, make_inn, make_ogrn


@tagged("post_install", "-at_install")
class TestNgoRegistry(NgoCommon):
    def test_include_directly_by_contract(self):
        organisation = self._organisation(1)
        with self.assertRaises(UserError):  # inclusion is a manager's decision
            organisation.with_user(self.specialist).action_mgp_ngo_include()
        self.assertEqual(organisation.mgp_ngo_state, "none")
        organisation.with_user(self.manager).action_mgp_ngo_include()
        self.assertEqual(organisation.mgp_ngo_state, "included")
        self.assertEqual(organisation.mgp_ngo_basis, "contract")
        self.assertTrue(organisation.mgp_ngo_included_date)
        self.assertTrue(
            organisation.mgp_ngo_registry_number.startswith(f"{self.state.code}-НГО-")
        )
        with self.assertRaises(UserError):
            organisation.with_user(self.manager).action_mgp_ngo_include()

    def test_include_requires_inn_and_organisation(self):
        without_inn = self._organisation(2, vat=False)
        with self.assertRaises(UserError):
            without_inn.action_mgp_ngo_include()
        self.assertEqual(without_inn.mgp_ngo_state, "none")
        person = self.Partner.create(
            {"name": "Частное лицо", "vat": make_inn("402722222")}
        )
        with self.assertRaises(UserError):
            person.action_mgp_ngo_include()

    def test_inn_ogrn_checked_only_for_ngos(self):
        # an ordinary contact keeps whatever tax id it had
        contact = self.Partner.create(
            {"name": "Поставщик", "is_company": True, "vat": "1234567890"}
        )
        self.assertEqual(contact.vat, "1234567890")
        with self.assertRaises(ValidationError):
            contact.action_mgp_ngo_include()
        organisation = self._organisation(3)
        organisation.action_mgp_ngo_include()
        with self.assertRaises(ValidationError):
            organisation.write({"vat": "7707083894"})
        with self.assertRaises(ValidationError):
            organisation.write({"company_registry": "1027700132196"})

    def test_registry_numbers_per_region(self):
        other_state = self.env.ref("base.state_ru_tul")
        first = self._organisation(4)
        second = self._organisation(5)
        third = self._organisation(6, state_id=other_state.id)
        (first | second | third).action_mgp_ngo_include()
        self.assertNotEqual(
            first.mgp_ngo_registry_number, second.mgp_ngo_registry_number
        )
        self.assertTrue(third.mgp_ngo_registry_number.startswith("TUL-НГО-"))
        sequences = self.env["ir.sequence"].search(
            [("code", "=", f"mgp.ngo.registry.{other_state.id}")]
        )
        self.assertEqual(len(sequences), 1)
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.cr.savepoint(),
        ):
            second.mgp_ngo_registry_number = first.mgp_ngo_registry_number
            self.env.flush_all()

    def test_exclude_and_reinclude(self):
        organisation = self._organisation(7).with_context(tracking_disable=False)
        organisation.action_mgp_ngo_include()
        self.cr.flush()  # each decision is its own transaction: track it now
        number = organisation.mgp_ngo_registry_number
        with self.assertRaises(UserError):
            organisation.with_user(self.specialist)._mgp_ngo_exclude("Нет персонала")
        with self.assertRaises(UserError):
            organisation.with_user(self.manager)._mgp_ngo_exclude("  ")
        wizard = (
            self.env["mgp.ngo.exclude.wizard"]
            .with_user(self.manager)
            .create(
                {
                    "partner_ids": [(6, 0, organisation.ids)],
                    "reason": "Нет подготовленного персонала",
                    "date": organisation.mgp_ngo_included_date,
                }
            )
        )
        wizard.action_confirm()
        self.cr.flush()
        self.assertEqual(organisation.mgp_ngo_state, "excluded")
        self.assertEqual(
            organisation.mgp_ngo_exclusion_reason, "Нет подготовленного персонала"
        )
        self.assertTrue(organisation.mgp_ngo_excluded_date)
        # re-including an excluded organisation is a manager's decision
        with self.assertRaises(UserError):
            organisation.with_user(self.specialist).action_mgp_ngo_include()
        organisation.with_user(self.manager).action_mgp_ngo_include()
        self.assertEqual(organisation.mgp_ngo_state, "included")
        self.assertEqual(organisation.mgp_ngo_registry_number, number)
        self.assertFalse(organisation.mgp_ngo_exclusion_reason)
        self.cr.flush()
        tracked = organisation.message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "mgp_ngo_state"
        )
        labels = dict(
            self.Partner._fields["mgp_ngo_state"]._description_selection(self.env)
        )
        self.assertEqual(
            tracked.sorted("id").mapped("new_value_char"),
            [labels["excluded"], labels["included"]],
        )

    def test_status_changes_guarded_server_side(self):
        organisation = self._organisation(0)
        for user in (self.specialist, self.manager):
            for values in (
                {"mgp_ngo_state": "included"},
                {"mgp_ngo_included_date": date(2026, 1, 1)},
                {"mgp_ngo_basis": "application"},
            ):
                with self.assertRaises(UserError):
                    organisation.with_user(user).write(values)
        self.assertEqual(organisation.mgp_ngo_state, "none")
        organisation.with_user(self.manager).action_mgp_ngo_include()
        for user in (self.specialist, self.manager):
            for values in (
                {"mgp_ngo_state": "excluded"},
                {"mgp_ngo_state": "none"},
                {"mgp_ngo_excluded_date": date(2026, 1, 1)},
                {"mgp_ngo_exclusion_reason": "Без решения"},
            ):
                with self.assertRaises(UserError):
                    organisation.with_user(user).write(values)
        self.assertEqual(organisation.mgp_ngo_state, "included")
        # a natural person is never included
        person = self.Partner.create({"name": "Гражданин", "is_company": False})
        with self.assertRaises(UserError):
            person.with_user(self.manager).action_mgp_ngo_include()
        # nor created already included
        with self.assertRaises(UserError):
            self.Partner.with_user(self.specialist).create(
                {
                    "name": "Готовая",
                    "is_company": True,
                    "mgp_ngo_state": "included",
                    "mgp_ngo_registry_number": "KLU-НГО-0001",
                }
            )

    def test_direct_inclusion_refused_even_to_superuser(self):
        organisation = self._organisation(0)
        # no job (migration, import) includes without the transition
        with self.assertRaises(UserError):
            organisation.sudo().write({"mgp_ngo_state": "included"})
        self.assertEqual(organisation.mgp_ngo_state, "none")
        self.assertFalse(organisation.mgp_ngo_registry_number)
        # the other fields of the partner are written as usual
        organisation.sudo().write({"phone": "+7 4842 99-99-99"})
        organisation.with_user(self.specialist).write({"street": "ул. Новая, 1"})
        self.assertEqual(organisation.street, "ул. Новая, 1")
        organisation.with_user(self.manager).action_mgp_ngo_include()
        self.assertTrue(
            organisation.mgp_ngo_registry_number.startswith(f"{self.state.code}-НГО-")
        )
        self.assertEqual(organisation.mgp_ngo_included_date, centre_today(organisation))
        number = organisation.mgp_ngo_registry_number
        organisation.with_user(self.manager)._mgp_ngo_exclude("Причина")
        organisation.with_user(self.manager).action_mgp_ngo_include()
        self.assertEqual(organisation.mgp_ngo_registry_number, number)

    def test_registry_number_set_by_the_registry_only(self):
        organisation = self._organisation(1)
        organisation.with_user(self.manager).action_mgp_ngo_include()
        number = organisation.mgp_ngo_registry_number
        self.assertTrue(number)
        for user in (self.specialist, self.manager):
            with self.assertRaises(UserError):
                organisation.with_user(user).write(
                    {"mgp_ngo_registry_number": "KLU-НГО-9999"}
                )
        self.assertEqual(organisation.mgp_ngo_registry_number, number)

    def test_exclude_requires_included(self):
        organisation = self._organisation(8)
        with self.assertRaises(UserError):
            organisation.with_user(self.manager)._mgp_ngo_exclude("Причина")

    def test_exclusion_date_checked(self):
        organisation = self._organisation(8)
        organisation.action_mgp_ngo_include()
        organisation.mgp_ngo_included_date = date(2025, 3, 3)
        Manager = organisation.with_user(self.manager)
        with self.assertRaises(UserError):
            Manager._mgp_ngo_exclude(
                "Причина", centre_today(Manager) + timedelta(days=1)
            )
        with self.assertRaises(UserError):
            Manager._mgp_ngo_exclude("Причина", date(2025, 3, 2))
        self.assertEqual(organisation.mgp_ngo_state, "included")
        Manager._mgp_ngo_exclude("Причина", date(2025, 3, 3))
        self.assertEqual(organisation.mgp_ngo_excluded_date, date(2025, 3, 3))

    def test_user_ngo_partner(self):
        organisation = self._organisation(9)
        contact = self.Partner.create(
            {"name": "Представитель", "parent_id": organisation.id}
        )
        user = self.env["res.users"].create(
            {
                "name": "Представитель",
                "login": "ngo_rep_helper",
                "partner_id": contact.id,
                "group_ids": [(6, 0, self.env.ref("base.group_portal").ids)],
            }
        )
        self.assertFalse(user._mgp_ngo_partner())
        organisation.action_mgp_ngo_include()
        self.assertEqual(user._mgp_ngo_partner(), organisation)
        organisation.with_user(self.manager)._mgp_ngo_exclude("Причина")
        self.assertEqual(user._mgp_ngo_partner(), organisation)
        self.assertFalse(self.specialist._mgp_ngo_partner())

    def test_inn_and_ogrn_of_the_same_kind(self):
        inn = make_inn("402744455")
        ogrnip = next(
            f"30440270000012{digit}"
            for digit in range(10)
            if stdnum_ogrn.is_valid(f"30440270000012{digit}")
        )
        with self.assertRaisesRegex(ValidationError, "13"):
            self.env["res.partner"].create(
                {
                    "name": "АНО «Несовпадение»",
                    "is_company": True,
                    "vat": inn,
                    "company_registry": ogrnip,
                    "mgp_ngo_state": "included",
                }
            )
        partner = self.env["res.partner"].create(
            {
                "name": "АНО «Совпадение»",
                "is_company": True,
                "vat": inn,
                "company_registry": make_ogrn("116402744455"),
                "mgp_ngo_state": "included",
            }
        )
        self.assertEqual(partner.mgp_ngo_state, "included")
        with self.assertRaises(ValidationError):
            self.env["mgp.ngo.application"].create(
                {
                    "channel": "paper",
                    "org_name": "АНО «Несовпадение»",
                    "inn": make_inn("402744466"),
                    "ogrn": ogrnip,
                }
            )
