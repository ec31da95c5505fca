# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import NgoHttpCommon


@tagged("post_install", "-at_install")
class TestNgoUi(NgoHttpCommon):
    def test_manager_rejects_application_in_browser(self):
        """A manager reviews and rejects an application in the web client,
        then finds the registry in its list and kanban views."""
        organisation = self._organisation(1, name="АНО «Тур-реестр»")
        organisation.action_mgp_ngo_include()
        application = self._submitted_application(2, org_name="АНО «Тур»")
        self.start_tour("/odoo", "mgp_ngo_application_tour", login=self.manager.login)
        self.assertEqual(application.state, "rejected")
        self.assertEqual(
            application.reject_reason, "Нет подготовленного персонала, тур"
        )
