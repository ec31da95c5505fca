# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Messages the suite posts are in the recipient's language: an action or a
record created without a language in its context (a scheduled action, the
demo's installation) writes in the centre's language."""

from datetime import date

from .common import MgpCommon
from .common_consent import give_consent


class TestMessageLang(MgpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("ru_RU")
        cls.company.partner_id.lang = "ru_RU"
        cls.consent = give_consent(cls.person, day=date(2025, 1, 10))

    def _last_note(self, record):
        return record.message_ids.sorted("id")[:1].body

    def test_action_without_language_writes_in_the_centres(self):
        consent = self.consent.with_user(self.specialist).with_context(lang=None)
        consent.action_withdraw("Отозвано письменным заявлением")
        self.assertIn("отозвано", self._last_note(self.consent))

    def test_callers_language_is_kept(self):
        consent = self.consent.with_user(self.specialist).with_context(lang="en_US")
        consent.action_withdraw("Written withdrawal")
        self.assertIn("was withdrawn", self._last_note(self.consent))

    def test_creation_message_in_the_centres_language(self):
        request = (
            self.env["mgp.mse.request"]
            .with_context(lang=None, mail_create_nolog=False, tracking_disable=False)
            .create({"partner_id": self.person.id, "company_id": self.company.id})
        )
        self.assertEqual(
            request._creation_message(), "Межведомственный запрос: запись создана"
        )
        self.assertIn("Межведомственный запрос", self._last_note(request) or "")

    def test_an_inactive_language_changes_nothing(self):
        self.company.partner_id.lang = "en_US"
        consent = self.consent.with_user(self.specialist).with_context(lang=None)
        consent.action_withdraw("Written withdrawal")
        self.assertIn("was withdrawn", self._last_note(self.consent))
