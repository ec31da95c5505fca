# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Accessibility of the pages the suite shows to citizens, NGOs and the public.

Each page is opened in headless Chromium as the right user, in Russian, and
checked with axe-core 4 (WCAG 2.1 A and AA rules): a violation fails the test
with the rule and the elements. axe-core comes from its npm package, which
``scripts/test.sh`` installs (``MGP_AXE_CORE`` points at another
``axe.min.js``).

The main flows are walked with the keyboard alone: trusted key presses sent
through the Chrome DevTools protocol (Tab, Shift+Tab, Enter, Space, typed
text), never clicks; every element reached must show its focus.
"""

import os
import re
import tempfile
import time
from contextlib import ExitStack, contextmanager
from datetime import date
from unittest.mock import patch

import odoo.http
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import HOST, ChromeBrowser

from odoo.addons.mgp_accompaniment.tests.common import AccompanimentCommon
from odoo.addons.mgp_base.models.mgp_transition import forced_state
from odoo.addons.mgp_base.tests.common_documents import provide_documents
from odoo.addons.mgp_ngo_registry.tests.common import make_inn, make_ogrn

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_DEFAULT = "~/.local/share/mgp/node/node_modules/axe-core/axe.min.js"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
CYRILLIC = re.compile("[А-Яа-яЁё]")

# key: (code, windowsVirtualKeyCode, text typed by the key)
KEYS = {
    "Tab": ("Tab", 9, ""),
    "Enter": ("Enter", 13, "\r"),
    " ": ("Space", 32, " "),
    "ArrowDown": ("ArrowDown", 40, ""),
}

# the path of the page without the language prefix that Odoo may add (/ru/my)
PATH_JS = "location.pathname.replace(/^\\/ru(_RU)?(?=\\/)/, '') + location.search"

# The page is loaded and Odoo's scripts have started, their translations
# fetched (in the background when the browser has them already): leaving
# the page earlier aborts that request, an error in the browser's console.
READY_JS = (
    "document.readyState === 'complete'"
    " && document.body.getAttribute('is-ready') === 'true'"
    " && performance.getEntriesByType('resource')"
    ".some((entry) => /\\/translations\\b/.test(entry.name))"
)

# What the focused element is and whether its focus can be seen.
FOCUSED_JS = """(() => {
    const el = document.activeElement;
    if (!el || el === document.body) { return null; }
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== "none"
        && parseFloat(style.outlineWidth) >= 2;
    const shadow = Boolean(style.boxShadow) && style.boxShadow !== "none";
    const rect = el.getBoundingClientRect();
    return {
        tag: el.tagName.toLowerCase(),
        id: el.id,
        name: el.getAttribute("name") || "",
        href: el.getAttribute("href") || "",
        classes: el.className || "",
        text: (el.innerText || el.getAttribute("aria-label") || "").trim().slice(0, 80),
        focus_visible: outline || shadow,
        on_screen: rect.width > 0 && rect.height > 0,
    };
})()"""

# The functions of a page: every link, button and field that can be used.
FUNCTIONS_JS = """(() => Array.from(document.querySelectorAll(
    "#wrapwrap a[href], #wrapwrap button, #wrapwrap input:not([type=hidden]), "
    + "#wrapwrap select, #wrapwrap textarea"
)).filter((el) => {
    const rect = el.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0 && !el.disabled
        && getComputedStyle(el).visibility !== "hidden";
}).filter((el) => !el.closest(".o_mgp_a11y_switch")).map((el) => [
    el.tagName.toLowerCase(), el.getAttribute("href") || "",
    el.getAttribute("name") || "",
    el.id || "",
].join(" ")))()"""

AXE_RUN_JS = """(async () => {
    const results = await axe.run(document, {
        runOnly: {type: "tag", values: %s},
        resultTypes: ["violations"],
    });
    return {
        lang: document.documentElement.lang,
        violations: results.violations.map((rule) => ({
            id: rule.id,
            impact: rule.impact,
            help: rule.help,
            nodes: rule.nodes.map(
                (node) => node.target.join(" ") + " " + node.html.slice(0, 120)
            ),
        })),
    };
})()"""


def axe_source():
    path = os.path.expanduser(os.environ.get("MGP_AXE_CORE") or AXE_DEFAULT)
    if not os.path.isfile(path):
        raise AssertionError(
            f"axe-core is missing ({path}): run scripts/test.sh, which installs it "
            "with npm, or set MGP_AXE_CORE to an axe.min.js of axe-core 4"
        )
    with open(path, encoding="utf-8") as file:
        return file.read()


class KeyboardPage:
    """One browser tab driven by the keyboard through the DevTools protocol."""

    def __init__(self, test, browser):
        self.test = test
        self.browser = browser

    # -- reading the page ---------------------------------------------------
    def evaluate(self, expression, timeout=60):
        answer = self.browser._websocket_request(
            "Runtime.evaluate",
            params={
                "expression": expression,
                "awaitPromise": True,
                "returnByValue": True,
            },
            timeout=timeout,
        )
        if "exceptionDetails" in answer:
            raise AssertionError(f"{expression[:200]}: {answer['exceptionDetails']}")
        return answer["result"].get("value")

    def wait(self, expression, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.evaluate(
                f"(() => {{ try {{ return Boolean({expression}); }} "
                "catch (e) { return false; } })()"
            ):
                return
            time.sleep(0.1)
        raise AssertionError(
            f"Still false after {timeout} s: {expression} (on {self.path()})"
        )

    def path(self):
        """The path of the page, without the language prefix (/ru/...)."""
        return self.evaluate(PATH_JS)

    def focused(self):
        return self.evaluate(FOCUSED_JS)

    # -- acting with the keyboard --------------------------------------------
    def goto(self, path):
        self.browser.navigate_to(self.test.base_url() + path, wait_stop=True)
        self.wait(READY_JS)

    def press(self, key, shift=False):
        code, key_code, text = KEYS[key]
        params = {
            "key": key,
            "code": code,
            "windowsVirtualKeyCode": key_code,
            "nativeVirtualKeyCode": key_code,
            "modifiers": 8 if shift else 0,
        }
        down = dict(params, type="keyDown")
        if text:
            down["text"] = text
        self.browser._websocket_request("Input.dispatchKeyEvent", params=down)
        self.browser._websocket_request(
            "Input.dispatchKeyEvent", params=dict(params, type="keyUp")
        )

    def type(self, text):
        self.browser._websocket_request("Input.insertText", params={"text": text})

    def tab_to(self, predicate, limit=120, shift=False):
        """Press Tab until the focused element matches ``predicate`` (a
        function of the dict of ``focused()``); every element reached on the
        way must show its focus. Returns the elements reached, in order."""
        reached = []
        for _index in range(limit):
            self.press("Tab", shift=shift)
            element = self.focused()
            if not element:
                continue
            reached.append(element)
            self.test.assertTrue(
                element["focus_visible"] and element["on_screen"],
                f"The keyboard focus cannot be seen on {element} ({self.path()})",
            )
            if predicate(element):
                return reached
        raise AssertionError(
            f"Not reached with Tab on {self.path()}; reached: "
            + ", ".join(
                f"{e['tag']}#{e['id']} {e['href']} {e['text']}" for e in reached
            )
        )

    def activate(self, then_path=None):
        """Enter on the focused element; wait for the page it opens."""
        before = self.evaluate("performance.timeOrigin")
        self.press("Enter")
        if then_path:
            self.wait(f"new RegExp({then_path!r}).test({PATH_JS})")
            self.wait(f"performance.timeOrigin !== {before} && {READY_JS}")

    def choose_file(self, path):
        """What the file dialog does once the keyboard user opened it on the
        focused file field (the dialog itself belongs to the system)."""
        answer = self.browser._websocket_request(
            "Runtime.evaluate", params={"expression": "document.activeElement"}
        )
        self.browser._websocket_request(
            "DOM.setFileInputFiles",
            params={"files": [path], "objectId": answer["result"]["objectId"]},
        )

    # -- checks -------------------------------------------------------------
    def axe(self):
        """Run axe-core on the page; fail naming each violated rule and element."""
        problems = self.axe_problems()
        if problems:
            self.test.fail(problems)

    def axe_problems(self):
        """What axe-core finds on the page, as a text ("" when nothing)."""
        if not self.evaluate("typeof window.axe !== 'undefined'"):
            self.evaluate(axe_source() + "\n;true")
        result = self.evaluate(AXE_RUN_JS % AXE_TAGS, timeout=120)
        path = self.path()
        if not result["lang"].startswith("ru"):
            return f"{path}: the page is not in Russian (lang={result['lang']!r})"
        if result["violations"]:
            lines = [
                f"{rule['id']} ({rule['impact']}): {rule['help']}\n      "
                + "\n      ".join(rule["nodes"])
                for rule in result["violations"]
            ]
            return f"axe-core, {path}:\n  " + "\n  ".join(lines)
        return ""


@tagged("post_install", "-at_install")
class TestA11y(HttpCase, AccompanimentCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("ru_RU")
        # public pages speak the language of the public user
        cls.env.ref("base.public_user").partner_id.lang = "ru_RU"
        # the login page offers "Reset Password" (as on a real portal)
        cls.env["ir.config_parameter"].set_param("auth_signup.reset_password", "True")
        cls.citizen = cls._portal_user("a11y_citizen", cls.person)
        cls.case = cls._certificate_case()
        cls.case.message_post(
            body="Сертификат выдан. Порядок сопровождения: "
            '<a href="/my/accompaniment">ваши сертификаты</a>.',
            subject="Уведомление о выдаче сертификата",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        cls.organisation = cls.env["res.partner"].create(
            {
                "name": "АНО «Доступная среда»",
                "is_company": True,
                "vat": make_inn("402711111"),
                "company_registry": make_ogrn("116400000011"),
                "email": "dostup@example.ru",
                "phone": "+7 4842 11-11-11",
            }
        )
        cls.ngo_user = cls._portal_user(
            "a11y_ngo",
            cls.env["res.partner"].create(
                {"name": "Иванова Анна Сергеевна", "parent_id": cls.organisation.id}
            ),
        )
        cls.ngo_a_user = cls._portal_user(
            "a11y_ngo_a",
            cls.env["res.partner"].create(
                {"name": "Представитель А", "parent_id": cls.ngo_a.id}
            ),
        )
        cls.ngo_case = cls._ngo_case()
        # service 2: the employer's representative of the demo data and its plans
        cls.employer_user = cls.env.ref("mgp_workplace_plan.demo_user_employer")
        cls.plan_offer = cls.env.ref("mgp_workplace_plan.demo_plan_offer")
        cls.plan_discussion = cls.env.ref("mgp_workplace_plan.demo_plan_discussion")
        cls.plan_sent = cls.env["mgp.workplace.plan"].search(
            [
                (
                    "previous_version_id",
                    "=",
                    cls.env.ref("mgp_workplace_plan.demo_plan_sent").id,
                )
            ]
        )
        cls.plan_cancelled = cls.env.ref("mgp_workplace_plan.demo_plan_no_response")
        # complaints: one answered, a correction refused
        cls.complaint = cls._answered_complaint()
        cls.correction = cls.env["mgp.document.correction"].create(
            {
                "partner_id": cls.person.id,
                "company_id": cls.company.id,
                "res_model": cls.case._name,
                "res_id": cls.case.id,
                "description": "Опечатка в отчестве.",
                "new_name": "Иванов Иван Иванович",
            }
        )
        cls.correction.with_user(cls.manager).action_refuse(
            "Отчество указано верно, по паспорту."
        )

    @classmethod
    def _portal_user(cls, login, partner):
        partner.lang = "ru_RU"
        return new_test_user(
            cls.env,
            login=login,
            groups="base.group_portal",
            partner_id=partner.id,
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
            lang="ru_RU",
        )

    @classmethod
    def _certificate_case(cls):
        case = cls.Case.with_user(cls.specialist).create(
            {
                "partner_id": cls.person.id,
                "company_id": cls.company.id,
                "plan_agreed_date": date(2025, 11, 5),
                "personal_file_number": "ЛД-А11Y",
                "personal_file_date": date(2025, 11, 5),
                "line_ids": [
                    (0, 0, {"activity_id": act.id, "date_planned": date(2025, 11, 5)})
                    for act in cls.activities[:2]
                ],
            }
        )
        provide_documents(case, user=cls.specialist, day=date(2025, 11, 5))
        case.action_decide_need(True, date(2025, 11, 5))
        cls.env["mgp.accompaniment.assign.wizard"].with_user(cls.specialist).create(
            {
                "accompaniment_id": case.id,
                "responsible_user_id": cls.specialist_2.id,
                "order_date": date(2025, 11, 5),
            }
        ).action_confirm()
        case.with_user(cls.manager).action_approve_order(date(2025, 11, 5))
        case.action_issue_certificate(date(2025, 11, 6))
        return case

    @classmethod
    def _ngo_case(cls):
        case = cls.Case.with_user(cls.specialist).create(
            {
                "partner_id": cls.person_2.id,
                "company_id": cls.company.id,
                "plan_agreed_date": date(2025, 11, 5),
                "personal_file_number": "ЛД-А11Y-2",
                "personal_file_date": date(2025, 11, 5),
                "line_ids": [
                    (0, 0, {"activity_id": act.id, "date_planned": date(2025, 11, 5)})
                    for act in cls.activities[:2]
                ],
            }
        )
        provide_documents(case, user=cls.specialist, day=date(2025, 11, 5))
        case.action_decide_need(True, date(2025, 11, 5))
        case.action_record_ngo_consent(cls.ngo_a, date(2025, 11, 6))
        cls.env["mgp.accompaniment.assign.wizard"].with_user(cls.specialist).create(
            {
                "accompaniment_id": case.id,
                "ngo_id": cls.ngo_a.id,
                "contract_mode": "new",
                "contract_number": "Д-А11Y",
                "contract_date": date(2025, 11, 6),
            }
        ).action_confirm()
        case.action_issue_certificate(date(2025, 11, 6))
        return case

    @classmethod
    def _answered_complaint(cls):
        complaint = (
            cls.env["mgp.complaint"]
            .with_user(cls.specialist)
            .create(
                {
                    "partner_id": cls.person.id,
                    "company_id": cls.company.id,
                    "res_model": cls.case._name,
                    "res_id": cls.case.id,
                    "subject": "service_delay",
                    "description": "Нарушен срок принятия решения.",
                }
            )
        )
        complaint.action_register()
        # the manager approved the order of the case: another head decides
        # (nobody the complaint concerns decides it)
        reviewer = cls._new_user("a11y_reviewer", "group_manager", cls.company)
        complaint.with_user(reviewer).action_decide(
            "upheld",
            "Срок нарушен; специалисту указано на недопустимость нарушения.",
            "decision_reviewed",
            "Решение принято.",
        )
        complaint.action_send_answer()
        return complaint

    @contextmanager
    def _page(self, user=None):
        """A headless Chromium tab, logged in as ``user`` (anonymous without)."""
        browser = ChromeBrowser(self)
        with ExitStack() as stack:
            stack.enter_context(self.allow_requests(browser=browser))
            stack.callback(self._wait_remaining_requests)
            stack.callback(browser.stop)
            if "bus.bus" in self.env.registry:
                from odoo.addons.bus.websocket import (  # noqa: PLC0415
                    CloseCode,
                    WebsocketConnectionHandler,
                    _kick_all,
                )

                stack.callback(_kick_all, CloseCode.KILL_NOW)
                stack.enter_context(
                    patch.object(
                        WebsocketConnectionHandler,
                        "websocket_allowed",
                        return_value=True,
                    )
                )
            login = user.login if user else None
            self.authenticate(login, login, browser=browser)
            if not user:
                # a visitor whose browser asks for Russian
                self.session.context["lang"] = "ru_RU"
                odoo.http.root.session_store.save(self.session)
                browser.set_cookie("frontend_lang", "ru_RU", "/", HOST)
            self.cr.flush()
            self.cr.clear()
            yield KeyboardPage(self, browser)

    def _axe_pages(self, page, paths):
        problems = []
        for path in paths:
            page.goto(path)
            # the portal home shows its entries once their counters are loaded
            page.wait("!document.querySelector('.o_portal_doc_spinner')")
            problems.append(page.axe_problems())
        problems = [problem for problem in problems if problem]
        self.assertFalse(problems, "\n".join(problems))

    # ------------------------------------------------------------------
    # 1. axe-core on every page, as its users see it
    # ------------------------------------------------------------------
    def test_axe_public_pages(self):
        with self._page() as page:
            self._axe_pages(
                page, ["/mgp/ngo-registry", "/web/login", "/web/reset_password"]
            )
            # the password field is named by its label alone
            page.goto("/web/login")
            self.assertTrue(
                page.evaluate(
                    "!document.getElementById('password').labels[0].querySelector('a')"
                    " && Boolean(document.querySelector("
                    "'a[href^=\"/web/reset_password\"]:not([tabindex])'))"
                )
            )

    def test_axe_citizen_pages(self):
        with self._page(self.citizen) as page:
            for path in (
                "/my",
                "/my/accompaniments",
                f"/my/accompaniment/{self.case.id}",
                f"/my/accompaniment/{self.case.id}/certificate/html",
                "/my/consents",
            ):
                page.goto(path)
                page.wait(
                    "!document.querySelector('.o_portal_doc_spinner:not(.d-none)')"
                )
                page.axe()

    def test_axe_ngo_pages(self):
        with self._page(self.ngo_a_user) as page:
            paths = [
                "/my",
                "/my/ngo/applications",
                "/my/ngo/application/new",
                "/my/ngo/cases",
                f"/my/ngo/case/{self.ngo_case.id}",
            ]
            self._axe_pages(page, paths)

    # ------------------------------------------------------------------
    # 2. keyboard only
    # ------------------------------------------------------------------
    def test_keyboard_ngo_files_application_with_document(self):
        document = tempfile.NamedTemporaryFile(  # noqa: SIM115
            suffix=".pdf", prefix="ustav_", delete=False
        )
        self.addCleanup(os.unlink, document.name)
        document.write(PDF)
        document.close()
        with self._page(self.ngo_user) as page:
            page.goto("/my")
            page.tab_to(lambda e: e["href"] == "/my/ngo/applications")
            page.activate(r"^/my/ngo/applications$")
            page.tab_to(lambda e: e["href"] == "/my/ngo/application/new")
            page.activate(r"^/my/ngo/application/new$")
            page.axe()
            reached = page.tab_to(lambda e: e["id"] == "head_name")
            page.type("Петров Пётр Петрович")
            reached += page.tab_to(lambda e: e["id"] == "head_position")
            page.type("Директор")
            reached += page.tab_to(lambda e: e["name"] == "activity_ids")
            page.press(" ")  # the first activity
            reached += page.tab_to(lambda e: e["id"] == "conditions")
            page.type("Бесплатно, в рабочие дни.")
            reached += page.tab_to(lambda e: e["name"] == "schedule_slot_ids")
            page.press(" ")  # the first period of assistance
            reached += page.tab_to(lambda e: e["id"] == "schedule")
            page.type("Пн–Пт 9:00–18:00")
            reached += page.tab_to(lambda e: e["name"] == "help_form_ids")
            page.press(" ")  # the first form of assistance
            reached += page.tab_to(lambda e: e["name"] == "accessibility_ids")
            page.press(" ")  # the first accessibility feature
            reached += page.tab_to(lambda e: e["id"] == "accessibility")
            page.type("Пандус, лифт")
            reached += page.tab_to(lambda e: e["id"] == "territory")
            page.type("г. Калуга")
            reached += page.tab_to(lambda e: e["id"] == "staff_name_0")
            page.type("Сидорова Мария Ивановна")
            reached += page.tab_to(lambda e: e["id"] == "staff_job_0")
            page.type("Специалист по сопровождению")
            reached += page.tab_to(lambda e: e["name"] == "staff_activity_ids_0")
            page.press(" ")  # the first activity he may perform
            reached += page.tab_to(lambda e: e["id"] == "attachments")
            page.choose_file(document.name)
            reached += page.tab_to(lambda e: e["tag"] == "button")
            # the order of the keyboard is the order of the form
            dom_order = page.evaluate(
                "Array.from(document.querySelectorAll("
                "'form[action=\"/my/ngo/application/new\"] [id]')).map((el) => el.id)"
            )
            ids = [e["id"] for e in reached if e["id"] in dom_order]
            # Tab moves through the day, month and year of a date field
            ids = [i for n, i in enumerate(ids) if not n or ids[n - 1] != i]
            self.assertEqual(ids, sorted(ids, key=dom_order.index), "Tab order")
            self.assertEqual(len(ids), len(set(ids)), "Tab order loops")
            page.activate(r"^/my/ngo/application/\d+\?submitted=1$")
            page.wait("document.querySelector('.alert-success')")
            page.axe()
        application = self.env["mgp.ngo.application"].search(
            [("partner_id", "=", self.organisation.id)]
        )
        self.assertEqual(len(application), 1)
        self.assertEqual(application.head_name, "Петров Пётр Петрович")
        self.assertEqual(application.staff_ids.name, "Сидорова Мария Ивановна")
        self.assertEqual(len(application.staff_ids.activity_ids), 1)
        self.assertEqual(len(application.help_form_ids), 1)
        self.assertEqual(application.schedule, "Пн–Пт 9:00–18:00")
        self.assertEqual(application.accessibility, "Пандус, лифт")
        self.assertEqual(len(application.schedule_slot_ids), 1)
        self.assertEqual(len(application.accessibility_ids), 1)
        self.assertEqual(application.inclusion_basis, "application")
        self.assertEqual(len(application.mgp_activity_ids), 1)
        self.assertEqual(application.attachment_ids.raw, PDF)

    def test_keyboard_citizen_reads_certificate_and_notice(self):
        # read before the browser runs: its requests share the test cursor
        number, name = self.case.certificate_number, self.person.name
        with self._page(self.citizen) as page:
            page.goto("/my")
            page.wait(
                "document.querySelector('a[href=\"/my/accompaniment\"]').offsetParent"
            )
            page.tab_to(lambda e: e["href"] == "/my/accompaniment")
            page.activate(r"^/my/accompaniment$")
            case_url = f"/my/accompaniment/{self.case.id}"
            page.tab_to(lambda e: e["href"] == case_url)
            page.activate(rf"^{case_url}$")
            # the notice: a titled article a screen reader lists by its heading
            notice = page.evaluate(
                "(() => { const a = document.querySelector('article.o_mgp_notice');"
                " const h = document.getElementById(a.getAttribute('aria-labelledby'));"
                " return [h.tagName, h.innerText, a.innerText]; })()"
            )
            self.assertEqual(notice[0], "H3")
            self.assertIn("Уведомление о выдаче сертификата", notice[1])
            self.assertIn("Сертификат выдан", notice[2])
            # the certificate as an accessible page
            page.tab_to(lambda e: e["href"].endswith("/certificate/html"))
            page.activate(r"/certificate/html$")
            text = page.evaluate("document.querySelector('article').innerText")
            self.assertIn(number, text)
            self.assertIn(name, text)
            self.assertIn("Сертификат", text)
            # back, and the PDF download link is reached with the keyboard
            page.tab_to(lambda e: e["href"] == case_url)
            page.activate(rf"^{case_url}$")
            link = page.tab_to(lambda e: "download=1" in e["href"])[-1]
        response = self.url_open(link["href"])
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")

    # ------------------------------------------------------------------
    # 3. forms that explain themselves
    # ------------------------------------------------------------------
    def test_form_errors_are_announced_next_to_the_fields(self):
        with self._page(self.ngo_user) as page:
            page.goto("/my/ngo/application/new")
            # a wrong INN, no activity; something typed that must not be lost
            page.evaluate("document.getElementById('inn').value = '123'; true")
            page.tab_to(lambda e: e["id"] == "conditions")
            page.type("Условия, которые нельзя потерять")
            page.tab_to(lambda e: e["id"] == "staff_job_0")
            page.type("Психолог")  # a staff row without a name
            page.tab_to(lambda e: e["tag"] == "button")
            page.activate(r"^/my/ngo/application/new$")
            page.wait("document.querySelector('.o_mgp_error_summary')")
            state = page.evaluate("""(() => {
                const field = (id, selector) => {
                    const el = document.querySelector(selector || "#" + id);
                    const ids = (el.getAttribute("aria-describedby") || "").split(" ");
                    return {
                        invalid: el.getAttribute("aria-invalid"),
                        described: ids.map((i) => document.getElementById(i))
                            .filter(Boolean).map((d) => d.innerText).join(" "),
                        error: (document.getElementById(id + "_error") || {})
                            .innerText || "",
                        value: el.value,
                    };
                };
                const summary = document.querySelector(".o_mgp_error_summary");
                return {
                    focused: document.activeElement.className,
                    role: summary.getAttribute("role"),
                    summary: summary.innerText,
                    inn: field("inn"),
                    activities: field("activities", "input[name=activity_ids]"),
                    staff: field("staff_name_0"),
                    conditions: field("conditions"),
                    job: field("staff_job_0"),
                    labels: Array.from(document.querySelectorAll(
                        "form input:not([type=hidden]), form select, form textarea"
                    )).filter((el) => !el.labels.length
                        && !el.getAttribute("aria-labelledby"))
                        .map((el) => el.id),
                    required: Array.from(document.querySelectorAll("[required]"))
                        .map((el) => el.id),
                };
            })()""")
            self.assertIn("o_mgp_error_summary", state["focused"])
            label = page.evaluate(
                "document.querySelector('label[for=org_name]').innerText"
            )
            self.assertRegex(label, CYRILLIC, "the form speaks Russian")
            self.assertEqual(state["role"], "alert")
            for name in ("inn", "activities", "staff"):
                self.assertEqual(state[name]["invalid"], "true", name)
                self.assertRegex(state[name]["error"], CYRILLIC, name)
                self.assertIn(
                    state[name]["error"].strip(), state[name]["described"], name
                )
                self.assertIn(state[name]["error"].strip(), state["summary"], name)
            self.assertIn("ИНН 123", state["inn"]["error"])
            self.assertEqual(state["inn"]["value"], "123")
            self.assertEqual(
                state["conditions"]["value"], "Условия, которые нельзя потерять"
            )
            self.assertEqual(state["job"]["value"], "Психолог")
            self.assertFalse(state["labels"], "fields without a label")
            self.assertEqual(
                # the schedule: the periods or the text, either one
                state["required"],
                ["org_name", "inn", "accessibility"],
            )
            page.axe()

    def test_ngo_result_error_keeps_what_was_typed(self):
        line = self.ngo_case.line_ids[0]
        with self._page(self.ngo_a_user) as page:
            page.goto(f"/my/ngo/case/{self.ngo_case.id}")
            page.tab_to(lambda e: e["id"] == f"result_{line.id}")
            page.type("Проведена беседа")  # no date: refused
            page.tab_to(lambda e: e["tag"] == "button")
            page.activate(rf"^/my/ngo/case/{self.ngo_case.id}\?")
            state = page.evaluate(f"""(() => {{
                const result = document.getElementById("result_{line.id}");
                const error = document.getElementById(
                    result.getAttribute("aria-describedby")
                );
                return [document.activeElement.id, result.value, error.innerText,
                        error.getAttribute("role")];
            }})()""")
            self.assertEqual(state[0], f"line_{line.id}_error")
            self.assertEqual(state[1], "Проведена беседа")
            self.assertRegex(state[2], CYRILLIC)
            self.assertEqual(state[3], "alert")
            page.axe()

    # ------------------------------------------------------------------
    # 4. the version for the visually impaired
    # ------------------------------------------------------------------
    def test_version_for_the_visually_impaired(self):
        pages = (
            f"/my/accompaniment/{self.case.id}",
            f"/my/accompaniment/{self.case.id}/certificate/html",
            "/my/accompaniments",
        )
        with self._page(self.citizen) as page:
            regular = {}
            for path in pages:
                page.goto(path)
                regular[path] = page.evaluate(FUNCTIONS_JS)
            page.goto(pages[0])
            size = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
            page.tab_to(lambda e: "o_mgp_a11y_toggle" in e["classes"])
            page.activate(rf"^{pages[0]}$")
            page.wait("document.querySelector('#wrapwrap.o_mgp_a11y')")
            large = page.evaluate(
                "parseFloat(getComputedStyle(document.body).fontSize)"
            )
            self.assertGreaterEqual(large, size * 1.2)
            for path in pages:
                page.goto(path)
                page.wait("document.querySelector('#wrapwrap.o_mgp_a11y')")
                self.assertEqual(page.evaluate(FUNCTIONS_JS), regular[path], path)
                page.axe()
        self.citizen.invalidate_recordset()
        self.assertTrue(self.citizen.mgp_a11y_mode)
        # remembered for the user, in a new session
        with self._page(self.citizen) as page:
            page.goto(pages[0])
            self.assertTrue(
                page.evaluate("Boolean(document.querySelector('#wrapwrap.o_mgp_a11y'))")
            )
            page.tab_to(lambda e: "o_mgp_a11y_toggle" in e["classes"])
            page.activate(rf"^{pages[0]}$")
            page.wait("!document.querySelector('#wrapwrap.o_mgp_a11y')")
        self.citizen.invalidate_recordset()
        self.assertFalse(self.citizen.mgp_a11y_mode)

    def test_version_for_the_visually_impaired_ngo_form(self):
        self.ngo_user.mgp_a11y_mode = True
        with self._page(self.ngo_user) as page:
            page.goto("/my/ngo/application/new")
            page.wait("document.querySelector('#wrapwrap.o_mgp_a11y')")
            page.axe()

    def test_version_for_the_visually_impaired_anonymous(self):
        """A visitor switches it on the public registry: kept for the session."""
        with self._page() as page:
            page.goto("/mgp/ngo-registry")
            regular = page.evaluate(FUNCTIONS_JS)
            page.tab_to(lambda e: "o_mgp_a11y_toggle" in e["classes"])
            page.activate(r"^/mgp/ngo-registry$")
            page.wait("document.querySelector('#wrapwrap.o_mgp_a11y')")
            page.goto("/mgp/ngo-registry")
            page.wait("document.querySelector('#wrapwrap.o_mgp_a11y')")
            self.assertEqual(page.evaluate(FUNCTIONS_JS), regular)
            page.axe()

    # ------------------------------------------------------------------
    # service 2 (employers) and complaints: axe-core, forms, keyboard
    # ------------------------------------------------------------------
    def _field_state(self, page, field_id):
        """How a screen reader meets a field: its label, whether it is
        invalid, the texts it is described by, its value."""
        return page.evaluate(f"""(() => {{
            const el = document.getElementById({field_id!r});
            const ids = (el.getAttribute("aria-describedby") || "").split(" ");
            return {{
                label: Array.from(el.labels).map((l) => l.innerText).join(" "),
                invalid: el.getAttribute("aria-invalid"),
                described: ids.map((i) => document.getElementById(i))
                    .filter(Boolean).map((d) => d.innerText).join(" "),
                value: el.value,
                focused: document.activeElement.className,
            }};
        }})()""")

    def test_axe_employer_pages(self):
        with self._page(self.employer_user) as page:
            self._axe_pages(
                page,
                [
                    "/my",
                    "/my/workplace",
                    f"/my/workplace/{self.plan_offer.id}",
                    f"/my/workplace/{self.plan_discussion.id}",
                    f"/my/workplace/{self.plan_sent.id}",
                    f"/my/workplace/{self.plan_sent.id}?success=answer",
                    f"/my/workplace/{self.plan_sent.id}/plan/html",
                    f"/my/workplace/{self.plan_cancelled.id}",
                    f"/my/workplace/{self.plan_offer.id}?error=Ошибка",
                    "/my/workplace/appeal",
                    "/my/account",
                    "/my/security",
                ],
            )

    def test_axe_social_employment_organisation_pages(self):
        """An authorised organisation of social employment in the portal:
        its register and a request to answer (mgp_social_employment)."""
        region = self.env.ref("base.state_ru_vla")
        contact = self.env["res.partner"].create(
            {"name": "ГБУСО «Интернат» (a11y)", "is_company": True}
        )
        company = self.env["res.company"].create(
            {"name": "ГБУСО «Интернат» (a11y)", "state_id": region.id}
        )
        Participant = self.env["mgp.socemp.participant"]
        organisation = Participant.create(
            {
                "name": "Интернат (a11y)",
                "kind": "organisation",
                "company_id": company.id,
                "partner_id": contact.id,
                "state_id": region.id,
            }
        )
        ministry = Participant.create(
            {"name": "Министерство (a11y)", "kind": "ministry", "state_id": region.id}
        )
        person = self.env["res.partner"].create(
            {"name": "Орлов Павел Андреевич", "mgp_birth_date": date(1988, 4, 2)}
        )
        record = self.env["mgp.socemp.record"].create(
            {
                "partner_id": person.id,
                "organisation_id": organisation.id,
                "date_identified": date(2025, 12, 1),
            }
        )
        record.action_consent(date(2025, 12, 5))
        record._mgp_request_receive(
            ministry, "Сведения о занятости", date(2025, 12, 30)
        )
        user = self._portal_user(
            "a11y_socemp",
            self.env["res.partner"].create(
                {"name": "Представитель интерната", "parent_id": contact.id}
            ),
        )
        with self._page(user) as page:
            self._axe_pages(page, ["/my", "/my/socemp"])
            self.assertTrue(
                page.evaluate(
                    "document.querySelectorAll('table.o_mgp_socemp_requests tbody tr')"
                    ".length === 1"
                )
            )

    def test_axe_employer_quota_pages(self):
        """The employer's quota reports: the list, a returned report (the
        form), an accepted one, a new report and a refused form; the demo
        referral the employer answered and its filed local acts."""
        returned = self.env.ref("mgp_quota.demo_quota_report_returned")
        accepted = self.env.ref("mgp_quota.demo_quota_report_old")
        hired = self.env.ref("mgp_quota.demo_quota_referral_hired")
        local_acts = self.env.ref("mgp_quota.demo_quota_local_acts_last")
        with self._page(self.employer_user) as page:
            self._axe_pages(
                page,
                [
                    "/my/quota",
                    f"/my/quota/{returned.id}",
                    f"/my/quota/{returned.id}?success=saved",
                    f"/my/quota/{accepted.id}",
                    "/my/quota/new",
                    f"/my/quota/referral/{hired.id}",
                    f"/my/quota/local-acts/{local_acts.id}",
                ],
            )
            # a refused form, with the keyboard: the errors first, focused,
            # tied to their fields; what was typed is kept
            page.goto("/my/quota/new")
            page.tab_to(lambda e: e["id"] == "headcount_avg")
            page.type("сто")
            page.tab_to(lambda e: e["id"] == "line_0_worker_name")
            page.type("Инвалидов Пётр Петрович")
            page.tab_to(lambda e: e["name"] == "submit")
            page.activate(r"^/my/quota/new$")
            page.wait("document.querySelector('.o_mgp_error_summary')")
            state = self._field_state(page, "headcount_avg")
            self.assertEqual(state["invalid"], "true")
            self.assertIn("целое число", state["described"])
            self.assertIn("o_mgp_error_summary", state["focused"])
            self.assertEqual(
                self._field_state(page, "line_0_worker_name")["value"],
                "Инвалидов Пётр Петрович",
            )
            unlabelled = page.evaluate(
                "Array.from(document.querySelectorAll('form input:not([type=hidden]),"
                " form select, form textarea')).filter((el) => !el.labels.length)"
                ".map((el) => el.id)"
            )
            self.assertFalse(unlabelled, "fields without a label")
            page.axe()

    def test_axe_employer_quota_local_acts_and_referral(self):
        """The employer's monthly report of local acts (seed 004:162) and a
        referral to its quota vacancy waiting for its answer."""
        employer = self.employer_user.partner_id.commercial_partner_id
        company = employer.mgp_quota_company_id or self.employer_user.company_id
        local_acts = self.env["mgp.quota.local.act.report"]._mgp_engine_create(
            {
                "employer_id": employer.id,
                "company_id": company.id,
                "date_from": "2026-04-01",
            }
        )
        workplace = self.env["mgp.quota.workplace"].create(
            {
                "name": "Оператор ЭВМ",
                "employer_id": employer.id,
                "company_id": company.id,
            }
        )
        referral = self.env["mgp.quota.referral"].create(
            {
                "partner_id": self.env["res.partner"]
                .create({"name": "Соискатель Лев"})
                .id,
                "workplace_id": workplace.id,
                "company_id": company.id,
            }
        )
        referral.action_send()
        with self._page(self.employer_user) as page:
            self._axe_pages(
                page,
                [
                    f"/my/quota/local-acts/{local_acts.id}",
                    f"/my/quota/local-acts/{local_acts.id}?success=saved",
                    f"/my/quota/referral/{referral.id}",
                ],
            )

    def test_axe_citizen_complaint_pages(self):
        with self._page(self.citizen) as page:
            self._axe_pages(
                page,
                [
                    "/my",
                    "/my/complaints",
                    f"/my/complaint/{self.complaint.id}",
                    f"/my/complaint/{self.complaint.id}?filed=1",
                    f"/my/complaint/{self.complaint.id}/answer/html",
                    "/my/complaint/new",
                    "/my/corrections",
                    f"/my/correction/{self.correction.id}",
                    "/my/correction/new",
                    "/my/account",
                    "/my/security",
                ],
            )

    def test_employer_appeal_refused_keeps_what_was_typed(self):
        with self._page(self.employer_user) as page:
            page.goto("/my/workplace/appeal")
            page.tab_to(lambda e: e["id"] == "worker_name")
            page.type("Новиков Пётр Сергеевич")
            page.tab_to(lambda e: e["id"] == "worker_snils")
            page.type("123")  # not a SNILS
            page.tab_to(lambda e: e["id"] == "help_expected")
            page.type("Наставник на первый месяц")
            page.tab_to(lambda e: e["id"] == "attachments")
            page.tab_to(lambda e: e["tag"] == "button")
            page.activate(r"^/my/workplace/appeal$")
            page.wait("document.querySelector('.o_mgp_error_summary')")
            snils = self._field_state(page, "worker_snils")
            self.assertIn("o_mgp_error_summary", snils["focused"])
            self.assertEqual(snils["invalid"], "true")
            self.assertRegex(snils["described"], CYRILLIC)
            self.assertIn("СНИЛС", snils["described"])
            self.assertEqual(snils["value"], "123")
            summary = page.evaluate(
                "document.querySelector('.o_mgp_error_summary').innerText"
            )
            self.assertIn("СНИЛС", summary)
            self.assertEqual(
                self._field_state(page, "worker_name")["value"],
                "Новиков Пётр Сергеевич",
            )
            self.assertEqual(
                self._field_state(page, "help_expected")["value"],
                "Наставник на первый месяц",
            )
            required = page.evaluate(
                "Array.from(document.querySelectorAll('form [required]'))"
                ".map((el) => el.id)"
            )
            self.assertEqual(required, ["company_id", "worker_name", "worker_snils"])
            page.axe()
        self.assertFalse(
            self.env["mgp.workplace.plan"].search(
                [("worker_name", "=", "Новиков Пётр Сергеевич")]
            )
        )

    def test_employer_comment_refused_is_announced_next_to_the_field(self):
        line = self.plan_discussion.line_ids.sorted("sequence")[0]
        url = f"/my/workplace/{self.plan_discussion.id}"
        with self._page(self.employer_user) as page:
            page.goto(url)
            # nothing written, no term proposed: refused
            page.tab_to(lambda e: e["id"] == f"comment_{line.id}")
            page.tab_to(lambda e: e["tag"] == "button")
            page.activate(rf"^{url}\?")
            page.wait("document.querySelector('.o_mgp_error_summary')")
            state = self._field_state(page, f"comment_{line.id}")
            self.assertIn("o_mgp_error_summary", state["focused"])
            self.assertEqual(state["invalid"], "true")
            self.assertRegex(state["described"], CYRILLIC)
            page.axe()
            # the plan left the discussion meanwhile: the comment is refused
            # and what was typed stays in its field
            page.goto(url)
            page.tab_to(lambda e: e["id"] == f"comment_{line.id}")
            page.type("Наставника назначим позже")
            with forced_state(self.plan_discussion.sudo()) as plan:
                plan._mgp_engine_write({"state": "revised"})
            self.cr.flush()
            page.tab_to(lambda e: e["tag"] == "button")
            page.activate(rf"^{url}\?")
            page.wait("document.querySelector('.o_mgp_error_summary')")
            summary = page.evaluate(
                "document.querySelector('.o_mgp_error_summary').innerText"
            )
            self.assertRegex(summary, CYRILLIC)
            kept = page.evaluate(
                "document.querySelector('.o_mgp_comment_kept').innerText"
            )
            self.assertEqual(kept, "Наставника назначим позже")
            page.axe()

    def test_complaint_refused_is_announced_and_keeps_what_was_typed(self):
        with self._page(self.citizen) as page:
            page.goto("/my/complaint/new")
            # no case chosen: refused
            page.tab_to(lambda e: e["id"] == "description")
            page.type("Текст, который нельзя потерять")
            page.tab_to(lambda e: e["tag"] == "button" and "жалоб" in e["text"])
            page.activate(r"^/my/complaint/new$")
            page.wait("document.querySelector('.alert-danger')")
            target = self._field_state(page, "target")
            self.assertEqual(target["invalid"], "true")
            self.assertRegex(target["described"], CYRILLIC)
            self.assertTrue(target["label"])
            self.assertIn("alert-danger", target["focused"])
            self.assertEqual(
                self._field_state(page, "description")["value"],
                "Текст, который нельзя потерять",
            )
            page.axe()
            page.goto("/my/correction/new")
            page.tab_to(lambda e: e["id"] == "new_name")
            page.type("Иванов Иван Петрович")
            page.tab_to(lambda e: e["tag"] == "button")
            page.activate(r"^/my/correction/new$")
            page.wait("document.querySelector('.alert-danger')")
            case = self._field_state(page, "case")
            self.assertEqual(case["invalid"], "true")
            self.assertRegex(case["described"], CYRILLIC)
            self.assertIn("alert-danger", case["focused"])
            self.assertEqual(
                self._field_state(page, "new_name")["value"], "Иванов Иван Петрович"
            )
            page.axe()

    def test_keyboard_employer_accepts_offer(self):
        plan_url = f"/my/workplace/{self.plan_offer.id}"
        with self._page(self.employer_user) as page:
            page.goto("/my")
            page.wait(
                "document.querySelector('a[href=\"/my/workplace\"]').offsetParent"
            )
            page.tab_to(lambda e: e["href"] == "/my/workplace")
            page.activate(r"^/my/workplace$")
            page.tab_to(lambda e: e["href"] == plan_url)
            page.activate(rf"^{plan_url}$")
            reached = page.tab_to(lambda e: e["name"] == "answer")
            self.assertEqual(reached[-1]["text"], "Обратиться за планом")
            page.activate(rf"^{plan_url}\?success=answer$")
            page.wait("document.querySelector('.alert-success')")
            page.axe()
        self.plan_offer.invalidate_recordset()
        self.assertEqual(self.plan_offer.state, "analysis")

    def test_keyboard_employer_files_appeal(self):
        with self._page(self.employer_user) as page:
            page.goto("/my/workplace")
            page.tab_to(lambda e: e["href"] == "/my/workplace/appeal")
            page.activate(r"^/my/workplace/appeal$")
            reached = page.tab_to(lambda e: e["id"] == "worker_name")
            page.type("Новиков Пётр Сергеевич")
            reached += page.tab_to(lambda e: e["id"] == "worker_snils")
            page.type("112-233-445 95")
            reached += page.tab_to(lambda e: e["id"] == "worker_position")
            page.type("Оператор станков")
            reached += page.tab_to(lambda e: e["id"] == "help_expected")
            page.type("Наставник на первый месяц")
            reached += page.tab_to(lambda e: e["id"] == "contact_phone")
            page.type("+7 4842 00-00-00")
            reached += page.tab_to(lambda e: e["tag"] == "button")
            dom_order = page.evaluate(
                "Array.from(document.querySelectorAll("
                "'form[action=\"/my/workplace/appeal\"] [id]')).map((el) => el.id)"
            )
            ids = [e["id"] for e in reached if e["id"] in dom_order]
            ids = [i for n, i in enumerate(ids) if not n or ids[n - 1] != i]
            self.assertEqual(ids, sorted(ids, key=dom_order.index), "Tab order")
            page.activate(r"^/my/workplace/\d+\?success=appeal$")
            page.wait("document.querySelector('.alert-success')")
            page.axe()
        plan = self.env["mgp.workplace.plan"].search(
            [("worker_name", "=", "Новиков Пётр Сергеевич")]
        )
        self.assertEqual(len(plan), 1)
        self.assertEqual(plan.trajectory, "appeal")
        self.assertEqual(plan.appeal_channel, "portal")
        self.assertEqual(plan.employer_id, self.plan_offer.employer_id)
        self.assertEqual(plan.help_expected, "Наставник на первый месяц")
        self.assertEqual(plan.contact_phone, "+7 4842 00-00-00")

    def test_keyboard_employer_comments_draft_plan(self):
        line = self.plan_discussion.line_ids.sorted("sequence")[1]
        url = f"/my/workplace/{self.plan_discussion.id}"
        with self._page(self.employer_user) as page:
            page.goto("/my/workplace")
            page.tab_to(lambda e: e["href"] == url)
            page.activate(rf"^{url}$")
            page.tab_to(lambda e: e["id"] == f"comment_{line.id}")
            page.type("Режим работы согласуем с цехом")
            page.tab_to(lambda e: e["id"] == f"proposed_date_{line.id}")
            page.type("2026-12-15")
            page.tab_to(lambda e: e["tag"] == "button")
            page.activate(rf"^{url}\?success=comment$")
            page.wait("document.querySelector('.alert-success')")
            page.axe()
        line.invalidate_recordset()
        self.assertEqual(line.employer_comment, "Режим работы согласуем с цехом")

    def test_keyboard_citizen_files_complaint(self):
        with self._page(self.citizen) as page:
            page.goto("/my")
            page.wait(
                "document.querySelector('a[href=\"/my/complaints\"]').offsetParent"
            )
            page.tab_to(lambda e: e["href"] == "/my/complaints")
            page.activate(r"^/my/complaints$")
            page.tab_to(lambda e: e["href"] == "/my/complaint/new")
            page.activate(r"^/my/complaint/new$")
            page.tab_to(lambda e: e["id"] == "target")
            page.press("ArrowDown")  # the first case
            page.tab_to(lambda e: e["id"] == "subject")
            page.press("ArrowDown")  # the first subject
            page.tab_to(lambda e: e["id"] == "description")
            page.type("Специалист не ответил на моё обращение.")
            page.tab_to(lambda e: e["tag"] == "button" and "жалоб" in e["text"])
            page.activate(r"^/my/complaint/\d+\?filed=1$")
            page.wait("document.querySelector('.alert-success')")
            page.axe()
        complaint = self.env["mgp.complaint"].search(
            [
                ("partner_id", "=", self.person.id),
                ("description", "=", "Специалист не ответил на моё обращение."),
            ]
        )
        self.assertEqual(len(complaint), 1)
        self.assertEqual(complaint.res_model, "mgp.accompaniment")
        self.assertEqual(complaint.res_id, self.case.id)
        self.assertEqual(complaint.state, "registered")

    # ------------------------------------------------------------------
    # Employer programmes (seed 004 §4, §6, §7)
    # ------------------------------------------------------------------
    def _programme_records(self):
        """A subsidy application with its agreement for the demo employer,
        a business aid and a training referral in another locality for the
        citizen."""
        organisation = self.employer_user.partner_id.commercial_partner_id
        application = (
            self.env["mgp.subsidy.application"]
            .with_user(self.specialist)
            .create(
                {
                    "employer_id": organisation.id,
                    "company_id": self.company.id,
                    "workplace_count": 1,
                    "amount_requested": 90000,
                }
            )
        )
        agreement = (
            self.env["mgp.subsidy.agreement"]
            .with_user(self.specialist)
            .create(
                {
                    "employer_id": organisation.id,
                    "company_id": self.company.id,
                    "workplace_ids": [(0, 0, {"name": "Оператор", "amount": 90000})],
                }
            )
        )
        aid = (
            self.env["mgp.business.aid"]
            .with_user(self.specialist)
            .create(
                {
                    "partner_id": self.person.id,
                    "company_id": self.company.id,
                    "business_activity": "Ремонт обуви",
                }
            )
        )
        referral = (
            self.env["mgp.training.referral"]
            .with_user(self.specialist)
            .create(
                {
                    "partner_id": self.person.id,
                    "company_id": self.company.id,
                    "ground": "no_qualification",
                    "profession_id": self.env.ref(
                        "mgp_employer_programmes.training_profession_1"
                    ).id,
                    "other_locality": True,
                }
            )
        )
        return application, agreement, aid, referral

    def test_axe_programme_pages(self):
        application, agreement, aid, referral = self._programme_records()
        with self._page(self.employer_user) as page:
            self._axe_pages(
                page,
                [
                    "/my/subsidy",
                    "/my/subsidy/apply",
                    f"/my/subsidy/{application.id}",
                    f"/my/subsidy/agreement/{agreement.id}",
                ],
            )
        with self._page(self.citizen) as page:
            self._axe_pages(
                page,
                [
                    "/my",
                    "/my/business-aid",
                    "/my/business-aid/apply",
                    f"/my/business-aid/{aid.id}",
                    f"/my/business-aid/{aid.id}?success=document",
                    "/my/training",
                    f"/my/training/{referral.id}",
                ],
            )

    def test_keyboard_citizen_consents_to_training_elsewhere(self):
        __, __, __, referral = self._programme_records()
        with self._page(self.citizen) as page:
            page.goto(f"/my/training/{referral.id}")
            page.tab_to(lambda e: e["name"] == "consent")
            page.activate(rf"^/my/training/{referral.id}\?success=consent$")
            page.wait("document.querySelector('.alert-success')")
            page.axe()
        referral.invalidate_recordset()
        self.assertTrue(referral.consent_date)
