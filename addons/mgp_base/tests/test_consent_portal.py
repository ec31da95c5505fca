# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The citizen's consents page: he sees what he consented to and withdraws
it himself (152-ФЗ ст. 9 ч. 2); the withdrawal stops the transfer and is
journaled; nobody withdraws another's consent."""

import re
from datetime import date

from odoo.tests import HttpCase, new_test_user, tagged

from .common import MgpCommon
from .common_consent import give_consent


@tagged("post_install", "-at_install")
class TestConsentPortal(HttpCase, MgpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.citizen = cls._citizen("mgp_consent_citizen", cls.person)
        cls.other_person = cls.env["res.partner"].create(
            {
                "name": "Иванов Пётр",
                "company_id": cls.company.id,
                "mgp_disability_group": "3",
            }
        )
        cls.other = cls._citizen("mgp_consent_other", cls.other_person)
        cls.consent = give_consent(cls.person, day=date(2025, 1, 10))
        cls.other_consent = give_consent(cls.other_person, day=date(2025, 1, 10))

    @classmethod
    def _citizen(cls, login, partner):
        user = new_test_user(
            cls.env,
            login=login,
            groups="base.group_portal",
            partner_id=partner.id,
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
        )
        user.password = f"{login}-pass1"
        return user

    def _login(self, user):
        self.authenticate(user.login, f"{user.login}-pass1")

    def _withdraw(self, consent, reason):
        page = self.url_open("/my/consents")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        return self.url_open(
            f"/my/consents/{consent.id}/withdraw",
            data={"reason": reason, "csrf_token": token},
        )

    def test_citizen_sees_and_withdraws_his_consent(self):
        self._login(self.citizen)
        page = self.url_open("/my/consents")
        self.assertEqual(page.status_code, 200)
        self.assertIn("o_mgp_consent_withdraw", page.text)
        self.assertNotIn(f"consent_{self.other_consent.id}_title", page.text)
        # no reason: the model's message, nothing changed
        response = self._withdraw(self.consent, "  ")
        self.assertEqual(response.status_code, 200)
        self.assertIn("State the reason of the withdrawal.", response.text)
        self.assertIn('aria-invalid="true"', response.text)
        self.consent.invalidate_recordset()
        self.assertEqual(self.consent.state, "valid")
        # with a reason: withdrawn by the citizen himself, and journaled
        response = self._withdraw(self.consent, "Больше не согласен")
        self.assertEqual(response.status_code, 200)
        self.assertIn("/my/consents?withdrawn=", response.url)
        self.consent.invalidate_recordset()
        self.assertEqual(self.consent.state, "withdrawn")
        self.assertEqual(self.consent.withdrawn_by_id, self.citizen)
        self.assertEqual(self.consent.withdrawal_reason, "Больше не согласен")
        self.env.cr.flush()
        entry = self.env["mgp.access.log"].search(
            [
                ("partner_id", "=", self.person.id),
                ("user_id", "=", self.citizen.id),
                ("field_names", "=", "consent_withdrawal"),
            ]
        )
        self.assertEqual(len(entry), 1)
        self.assertEqual(entry.operation, "change")
        self.assertFalse(self.env["mgp.consent"]._mgp_transfer_consented(self.person))
        # once withdrawn, nothing more to withdraw
        page = self.url_open("/my/consents")
        self.assertNotIn("o_mgp_consent_withdraw", page.text)

    def test_nobody_withdraws_anothers_consent(self):
        self._login(self.other)
        response = self._withdraw(self.consent, "Чужое согласие")
        self.assertEqual(response.status_code, 404)
        self.consent.invalidate_recordset()
        self.assertEqual(self.consent.state, "valid")
