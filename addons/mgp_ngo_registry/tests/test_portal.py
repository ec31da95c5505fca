# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re

from markupsafe import escape

from odoo.exceptions import AccessError, UserError
from odoo.tests import JsonRpcException, tagged
from odoo.tools import mute_logger

from ..controllers.portal import TEXT_FIELDS
from .common import NgoHttpCommon, make_inn, make_ogrn

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@tagged("post_install", "-at_install")
class TestNgoPortal(NgoHttpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("ru_RU")
        cls.env["ir.module.module"]._load_module_terms(
            ["mgp_base", "mgp_ngo_registry"], ["ru_RU"], overwrite=True
        )
        Partner = cls.env["res.partner"]
        cls.org_a = Partner.create(
            {
                "name": "АНО «Альфа»",
                "is_company": True,
                "vat": make_inn("402733301"),
                "state_id": cls.state.id,
                "email": "alpha@example.ru",
                "mgp_ngo_territory": "г. Калуга",
            }
        )
        cls.org_a.action_mgp_ngo_include()
        cls.org_b = Partner.create(
            {"name": "АНО «Бета»", "is_company": True, "vat": make_inn("402733302")}
        )
        cls.org_c = Partner.create(
            {"name": "АНО «Гамма»", "is_company": True, "vat": make_inn("402733303")}
        )
        cls.org_c.action_mgp_ngo_include()
        cls.org_c.with_user(cls.manager)._mgp_ngo_exclude("Нарушение условий")
        cls.rep_a = cls._portal_user("ngo_rep_a", cls.org_a)
        cls.rep_b = cls._portal_user("ngo_rep_b", cls.org_b)
        cls.newcomer = cls._portal_user("ngo_newcomer", None)
        cls.application_b = cls.env["mgp.ngo.application"].create(
            {
                "partner_id": cls.org_b.id,
                "channel": "email",
                "org_name": cls.org_b.name,
                "inn": cls.org_b.vat,
                "company_id": cls.company.id,
            }
        )
        cls.application_b.action_submit()

    @classmethod
    def _portal_user(cls, login, organisation):
        partner = cls.env["res.partner"].create(
            {
                "name": login.replace("_", " ").title(),
                "email": f"{login}@example.ru",
                "parent_id": organisation.id if organisation else False,
            }
        )
        return cls.env["res.users"].create(
            {
                "login": login,
                "password": f"{login}-pass",
                "partner_id": partner.id,
                "company_id": cls.company.id,
                "company_ids": [(6, 0, cls.company.ids)],
                "group_ids": [(6, 0, cls.env.ref("base.group_portal").ids)],
                "lang": "ru_RU",
            }
        )

    def _login(self, user):
        self.authenticate(user.login, f"{user.login}-pass")

    def _form_data(self, inn, **values):
        response = self.url_open("/my/ngo/application/new")
        self.assertEqual(response.status_code, 200)
        token = re.search(r'name="csrf_token" value="([^"]+)"', response.text).group(1)
        data = {
            "csrf_token": token,
            "org_name": "АНО «Новая организация»",
            "inn": inn,
            "ogrn": make_ogrn("116400033300"),
            "address": "г. Калуга, ул. Новая, д. 5",
            "head_name": "Сидоров Петр Ильич",
            "head_position": "Директор",
            "phone": "+7 4842 11-22-33",
            "email": "new@example.ru",
            "conditions": "Безвозмездно",
            "territory": "г. Калуга",
            "state_id": str(self.state.id),
            "capacity": "6",
            "staff_name_0": "Орлова Вера Петровна",
            "staff_job_0": "Психолог",
            "staff_doc_0": "Диплом № 77",
            "staff_date_0": "2024-05-20",
            "schedule": "Пн–Пт 9:00–18:00",
            "accessibility": "Пандус, лифт",
        }
        data.update(values)
        items = [(name, value) for name, value in data.items() if value is not None]
        if "activity_ids" not in values:
            items += [("activity_ids", str(a.id)) for a in self.activities[:2]]
        if "help_form_ids" not in values:
            items += [("help_form_ids", str(f.id)) for f in self.help_forms[:2]]
        if "staff_activity_ids_0" not in values:
            items += [("staff_activity_ids_0", str(a.id)) for a in self.activities[:1]]
        return items

    def test_new_organisation_applies_in_portal(self):
        self._login(self.newcomer)
        inn = make_inn("402733304")
        response = self.url_open(
            "/my/ngo/application/new",
            data=self._form_data(inn),
            files={"attachments": ("устав.pdf", PDF, "application/pdf")},
        )
        self.assertEqual(response.status_code, 200)
        match = re.search(r"/my/ngo/application/(\d+)\?submitted=1", response.url)
        self.assertTrue(match, response.url)
        application = self.env["mgp.ngo.application"].browse(int(match.group(1)))
        self.assertEqual(application.state, "submitted")
        self.assertEqual(application.channel, "portal")
        self.assertEqual(application.inn, inn)
        self.assertEqual(application.submitted_user_id, self.newcomer)
        self.assertEqual(application.mgp_activity_ids, self.activities[:2])
        self.assertEqual(application.staff_ids.mapped("name"), ["Орлова Вера Петровна"])
        self.assertEqual(application.staff_ids.activity_ids, self.activities[:1])
        self.assertEqual(application.schedule, "Пн–Пт 9:00–18:00")
        self.assertEqual(application.help_form_ids, self.help_forms[:2])
        self.assertEqual(application.accessibility, "Пандус, лифт")
        self.assertEqual(application.date, application.date_received)
        self.assertEqual(application.company_id, self.company)
        self.assertEqual(application.attachment_ids.mapped("name"), ["устав.pdf"])
        self.assertEqual(application.capacity, 6)
        self.assertEqual(application._mgp_deadline_get("ngo_review").state, "open")
        organisation = application.partner_id
        self.assertEqual(organisation.vat, inn)
        self.assertEqual(self.newcomer.partner_id.parent_id, organisation)
        self.assertEqual(self.newcomer.commercial_partner_id, organisation)
        self.assertEqual(self.newcomer._mgp_ngo_partner(), organisation)
        self.assertIn(application.name, response.text)
        link = re.search(
            r'href="(/web/content/\d+\?download=true&amp;access_token=[\w-]+)"',
            response.text,
        )
        self.assertTrue(link, re.findall(r"/web/content[^\"]*", response.text))
        document = self.url_open(link.group(1).replace("&amp;", "&"))
        self.assertEqual(document.status_code, 200)
        self.assertEqual(document.content, PDF)
        # once approved the representative sees the registry status
        application.with_user(self.manager).action_approve()
        page = self.url_open(f"/my/ngo/application/{application.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn(organisation.mgp_ngo_registry_number, page.text)
        self.assertIn("Пандус, лифт", page.text)
        self.assertIn(self.activities[0].name, page.text)
        self.assertEqual(
            organisation.mgp_ngo_staff_ids.activity_ids, self.activities[:1]
        )
        self.assertEqual(organisation.mgp_ngo_help_form_ids, self.help_forms[:2])
        public = self.url_open("/mgp/ngo-registry")
        self.assertIn("Пн–Пт 9:00–18:00", public.text)
        self.assertIn("Пандус, лифт", public.text)
        self.assertIn(self.help_forms[0].name, public.text)

    def test_bad_inn_saves_nothing(self):
        self._login(self.newcomer)
        valid = make_inn("402733305")
        spoiled = valid[:-1] + str((int(valid[-1]) + 1) % 10)
        applications = self.env["mgp.ngo.application"].search_count([])
        partners = self.env["res.partner"].search_count([])
        response = self.url_open(
            "/my/ngo/application/new", data=self._form_data(spoiled)
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn(f"ИНН {spoiled} указан неверно", response.text)
        self.assertIn("АНО «Новая организация»", response.text)  # input kept
        self.assertEqual(self.env["mgp.ngo.application"].search_count([]), applications)
        self.assertEqual(self.env["res.partner"].search_count([]), partners)
        self.assertFalse(self.newcomer.partner_id.parent_id)

    def test_bad_attachment_saves_nothing(self):
        self._login(self.newcomer)
        applications = self.env["mgp.ngo.application"].search_count([])
        response = self.url_open(
            "/my/ngo/application/new",
            data=self._form_data(make_inn("402733306")),
            files={"attachments": ("virus.exe", b"MZ", "application/octet-stream")},
        )
        self.assertIn("virus.exe", response.text)
        self.assertIn("принимаются только", response.text)
        self.env["ir.config_parameter"].set_param("mgp_base.max_upload_mb", "0.1")
        response = self.url_open(
            "/my/ngo/application/new",
            data=self._form_data(make_inn("402733306")),
            files={"attachments": ("big.pdf", PDF + b"0" * 200_000, "application/pdf")},
        )
        self.assertIn("слишком велик", response.text)
        self.assertEqual(self.env["mgp.ngo.application"].search_count([]), applications)
        self.assertFalse(self.newcomer.partner_id.parent_id)

    def test_representative_applies_for_own_organisation(self):
        self._login(self.rep_a)
        response = self.url_open("/my/ngo/application/new")
        self.assertIn(self.org_a.vat, response.text)  # prefilled
        response = self.url_open(
            "/my/ngo/application/new",
            data=self._form_data(self.org_a.vat, org_name=self.org_a.name),
        )
        match = re.search(r"/my/ngo/application/(\d+)", response.url)
        application = self.env["mgp.ngo.application"].browse(int(match.group(1)))
        self.assertEqual(application.partner_id, self.org_a)
        self.assertEqual(self.rep_a.partner_id.parent_id, self.org_a)

    def test_representative_files_schedule_accessibility_and_social_order(self):
        """The portal form asks the order and conditions the ranking matches
        (the periods of assistance, the accessibility features) and the
        basis of inclusion (the social order, seed 000: «Реестр можно
        заполнить заранее сведениями об организациях, … участвующих в
        социальном заказе»); the approval copies them to the registry."""
        slots = self.env["mgp.ngo.schedule.slot"].search([], limit=2)
        features = self.env["mgp.ngo.accessibility"].search([], limit=2)
        self.assertEqual((len(slots), len(features)), (2, 2))
        self._login(self.rep_b)
        page = self.url_open("/my/ngo/application/new").text
        # every new choice is a labelled checkbox or radio button
        for slot in slots:
            self.assertIn(f'id="slot_{slot.id}"', page)
            self.assertIn(f'for="slot_{slot.id}"', page)
        for feature in features:
            self.assertIn(f'for="feature_{feature.id}"', page)
        self.assertIn('for="inclusion_basis_social_order"', page)
        self.assertIn('for="social_order_ref"', page)
        # a participant of the social order must name it: the model says so
        data = self._form_data(
            self.org_b.vat, org_name=self.org_b.name, inclusion_basis="social_order"
        )
        applications = self.env["mgp.ngo.application"].search_count([])
        response = self.url_open("/my/ngo/application/new", data=data)
        self.assertEqual(response.status_code, 200)
        error = re.search(
            r'<div[^>]*\bid="social_order_ref_error"[^>]*>(.*?)</div>',
            response.text,
            re.S,
        )
        self.assertTrue(error)
        self.assertIn("социальный заказ", error.group(1))
        self.assertRegex(
            response.text, r'<input[^>]*id="social_order_ref"[^>]*aria-invalid="true"'
        )
        self.assertEqual(self.env["mgp.ngo.application"].search_count([]), applications)
        # the periods alone are a schedule
        data = self._form_data(
            self.org_b.vat,
            org_name=self.org_b.name,
            schedule="",
            inclusion_basis="social_order",
            social_order_ref="Реестр исполнителей услуг № 12 от 01.02.2025",
        )
        data += [("schedule_slot_ids", str(slot.id)) for slot in slots]
        data += [("accessibility_ids", str(feature.id)) for feature in features]
        response = self.url_open("/my/ngo/application/new", data=data)
        match = re.search(r"/my/ngo/application/(\d+)\?submitted=1", response.url)
        self.assertTrue(match, response.url)
        application = self.env["mgp.ngo.application"].browse(int(match.group(1)))
        self.assertEqual(application.partner_id, self.org_b)
        self.assertEqual(application.schedule_slot_ids, slots)
        self.assertFalse(application.schedule)
        self.assertEqual(application.accessibility_ids, features)
        self.assertEqual(application.inclusion_basis, "social_order")
        self.assertEqual(
            application.social_order_ref, "Реестр исполнителей услуг № 12 от 01.02.2025"
        )
        # shown back to the organisation
        page = self.url_open(f"/my/ngo/application/{application.id}").text
        for name in slots.mapped("name") + features.mapped("name"):
            self.assertIn(str(escape(name)), page)
        self.assertIn("Реестр исполнителей услуг № 12", page)
        # approved, the registry publishes them
        application.with_user(self.manager).action_approve()
        self.assertEqual(self.org_b.mgp_ngo_state, "included")
        self.assertEqual(self.org_b.mgp_ngo_basis, "social_order")
        self.assertEqual(self.org_b.mgp_ngo_schedule_slot_ids, slots)
        self.assertEqual(self.org_b.mgp_ngo_accessibility_ids, features)
        self.assertIn(
            "Реестр исполнителей услуг № 12", self.org_b.mgp_ngo_social_order_ref
        )
        self.authenticate(None, None)
        public = self.url_open("/mgp/ngo-registry").text
        self.assertIn(str(escape(slots[0].name)), public)

    def test_representative_cannot_apply_for_another_inn(self):
        self._login(self.rep_a)
        applications = self.env["mgp.ngo.application"].search_count([])
        other_inn = make_inn("402733307")
        response = self.url_open(
            "/my/ngo/application/new",
            data=self._form_data(other_inn, org_name="АНО «Чужая»"),
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn(
            f"ИНН {other_inn} не является ИНН вашей организации", response.text
        )
        self.assertIn("АНО «Чужая»", response.text)  # input kept
        self.assertEqual(self.env["mgp.ngo.application"].search_count([]), applications)

    def test_unknown_region_ignored(self):
        self._login(self.newcomer)
        response = self.url_open(
            "/my/ngo/application/new",
            data=self._form_data(make_inn("402733308"), state_id="987654321"),
        )
        self.assertEqual(response.status_code, 200)
        match = re.search(r"/my/ngo/application/(\d+)\?submitted=1", response.url)
        self.assertTrue(match, response.url)
        application = self.env["mgp.ngo.application"].browse(int(match.group(1)))
        self.assertFalse(application.territory_state_ids)
        self.assertEqual(application.partner_id.state_id, self.company.state_id)

    def test_citizen_account_cannot_apply_for_an_organisation(self):
        citizen = self._portal_user("ngo_citizen", None)
        citizen.partner_id.mgp_snils = "112-233-445 95"
        self._login(citizen)
        partners = self.env["res.partner"].search_count([])
        applications = self.env["mgp.ngo.application"].search_count([])
        response = self.url_open(
            "/my/ngo/application/new", data=self._form_data(make_inn("402733309"))
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("личный кабинет гражданина", response.text)
        self.assertEqual(self.env["res.partner"].search_count([]), partners)
        self.assertEqual(self.env["mgp.ngo.application"].search_count([]), applications)
        self.assertFalse(citizen.partner_id.parent_id)

    def test_portal_isolation(self):
        self._login(self.rep_a)
        response = self.url_open(f"/my/ngo/application/{self.application_b.id}")
        self.assertEqual(response.status_code, 404)
        listing = self.url_open("/my/ngo/applications")
        self.assertEqual(listing.status_code, 200)
        self.assertNotIn(self.application_b.name, listing.text)
        self.assertFalse(
            self.env["mgp.ngo.application"]
            .with_user(self.rep_a)
            .search([("id", "=", self.application_b.id)])
        )
        self._login(self.rep_b)
        response = self.url_open(f"/my/ngo/application/{self.application_b.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.application_b.name, response.text)
        listing = self.url_open("/my/ngo/applications")
        self.assertIn(self.application_b.name, listing.text)
        home = self.url_open("/my/home")
        self.assertIn("/my/ngo/applications", home.text)

    def test_documents_of_another_organisation_refused(self):
        attachment = self.env["ir.attachment"].create(
            {
                "name": "устав-бета.pdf",
                "raw": PDF,
                "res_model": "mgp.ngo.application",
                "res_id": self.application_b.id,
            }
        )
        self.application_b.attachment_ids = [(4, attachment.id)]
        self._login(self.rep_a)
        response = self.url_open(f"/web/content/{attachment.id}?download=true")
        self.assertIn(response.status_code, (403, 404))
        self.assertNotEqual(response.content, PDF)
        self._login(self.rep_b)
        page = self.url_open(f"/my/ngo/application/{self.application_b.id}")
        link = re.search(
            r'href="(/web/content/%d\?download=true&amp;access_token=[\w-]+)"'
            % attachment.id,
            page.text,
        )
        self.assertTrue(link, page.text)
        document = self.url_open(link.group(1).replace("&amp;", "&"))
        self.assertEqual(document.status_code, 200)
        self.assertEqual(document.content, PDF)

    def test_portal_users_cannot_write_through_the_orm(self):
        Application = self.env["mgp.ngo.application"].with_user(self.rep_b)
        self.assertEqual(Application.search([]), self.application_b)
        with self.assertRaises(AccessError):
            Application.create(
                {"org_name": "Обход", "inn": self.org_b.vat, "channel": "portal"}
            )
        with self.assertRaises(AccessError):
            self.application_b.with_user(self.rep_b).write({"state": "approved"})
        with self.assertRaises(AccessError):
            self.org_b.with_user(self.rep_b).write({"mgp_ngo_state": "included"})

    def test_internal_note_hidden_from_portal(self):
        self.application_b.note = "Проверить устав: нет печати"
        Application = self.env["mgp.ngo.application"].with_user(self.rep_b)
        self.assertEqual(
            Application.browse(self.application_b.id).read(["state"])[0]["state"],
            "submitted",
        )
        with self.assertRaises(AccessError):
            Application.browse(self.application_b.id).read(["note"])
        self._login(self.rep_b)
        params = {
            "model": "mgp.ngo.application",
            "method": "read",
            "args": [[self.application_b.id], ["org_name", "note"]],
            "kwargs": {},
        }
        with mute_logger("odoo.http"), self.assertRaises(JsonRpcException):
            self.make_jsonrpc_request(
                "/web/dataset/call_kw/mgp.ngo.application/read", params
            )
        params["args"] = [[self.application_b.id], ["org_name"]]
        result = self.make_jsonrpc_request(
            "/web/dataset/call_kw/mgp.ngo.application/read", params
        )
        self.assertEqual(result[0]["org_name"], self.org_b.name)
        page = self.url_open(f"/my/ngo/application/{self.application_b.id}")
        self.assertEqual(page.status_code, 200)
        self.assertNotIn("нет печати", page.text)

    def test_internal_user_has_no_portal_form(self):
        self.authenticate(self.specialist.login, self.specialist.login)
        response = self.url_open("/my/ngo/application/new")
        self.assertEqual(response.status_code, 404)

    def test_public_registry_page(self):
        response = self.url_open("/mgp/ngo-registry")
        self.assertEqual(response.status_code, 200)
        self.assertIn("АНО «Альфа»", response.text)
        self.assertIn(self.org_a.mgp_ngo_registry_number, response.text)
        self.assertNotIn("АНО «Бета»", response.text)
        self.assertNotIn("АНО «Гамма»", response.text)

    def test_public_registry_page_shows_published_data_only(self):
        self.org_a.mgp_ngo_staff_ids = [(0, 0, {"name": "Сотрудникова Ирина"})]
        response = self.url_open("/mgp/ngo-registry")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.org_a.vat, response.text)
        self.assertIn("alpha@example.ru", response.text)
        self.assertIn("г. Калуга", response.text)
        self.assertNotIn("Сотрудникова Ирина", response.text)
        self.assertNotIn("Нарушение условий", response.text)  # exclusion reason
        self.assertNotIn(self.org_c.vat, response.text)

    def test_form_refused_without_staff_or_conditions(self):
        self._login(self.newcomer)
        applications = self.env["mgp.ngo.application"].search_count([])
        data = self._form_data(
            make_inn("402733310"),
            staff_name_0="",
            staff_job_0="",
            staff_doc_0="",
            staff_date_0="",
            staff_activity_ids_0=None,
            schedule="",
            accessibility="",
            help_form_ids=None,
            state_id="",
            territory="",
        )
        response = self.url_open("/my/ngo/application/new", data=data)
        self.assertEqual(response.status_code, 200)
        for text in (
            "хотя бы одного подготовленного сотрудника",
            "режим работы",
            "формы оказания помощи",
            "доступность помещений",
            "территорию обслуживания",
        ):
            self.assertIn(text, response.text)
        self.assertIn('id="schedule_error"', response.text)
        self.assertIn('id="help_forms_error"', response.text)
        self.assertEqual(self.env["mgp.ngo.application"].search_count([]), applications)
        # an employee without the activities he may perform is refused too
        data = self._form_data(make_inn("402733310"), staff_activity_ids_0=None)
        response = self.url_open("/my/ngo/application/new", data=data)
        self.assertIn('id="staff_activity_ids_0_error"', response.text)
        self.assertIn("Орлова Вера Петровна", response.text)
        self.assertEqual(self.env["mgp.ngo.application"].search_count([]), applications)
        self.assertFalse(self.newcomer.partner_id.parent_id)

    def test_application_goes_to_the_registry_keeper_of_its_region(self):
        """A portal application naming region A reaches the centre keeping
        the registry of A and its reviewers, not another region's."""
        region_a = self.env.ref("base.state_ru_tul")
        keeper_a = self.env["res.company"].create(
            {"name": "ЦЗН Тульской области", "state_id": region_a.id}
        )
        region_a.mgp_ngo_registry_company_id = keeper_a
        admin = self.env["res.users"].create(
            {
                "name": "Региональный администратор",
                "login": "ngo_regional_admin",
                "company_id": keeper_a.id,
                "company_ids": [(6, 0, keeper_a.ids)],
                "group_ids": [(6, 0, self.env.ref("mgp_base.group_admin").ids)],
            }
        )
        # the regional administrator keeps the setting in the back office
        region_b = self.env.ref("base.state_ru_ore")
        region_b.with_user(admin).mgp_ngo_registry_company_id = keeper_a
        self.assertEqual(region_b.mgp_ngo_registry_company_id, keeper_a)
        with self.assertRaises(AccessError):
            region_b.with_user(self.manager).mgp_ngo_registry_company_id = False
        reviewer_a = self.env["res.users"].create(
            {
                "name": "Рецензент А",
                "login": "ngo_reviewer_a",
                "company_id": keeper_a.id,
                "company_ids": [(6, 0, keeper_a.ids)],
                "group_ids": [(6, 0, self.env.ref("mgp_base.group_manager").ids)],
            }
        )
        self._login(self.newcomer)  # a user of the Kaluga centre
        inn = make_inn("402733311")
        response = self.url_open(
            "/my/ngo/application/new",
            data=self._form_data(inn, state_id=str(region_a.id)),
        )
        match = re.search(r"/my/ngo/application/(\d+)\?submitted=1", response.url)
        self.assertTrue(match, response.url)
        application = self.env["mgp.ngo.application"].browse(int(match.group(1)))
        self.assertEqual(application.company_id, keeper_a)
        self.assertEqual(application.territory_state_ids, region_a)
        Application = self.env["mgp.ngo.application"]
        self.assertEqual(
            Application.with_user(reviewer_a).search([("inn", "=", inn)]),
            application,
        )
        self.assertFalse(
            Application.with_user(self.manager).search([("inn", "=", inn)])
        )
        self.assertFalse(
            Application.with_user(self.specialist).search([("inn", "=", inn)])
        )
        # its reviewer approves it
        application.with_user(reviewer_a).action_take_review()
        application.with_user(reviewer_a).action_approve()
        self.assertEqual(application.partner_id.mgp_ngo_state, "included")
        # a region nobody keeps: the user's own centre
        self._login(self.rep_b)
        response = self.url_open(
            "/my/ngo/application/new",
            data=self._form_data(
                self.org_b.vat,
                org_name=self.org_b.name,
                state_id=str(self.env.ref("base.state_ru_mur").id),
            ),
        )
        match = re.search(r"/my/ngo/application/(\d+)\?submitted=1", response.url)
        self.assertTrue(match, response.url)
        other = Application.browse(int(match.group(1)))
        self.assertEqual(other.company_id, self.company)
        self.assertTrue(
            Application.with_user(self.manager).search([("id", "=", other.id)])
        )
        self.assertFalse(
            Application.with_user(reviewer_a).search([("id", "=", other.id)])
        )

    # The portal form shows the model's own validation messages next to the
    # fields (validate → prepare → create: a refused form creates nothing)
    def _model_errors(self, user, **form):
        values = dict.fromkeys(TEXT_FIELDS, "")
        values.update(
            {"activity_ids": [], "help_form_ids": [], "state_id": "", "capacity": ""}
        )
        values["staff"] = [{} for _index in range(3)]
        values.update(form)
        return (
            self.env["mgp.ngo.application"]
            .with_user(user)
            .with_context(lang="ru_RU")
            ._mgp_portal_validate(values)
        )

    def _counts(self):
        return (
            self.env["mgp.ngo.application"].search_count([]),
            self.env["res.partner"].search_count([]),
        )

    def test_invalid_form_shows_the_model_messages(self):
        self._login(self.newcomer)
        counts = self._counts()
        valid = make_ogrn("116400033300")
        bad_ogrn = valid[:-1] + str((int(valid[-1]) + 1) % 10)
        inn = make_inn("402733312")
        response = self.url_open(
            "/my/ngo/application/new",
            data=self._form_data(
                inn,
                ogrn=bad_ogrn,
                schedule="",
                capacity="шесть",
                staff_date_0="2024-13-45",
            ),
        )
        self.assertEqual(response.status_code, 200)
        expected = self._model_errors(
            self.newcomer,
            org_name="АНО «Новая организация»",
            inn=inn,
            ogrn=bad_ogrn,
            territory="г. Калуга",
            accessibility="Пандус, лифт",
            activity_ids=self.activities[:2].ids,
            help_form_ids=self.help_forms[:2].ids,
            capacity="шесть",
            staff=[
                {
                    "name": "Орлова Вера Петровна",
                    "document_date": "2024-13-45",
                    "activity_ids": self.activities[:1].ids,
                },
                {},
                {},
            ],
        )
        self.assertEqual(
            set(expected), {"ogrn", "schedule", "capacity", "staff_date_0"}
        )
        self.assertIn("ОГРН", expected["ogrn"])  # the model speaks Russian
        page = response.text
        for name, message in expected.items():
            # the message next to its field, tied to it for screen readers
            error = re.search(
                r'<div[^>]*\bid="%s_error"[^>]*>(.*?)</div>' % name,
                page,
                re.S,
            )
            self.assertTrue(error, name)
            self.assertIn(str(escape(message)), error.group(1))
            field = re.search(r"<(?:input|textarea)[^>]*\bid=\"%s\"[^>]*>" % name, page)
            self.assertTrue(field, name)
            self.assertIn('aria-invalid="true"', field.group(0))
            self.assertRegex(field.group(0), r'aria-describedby="[^"]*%s_error' % name)
            self.assertIn(f'for="{name}"', page)  # labelled
        # the summary is announced first and links to the fields
        summary = re.search(
            r'<div class="alert alert-danger o_mgp_error_summary" role="alert"'
            r".*?</div>",
            page,
            re.S,
        )
        self.assertTrue(summary)
        for name, message in expected.items():
            self.assertIn(f'href="#{name}"', summary.group(0))
            self.assertIn(str(escape(message)), summary.group(0))
        self.assertIn("Орлова Вера Петровна", page)  # input kept
        self.assertEqual(self._counts(), counts)
        self.assertFalse(self.newcomer.partner_id.parent_id)

    def test_refused_document_shown_next_to_the_upload(self):
        self._login(self.newcomer)
        counts = self._counts()
        response = self.url_open(
            "/my/ngo/application/new",
            data=self._form_data(make_inn("402733313")),
            files={"attachments": ("virus.exe", b"MZ", "application/octet-stream")},
        )
        error = re.search(
            r'<div[^>]*\bid="attachments_error"[^>]*>(.*?)</div>', response.text, re.S
        )
        self.assertTrue(error)
        self.assertIn("virus.exe", error.group(1))
        self.assertRegex(
            response.text,
            r'<input[^>]*aria-describedby="attachments_help attachments_error"',
        )
        self.assertEqual(self._counts(), counts)

    def test_valid_form_creates_the_application(self):
        inn = make_inn("402733314")
        # the model accepts the form the portal sends
        self.assertFalse(
            self._model_errors(
                self.newcomer,
                org_name="АНО «Новая организация»",
                inn=inn,
                schedule="Пн–Пт 9:00–18:00",
                accessibility="Пандус, лифт",
                territory="г. Калуга",
                activity_ids=self.activities[:2].ids,
                help_form_ids=self.help_forms[:2].ids,
                staff=[
                    {
                        "name": "Орлова Вера Петровна",
                        "document_date": "2024-05-20",
                        "activity_ids": self.activities[:1].ids,
                    },
                    {},
                    {},
                ],
            )
        )
        self._login(self.newcomer)
        applications, _partners = self._counts()
        response = self.url_open("/my/ngo/application/new", data=self._form_data(inn))
        match = re.search(r"/my/ngo/application/(\d+)\?submitted=1", response.url)
        self.assertTrue(match, response.url)
        self.assertEqual(
            self.env["mgp.ngo.application"].search_count([]), applications + 1
        )
        application = self.env["mgp.ngo.application"].browse(int(match.group(1)))
        self.assertEqual(application.inn, inn)
        self.assertEqual(application.state, "submitted")
        self.assertEqual(application.submitted_user_id, self.newcomer)
        self.assertEqual(application.partner_id, self.newcomer.commercial_partner_id)

    def test_validation_is_for_portal_users(self):
        with self.assertRaises(UserError):
            self._model_errors(self.specialist)
