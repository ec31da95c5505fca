# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, UserError

from .common import NgoCommon, _new_user


class TestSocialOrder(NgoCommon):
    """The registry pre-filled with the organisations that take part in the
    social order (Федеральный закон № 189-ФЗ): a basis of inclusion of its
    own, set by a regional administrator's wizard or by an application."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin = _new_user(cls, "ngo_region_admin", "mgp_base.group_admin")
        cls.reference = "Реестр исполнителей социального заказа № 7 от 01.02.2025"

    def _wizard(self, user, partners, **vals):
        return (
            self.env["mgp.ngo.social.order.wizard"]
            .with_user(user)
            .create(
                dict(
                    {
                        "partner_ids": [(6, 0, partners.ids)],
                        "social_order_ref": self.reference,
                        "activity_ids": [(6, 0, self.activities[:2].ids)],
                    },
                    **vals,
                )
            )
        )

    def test_prefill_from_social_order(self):
        first, second = self._organisation(1), self._organisation(2)
        # one already in the registry keeps its number and basis
        second._mgp_ngo_include("contract")
        number = second.mgp_ngo_registry_number
        self._wizard(self.admin, first | second).action_confirm()
        self.assertEqual(first.mgp_ngo_state, "included")
        self.assertEqual(first.mgp_ngo_basis, "social_order")
        self.assertEqual(first.mgp_ngo_social_order_ref, self.reference)
        self.assertTrue(first.mgp_ngo_registry_number)
        self.assertEqual(first.mgp_ngo_activity_ids, self.activities[:2])
        self.assertEqual(second.mgp_ngo_basis, "contract")
        self.assertEqual(second.mgp_ngo_registry_number, number)
        self.assertEqual(second.mgp_ngo_social_order_ref, self.reference)
        # the basis is the engine's: no client changes it
        with self.assertRaises(UserError):
            first.with_user(self.admin).write({"mgp_ngo_social_order_ref": "Другой"})

    def test_only_regional_administrator(self):
        organisation = self._organisation(3)
        with self.assertRaises(AccessError):
            self._wizard(self.manager, organisation).action_confirm()
        self.assertEqual(organisation.mgp_ngo_state, "none")

    def test_organisation_without_inn_refused(self):
        organisation = self._organisation(4, vat=False)
        with self.assertRaises(UserError):
            self._wizard(self.admin, organisation).action_confirm()
        self.assertEqual(organisation.mgp_ngo_state, "none")

    def test_application_of_a_social_order_participant(self):
        application = self._submitted_application(
            5, inclusion_basis="social_order", social_order_ref=False
        )
        # the social order it takes part in is required for the approval
        self.assertIn("social order", application.approval_missing)
        with self.assertRaises(UserError):
            application.with_user(self.manager).action_approve()
        application.with_user(self.specialist).social_order_ref = self.reference
        application.with_user(self.manager).action_approve()
        partner = application.partner_id
        self.assertEqual(partner.mgp_ngo_state, "included")
        self.assertEqual(partner.mgp_ngo_basis, "social_order")
        self.assertEqual(partner.mgp_ngo_social_order_ref, self.reference)
