# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re
from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.mgp_accompaniment.controllers.portal import CERTIFICATE_REPORT

from .common import AccompanimentCommon


@tagged("post_install", "-at_install")
class TestPortal(HttpCase, AccompanimentCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.citizen = cls._portal_user("mgp_citizen", partner=cls.person)
        cls.citizen_2 = cls._portal_user("mgp_citizen_2", partner=cls.person_2)
        cls.ngo_a_contact = cls.env["res.partner"].create(
            {"name": "Представитель А", "parent_id": cls.ngo_a.id}
        )
        cls.ngo_b_contact = cls.env["res.partner"].create(
            {"name": "Представитель Б", "parent_id": cls.ngo_b.id}
        )
        cls.ngo_a_user = cls._portal_user("mgp_ngo_a", partner=cls.ngo_a_contact)
        cls.ngo_b_user = cls._portal_user("mgp_ngo_b", partner=cls.ngo_b_contact)

    @classmethod
    def _portal_user(cls, login, partner):
        return new_test_user(
            cls.env,
            login=login,
            password=login + "_pwd1",
            groups="base.group_portal",
            partner_id=partner.id,
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
        )

    def _login(self, user):
        self.authenticate(user.login, user.login + "_pwd1")

    def _ngo_case(self, ngo, person, number):
        case = self._case(
            date(2025, 11, 5), activities=self.activities[:2], partner_id=person.id
        )
        case.action_decide_need(True, date(2025, 11, 5))
        case.action_record_ngo_consent(ngo, date(2025, 11, 6))
        (
            self.env["mgp.accompaniment.assign.wizard"]
            .with_user(self.specialist)
            .create(
                {
                    "accompaniment_id": case.id,
                    "ngo_id": ngo.id,
                    "contract_mode": "new",
                    "contract_number": number,
                    "contract_date": date(2025, 11, 6),
                }
            )
            .action_confirm()
        )
        case.action_issue_certificate(date(2025, 11, 6))
        return case

    # ------------------------------------------------------------------
    # Citizen
    # ------------------------------------------------------------------
    def test_citizen_sees_only_own_certificate(self):
        own = self._active_case(date(2025, 11, 5), date(2025, 11, 6))
        other = self._active_case(
            date(2025, 11, 5), date(2025, 11, 6), partner_id=self.person_2.id
        )
        pending = self._case(date(2025, 11, 5))  # no certificate yet
        self._login(self.citizen)
        response = self.url_open(f"/my/accompaniment/{own.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn(own.certificate_number, response.text)
        self.assertNotIn(self.person.mgp_snils, response.text)
        listing = self.url_open("/my/accompaniment")
        self.assertEqual(listing.status_code, 200)
        self.assertIn(own.certificate_number, listing.text)
        self.assertNotIn(other.certificate_number, listing.text)
        for case in (other, pending):
            response = self.url_open(f"/my/accompaniment/{case.id}")
            self.assertIn(response.status_code, (403, 404))
        response = self.url_open(f"/my/accompaniment/{other.id}/certificate")
        self.assertIn(response.status_code, (403, 404))
        # own certificate: the printed form when mgp_reports provides it
        response = self.url_open(f"/my/accompaniment/{own.id}/certificate")
        if self.env.ref(CERTIFICATE_REPORT, raise_if_not_found=False):
            self.assertEqual(response.status_code, 200)
            self.assertEqual(response.headers["Content-Type"], "application/pdf")
            self.assertTrue(response.content)
            response = self.url_open(
                f"/my/accompaniment/{own.id}/certificate?download=1"
            )
            self.assertEqual(response.status_code, 200)
            self.assertIn("attachment", response.headers["Content-Disposition"])
        else:
            self.assertEqual(response.status_code, 404)
        # the other citizen sees theirs and not this one
        self._login(self.citizen_2)
        self.assertEqual(
            self.url_open(f"/my/accompaniment/{other.id}").status_code, 200
        )
        self.assertIn(
            self.url_open(f"/my/accompaniment/{own.id}").status_code, (403, 404)
        )

    def test_citizen_sees_no_need_notice(self):
        stopped = self._case(date(2025, 11, 5))
        stopped.action_decide_need(False, date(2025, 11, 6))
        self.assertEqual(stopped.state, "terminated")
        notice = stopped.message_ids.filtered(
            lambda m: m.subject and "прекращении" in m.subject
        )
        self.assertTrue(notice)
        stopped.message_post(body="Внутренняя заметка специалиста")
        self._login(self.citizen)
        listing = self.url_open("/my/accompaniment")
        self.assertEqual(listing.status_code, 200)
        self.assertIn(stopped.name, listing.text)
        response = self.url_open(f"/my/accompaniment/{stopped.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn(notice.subject, response.text)
        self.assertNotIn("Внутренняя заметка", response.text)
        # no certificate: nothing to download
        self.assertIn(
            self.url_open(f"/my/accompaniment/{stopped.id}/certificate").status_code,
            (403, 404),
        )
        # another citizen does not see it
        self._login(self.citizen_2)
        self.assertIn(
            self.url_open(f"/my/accompaniment/{stopped.id}").status_code, (403, 404)
        )
        self.assertNotIn(stopped, self.Case.with_user(self.citizen_2).search([]))

    def test_citizen_record_rules(self):
        own = self._active_case(date(2025, 11, 5), date(2025, 11, 6))
        other = self._active_case(
            date(2025, 11, 5), date(2025, 11, 6), partner_id=self.person_2.id
        )
        visible = self.Case.with_user(self.citizen).search([])
        self.assertEqual(visible, own)
        self.assertNotIn(other, visible)

    # ------------------------------------------------------------------
    # NGO
    # ------------------------------------------------------------------
    def test_ngo_isolation_and_result(self):
        case_a = self._ngo_case(self.ngo_a, self.person, "Д-А")
        case_b = self._ngo_case(self.ngo_b, self.person_2, "Д-Б")
        self.assertEqual(
            self.env["mgp.accompaniment.line"].with_user(self.ngo_a_user).search([]),
            case_a.line_ids,
        )
        self._login(self.ngo_a_user)
        listing = self.url_open("/my/ngo/cases")
        self.assertEqual(listing.status_code, 200)
        self.assertIn(case_a.name, listing.text)
        self.assertNotIn(case_b.name, listing.text)
        page = self.url_open(f"/my/ngo/case/{case_a.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.person.name, page.text)
        self.assertNotIn(self.person.mgp_snils, page.text)
        self.assertIn(
            self.url_open(f"/my/ngo/case/{case_b.id}").status_code, (403, 404)
        )
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        line_a = case_a.line_ids[0]
        line_b = case_b.line_ids[0]
        # another NGO's line: refused, nothing written
        response = self.url_open(
            f"/my/ngo/line/{line_b.id}/result",
            data={"csrf_token": token, "date_done": "2025-11-20", "result": "Чужое"},
        )
        self.assertIn(response.status_code, (403, 404))
        # a file of a forbidden type: refused, nothing written
        response = self.url_open(
            f"/my/ngo/line/{line_a.id}/result",
            data={"csrf_token": token, "date_done": "2025-11-20", "result": "Итог"},
            files={
                "attachments": (
                    "run.exe",
                    b"MZ\x90\x00\x03\x00\x00\x00",
                    "application/pdf",
                )
            },
        )
        self.assertEqual(response.status_code, 200)
        self.env.invalidate_all()
        self.assertFalse(line_a.result)
        # own line with a PDF
        response = self.url_open(
            f"/my/ngo/line/{line_a.id}/result",
            data={
                "csrf_token": token,
                "date_done": "2025-11-20",
                "result": "Проведены переговоры с работодателем",
            },
            files={"attachments": ("act.pdf", b"%PDF-1.4\n%EOF\n", "application/pdf")},
        )
        self.assertEqual(response.status_code, 200)
        self.env.invalidate_all()
        self.assertEqual(line_a.date_done, date(2025, 11, 20))
        self.assertEqual(line_a.result, "Проведены переговоры с работодателем")
        self.assertEqual(line_a.result_attachment_ids.name, "act.pdf")
        self.assertFalse(line_b.result)
        message = case_a.message_ids.filtered(
            lambda m: "Проведены переговоры" in (m.body or "")
        )
        self.assertTrue(message)
        self.assertEqual(message.author_id, self.ngo_a_contact)
        # the other NGO sees only its case
        self._login(self.ngo_b_user)
        listing = self.url_open("/my/ngo/cases")
        self.assertIn(case_b.name, listing.text)
        self.assertNotIn(case_a.name, listing.text)
        self.assertIn(
            self.url_open(f"/my/ngo/case/{case_a.id}").status_code, (403, 404)
        )

    def test_portal_home_counters(self):
        self._ngo_case(self.ngo_a, self.person, "Д-А")
        self._login(self.ngo_a_user)
        self.assertEqual(self.url_open("/my").status_code, 200)
        counters = self.make_jsonrpc_request(
            "/my/counters",
            {"counters": ["mgp_ngo_case_count", "mgp_accompaniment_count"]},
        )
        self.assertEqual(counters["mgp_ngo_case_count"], 1)
        self.assertEqual(counters["mgp_accompaniment_count"], 0)
        self._login(self.citizen)
        counters = self.make_jsonrpc_request(
            "/my/counters",
            {"counters": ["mgp_ngo_case_count", "mgp_accompaniment_count"]},
        )
        self.assertEqual(counters["mgp_ngo_case_count"], 0)
        self.assertEqual(counters["mgp_accompaniment_count"], 1)

    def test_citizen_is_not_an_ngo(self):
        self._login(self.citizen)
        self.assertIn(self.url_open("/my/ngo/cases").status_code, (403, 404))

    def test_portal_users_cannot_read_case_decisions(self):
        """Decisions, МСЭ data and notes stay with the centre's staff, even
        through the API, for the NGO and for the citizen."""
        case = self._ngo_case(self.ngo_a, self.person, "Д-П")
        staff_only = [
            "personal_file_number",
            "disability_info_date",
            "need",
            "need_decision_date",
            "mse_request_id",
            "mse_recommendation",
            "termination_note",
        ]
        for user in (self.ngo_a_user, self.citizen):
            visible = case.with_user(user)
            self.assertEqual(visible.read(["name"])[0]["name"], case.name)
            for field in staff_only:
                with self.assertRaises(AccessError, msg=field):
                    visible.read([field])
        self.assertEqual(
            case.with_user(self.specialist).read(["need"])[0]["need"], "needed"
        )
