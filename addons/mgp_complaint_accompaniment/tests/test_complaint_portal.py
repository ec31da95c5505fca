# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re
from datetime import date

from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.mgp_complaint.tests.common import ComplaintCommon

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@tagged("post_install", "-at_install")
class TestComplaintPortal(HttpCase, ComplaintCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("ru_RU")
        cls.env["ir.module.module"]._load_module_terms(
            ["mgp_base", "mgp_complaint", "mgp_complaint_accompaniment"],
            ["ru_RU"],
            overwrite=True,
        )
        cls.citizen = cls._portal_user("mgp_cmp_citizen", cls.person)
        cls.citizen_2 = cls._portal_user("mgp_cmp_citizen_2", cls.person_2)
        cls.case = cls._case_for(cls.person)
        cls.case_2 = cls._case_for(cls.person_2)

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
            lang="ru_RU",
        )

    @classmethod
    def _case_for(cls, partner):
        return (
            cls.env["mgp.accompaniment"]
            .with_user(cls.specialist)
            .create(
                {
                    "partner_id": partner.id,
                    "company_id": cls.company.id,
                    "plan_agreed_date": date(2025, 10, 31),
                }
            )
        )

    def _login(self, user):
        self.authenticate(user.login, user.login + "_pwd1")

    def _form(self, target, **values):
        page = self.url_open("/my/complaint/new")
        self.assertEqual(page.status_code, 200)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        data = {
            "csrf_token": token,
            "target": f"mgp.accompaniment,{target.id}",
            "subject": "typo_refused",
            "description": "Прошу исправить опечатку в фамилии.",
        }
        data.update(values)
        return data

    def test_file_and_follow(self):
        self._login(self.citizen)
        page = self.url_open("/my/complaint/new")
        self.assertIn(self.case.name, page.text)
        self.assertNotIn(self.case_2.name, page.text)
        response = self.url_open(
            "/my/complaint/new",
            data=self._form(self.case),
            files={"attachments": ("скан.pdf", PDF, "application/pdf")},
        )
        self.assertEqual(response.status_code, 200)
        complaint = self.Complaint.search([("partner_id", "=", self.person.id)])
        self.assertEqual(len(complaint), 1)
        self.assertEqual(complaint.state, "registered")
        self.assertEqual(complaint.channel, "portal")
        self.assertEqual(complaint.company_id, self.company)
        self.assertEqual(complaint.review_term, "short")
        self.assertEqual(complaint.attachment_ids.mapped("name"), ["скан.pdf"])
        self.assertTrue(self._deadline(complaint, "complaint_review_short"))
        self.assertIn(complaint.name, response.text)
        self.assertIn("На рассмотрении", response.text)
        listing = self.url_open("/my/complaints")
        self.assertIn(complaint.name, listing.text)
        # decided and answered by the centre: the citizen reads the answer
        complaint.with_user(self.manager).action_decide(
            "upheld",
            "Опечатка подтверждена.",
            remedy="document_corrected",
            remedy_note="Сертификат исправлен.",
        )
        page = self.url_open(f"/my/complaint/{complaint.id}")
        self.assertNotIn("Опечатка подтверждена", page.text)  # not answered yet
        complaint.action_send_answer()
        page = self.url_open(f"/my/complaint/{complaint.id}")
        self.assertIn("Опечатка подтверждена", page.text)
        self.assertIn(f"/my/complaint/{complaint.id}/answer", page.text)
        # the printed answer is also a page a screen reader reads
        html = self.url_open(f"/my/complaint/{complaint.id}/answer/html")
        self.assertEqual(html.status_code, 200)
        for text in ('lang="ru"', complaint.name, "Опечатка подтверждена"):
            self.assertIn(text, html.text)
        self._login(self.citizen_2)
        self.assertEqual(
            self.url_open(f"/my/complaint/{complaint.id}/answer/html").status_code,
            404,
        )

    def test_isolation_between_complainants(self):
        own = self._complaint(case=self.case)
        own.action_register(date(2025, 11, 3))
        other = self._complaint(case=self.case_2)
        other.action_register(date(2025, 11, 3))
        self._login(self.citizen)
        listing = self.url_open("/my/complaints")
        self.assertIn(own.name, listing.text)
        self.assertNotIn(other.name, listing.text)
        self.assertEqual(self.url_open(f"/my/complaint/{other.id}").status_code, 404)
        self.assertEqual(self.url_open(f"/my/complaint/{own.id}").status_code, 200)
        self._login(self.citizen_2)
        self.assertEqual(self.url_open(f"/my/complaint/{own.id}").status_code, 404)
        self.assertEqual(self.url_open(f"/my/complaint/{other.id}").status_code, 200)
        self.assertEqual(
            self.url_open(f"/my/complaint/{own.id}/answer").status_code, 404
        )
        # not answered yet: no answer page either
        self._login(self.citizen)
        self.assertEqual(
            self.url_open(f"/my/complaint/{own.id}/answer/html").status_code, 404
        )

    def test_bad_input_saves_nothing(self):
        self._login(self.citizen)
        before = self.Complaint.search_count([])
        attachments = self.env["ir.attachment"].search_count([])
        # somebody else's case
        response = self.url_open("/my/complaint/new", data=self._form(self.case_2))
        self.assertEqual(response.status_code, 200)
        self.assertIn("Выберите одно из ваших дел", response.text)
        self.assertIn('aria-invalid="true"', response.text)
        self.assertIn('aria-describedby="target_error"', response.text)
        # an empty text
        response = self.url_open(
            "/my/complaint/new", data=self._form(self.case, description="   ")
        )
        self.assertIn("Напишите текст жалобы", response.text)
        self.assertIn('aria-describedby="description_error"', response.text)
        # a wrong file
        response = self.url_open(
            "/my/complaint/new",
            data=self._form(self.case),
            files={"attachments": ("virus.exe", b"MZ", "application/octet-stream")},
        )
        self.assertIn("virus.exe", response.text)
        self.assertIn("принимаются только", response.text)
        self.assertIn("Прошу исправить опечатку", response.text)  # input kept
        self.assertEqual(self.Complaint.search_count([]), before)
        self.assertEqual(self.env["ir.attachment"].search_count([]), attachments)

    def test_internal_complaint_list_in_home(self):
        self._login(self.citizen)
        home = self.url_open("/my/home")
        self.assertEqual(home.status_code, 200)
        self.assertIn("/my/complaints", home.text)

    # ------------------------------------------------------------------
    # Corrections
    # ------------------------------------------------------------------
    def test_correction_request_in_portal(self):
        # one open case per person: the draft of the set-up makes way
        self.env["mgp.accompaniment"].browse(self.case.id).unlink()
        certified = self._active_case(
            date(2025, 10, 31), date(2025, 11, 5), partner_id=self.person.id
        )
        other = self._active_case(
            date(2025, 10, 31), date(2025, 11, 5), partner_id=self.person_2.id
        )
        Correction = self.env["mgp.document.correction"]
        self._login(self.citizen)
        page = self.url_open("/my/correction/new")
        self.assertIn(certified.certificate_number, page.text)
        self.assertNotIn(other.certificate_number, page.text)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        # somebody else's certificate, no description: refused, nothing saved
        response = self.url_open(
            "/my/correction/new",
            data={
                "csrf_token": token,
                "case": f"mgp.accompaniment,{other.id},certificate",
                "description": " ",
            },
        )
        self.assertIn("Выберите один из ваших выданных документов", response.text)
        self.assertIn("Опишите опечатку или ошибку", response.text)
        self.assertIn('aria-describedby="case_error"', response.text)
        self.assertFalse(Correction.search([("partner_id", "=", self.person.id)]))
        response = self.url_open(
            "/my/correction/new",
            data={
                "csrf_token": token,
                "case": f"mgp.accompaniment,{certified.id},certificate",
                "description": "Опечатка в отчестве.",
                "new_name": "Тестов Тест Тестовичев",
            },
        )
        correction = Correction.search([("partner_id", "=", self.person.id)])
        self.assertEqual(len(correction), 1)
        self.assertEqual(correction.document_kind, "certificate")
        self.assertEqual(correction.company_id, self.company)
        self.assertTrue(self._deadline(correction, "document_correction"))
        self.assertIn(correction.name, response.text)
        # the other citizen does not see it
        self._login(self.citizen_2)
        self.assertEqual(
            self.url_open(f"/my/correction/{correction.id}").status_code, 404
        )
        self.assertNotIn(correction.name, self.url_open("/my/corrections").text)

    def test_order_correction_request_in_portal(self):
        """The citizen's approved order is offered too; a field the order
        does not print is refused with nothing saved."""
        # one open case per person: the draft of the set-up makes way
        self.env["mgp.accompaniment"].browse(self.case.id).unlink()
        certified = self._active_case(
            date(2025, 10, 31), date(2025, 11, 5), partner_id=self.person.id
        )
        Correction = self.env["mgp.document.correction"]
        self._login(self.citizen)
        page = self.url_open("/my/correction/new")
        reference = f"mgp.accompaniment,{certified.id},order"
        self.assertIn(reference, page.text)
        self.assertIn(certified.order_number, page.text)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        response = self.url_open(
            "/my/correction/new",
            data={
                "csrf_token": token,
                "case": reference,
                "description": "Ошибка в должности.",
                "new_position": "Оператор",
            },
        )
        self.assertIn("В этом документе можно исправить только", response.text)
        self.assertIn("Ошибка в должности.", response.text)  # typed text kept
        self.assertFalse(Correction.search([("partner_id", "=", self.person.id)]))
        self.url_open(
            "/my/correction/new",
            data={
                "csrf_token": token,
                "case": reference,
                "description": "Ошибка в СНИЛС.",
                "new_snils": "112-233-445 95",
            },
        )
        correction = Correction.search([("partner_id", "=", self.person.id)])
        self.assertEqual(correction.document_kind, "order")
        self.assertEqual(correction.document_name, certified.order_number)
