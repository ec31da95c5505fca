# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The portal home offers each user the cards of his role only: a citizen
no NGO card, an NGO representative no citizen card, an employer its
workplace plans only."""

import re

from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.mgp_workplace_plan.tests.common import WorkplaceCommon

CITIZEN_CARDS = {"/my/accompaniment", "/my/complaints", "/my/corrections"}
NGO_CARDS = {"/my/ngo/applications", "/my/ngo/cases"}
EMPLOYER_CARDS = {"/my/workplace"}
ALL_CARDS = CITIZEN_CARDS | NGO_CARDS | EMPLOYER_CARDS


@tagged("post_install", "-at_install")
class TestPortalRoles(HttpCase, WorkplaceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.citizen = new_test_user(
            cls.env,
            login="roles_citizen",
            password="roles_citizen_pwd1",
            groups="base.group_portal",
            partner_id=cls.person.id,
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
        )
        cls.ngo_rep = cls._portal_user("roles_ngo", cls.ngo_a, "Представитель НКО")
        # an organisation new to the registry, and an account that will file
        # the application of its new organisation
        organisation = cls.env["res.partner"].create(
            {"name": "АНО «Только создана»", "is_company": True}
        )
        cls.ngo_new = cls._portal_user("roles_ngo_new", organisation, "Новая НКО")
        cls.newcomer = new_test_user(
            cls.env,
            login="roles_newcomer",
            password="roles_newcomer_pwd1",
            groups="base.group_portal",
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
        )

    def _cards(self, user, password):
        self.authenticate(user.login, password)
        response = self.url_open("/my")
        self.assertEqual(response.status_code, 200)
        # the cards of the portal home: each is a div with a link
        cards = set(
            re.findall(
                r'class="o_portal_index_card[^"]*">\s*<a href="([^"]+)"', response.text
            )
        )
        self.assertIn("/my/security", cards, "the page lists its cards")
        return cards & ALL_CARDS

    def test_citizen_sees_citizen_cards_only(self):
        cards = self._cards(self.citizen, "roles_citizen_pwd1")
        self.assertEqual(cards, CITIZEN_CARDS | EMPLOYER_CARDS)
        self.assertFalse(cards & NGO_CARDS)
        self.assertTrue(self.citizen._mgp_is_citizen())
        self.assertFalse(self.citizen._mgp_is_ngo_representative())

    def test_ngo_representative_sees_ngo_cards_only(self):
        for user, password in (
            (self.ngo_rep, "roles_ngo_pwd1"),
            (self.ngo_new, "roles_ngo_new_pwd1"),
            (self.newcomer, "roles_newcomer_pwd1"),
        ):
            cards = self._cards(user, password)
            self.assertEqual(cards, NGO_CARDS, user.login)
            self.assertFalse(user._mgp_is_citizen())
            self.assertFalse(user._mgp_is_employer())

    def test_employer_sees_its_workplace_plans_only(self):
        self._appeal()
        self.assertTrue(self.rep._mgp_is_employer())
        cards = self._cards(self.rep, "mgp_employer_rep_pwd1")
        self.assertEqual(cards, EMPLOYER_CARDS)
        self.assertFalse(self.rep._mgp_is_citizen())
        self.assertFalse(self.rep._mgp_is_ngo_representative())
        # an employer without a plan yet is offered the NGO cards, not these
        self.assertFalse(self.rep_2._mgp_is_employer())
        self.assertFalse(self.ngo_rep._mgp_is_employer())

    def test_internal_user_has_no_role_cards(self):
        self.assertFalse(self.specialist._mgp_is_citizen())
        self.assertFalse(self.specialist._mgp_is_ngo_representative())
        self.assertFalse(self.specialist._mgp_is_employer())
