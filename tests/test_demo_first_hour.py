"""What a newcomer meets in the first hour on the served demo (issue 22).

These tests are about the demo itself, so they read the demo records that
scripts/test.sh installs (as scripts/serve.sh does).
"""

import base64

from odoo.tests import HttpCase, tagged
from odoo.tools.misc import file_open


@tagged("post_install", "-at_install")
class TestDemoFirstHour(HttpCase):
    def test_citizen_login_shows_her_case(self):
        """The README's citizen login opens her portal with her case."""
        case = self.env["mgp.accompaniment"].search(
            [("partner_id", "=", self.env.ref("mgp_base.demo_person_06").id)],
            limit=1,
        )
        self.assertTrue(case)
        self.authenticate("citizen", "citizen")
        response = self.url_open("/my/accompaniments")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(f"/my/accompaniment/{case.id}" in response.text)
        response = self.url_open(f"/my/accompaniment/{case.id}")
        self.assertEqual(response.status_code, 200)

    def test_ngo_login_of_the_readme(self):
        self.authenticate("ngo1", "ngo1")
        response = self.url_open("/my")
        self.assertEqual(response.status_code, 200)

    def test_demo_centres_have_a_logo(self):
        """The portal header shows the centre's logo, not «Your logo»."""
        with file_open("base/static/img/res_company_logo.png", "rb") as f:
            placeholder = f.read()
        for xmlid in ("base.main_company", "mgp_base.demo_company_kaluga"):
            company = self.env.ref(xmlid)
            self.assertTrue(company.logo)
            self.assertFalse(
                base64.b64decode(company.logo) == placeholder,
                f"{xmlid} shows Odoo's placeholder logo",
            )
        self.authenticate("citizen", "citizen")
        company = self.env.ref("mgp_base.demo_company_kaluga")
        response = self.url_open(f"/web/binary/company_logo?company={company.id}")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.headers["Content-Type"].startswith("image/"))
        self.assertFalse(response.content == placeholder, "placeholder logo served")
