# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import HttpCase, tagged

from odoo.addons.mgp_base.tests.common import pdf_text
from odoo.addons.mgp_workplace_plan.tests.common import WorkplaceCommon

PLAN_REPORT = "mgp_workplace_plan.action_report_workplace_plan"


class PlanComplaintCommon(WorkplaceCommon):
    def _pdf(self, plan):
        with self.allow_pdf_render():
            content, _type = (
                self.env["ir.actions.report"]
                .with_context(force_report_rendering=True)
                ._render_qweb_pdf(PLAN_REPORT, plan.ids)
            )
        return pdf_text(content)


@tagged("post_install", "-at_install")
class TestPlanCorrection(PlanComplaintCommon):
    def test_sent_plan_corrected_keeps_number_and_history(self):
        plan = self._sent_plan()
        number, version = plan.name, plan.version
        Correction = self.env["mgp.document.correction"]
        with freeze_time("2026-01-19"):
            correction = Correction.with_user(self.specialist).create(
                {
                    "partner_id": self.employer.id,
                    "res_model": plan._name,
                    "res_id": plan.id,
                    "document_kind": "plan",
                    "description": "Ошибка в должности работника.",
                    "new_position": "Оператор ЭВМ",
                }
            )
        self.assertEqual(correction.company_id, plan.company_id)
        self.assertEqual(correction.document_name, number)
        self.assertEqual(
            correction.deadline_ids.filtered(
                lambda d: d.code == "document_correction"
            ).working_days,
            5,
        )
        # a sent plan stays frozen for ordinary writes
        with self.assertRaises(UserError):
            plan.with_user(self.manager).write({"worker_position": "Другое"})
        with self.allow_pdf_render():
            correction.with_user(self.manager).action_apply(date(2026, 1, 19))
        self.assertEqual(correction.state, "applied")
        self.assertEqual(correction.old_position, "Оператор")
        self.assertEqual((plan.name, plan.version), (number, version))
        self.assertEqual(plan.worker_position, "Оператор ЭВМ")
        self.assertEqual(plan.mgp_correction_date, date(2026, 1, 19))
        old = correction.superseded_attachment_id
        self.assertEqual((old.res_model, old.res_id), (plan._name, plan.id))
        old_text = pdf_text(old.raw)
        self.assertIn("должность: Оператор", old_text)
        self.assertNotIn("исправлено", old_text)
        new_text = self._pdf(plan)
        self.assertIn("Оператор ЭВМ", new_text)
        self.assertIn(number, new_text)
        self.assertIn("(исправлено 19 января 2026 г.)", new_text)
        self.assertIn(self.employer, correction.message_ids.partner_ids)
        for forged in (
            {"mgp_correction_date": date(2026, 1, 20)},
            {"mgp_correction_id": False},
        ):
            with self.assertRaises(UserError):
                plan.with_user(self.manager).write(forged)
        self.assertEqual(plan.mgp_correction_id, correction)

    def test_plan_not_sent_cannot_be_corrected(self):
        plan = self._appeal()
        with self.assertRaises(ValidationError):
            self.env["mgp.document.correction"].with_user(self.specialist).create(
                {
                    "partner_id": self.employer.id,
                    "res_model": plan._name,
                    "res_id": plan.id,
                    "document_kind": "plan",
                    "description": "x",
                    "new_position": "y",
                }
            )

    def test_plan_does_not_print_snils(self):
        plan = self._sent_plan()
        correction = self.env["mgp.document.correction"].create(
            {
                "partner_id": self.employer.id,
                "res_model": plan._name,
                "res_id": plan.id,
                "document_kind": "plan",
                "description": "x",
                "new_snils": "112-233-445 95",
            }
        )
        with self.assertRaises(UserError):
            correction.with_user(self.manager).action_apply()
        self.assertEqual(correction.state, "requested")

    def test_complaint_smart_button(self):
        plan = self._sent_plan()
        complaint = (
            self.env["mgp.complaint"]
            .with_user(self.specialist)
            .create(
                {
                    "partner_id": self.employer.id,
                    "company_id": plan.company_id.id,
                    "res_model": plan._name,
                    "res_id": plan.id,
                    "subject": "service_delay",
                    "description": "План направлен с нарушением срока.",
                }
            )
        )
        plan.invalidate_recordset(["mgp_complaint_count"])
        self.assertEqual(plan.with_user(self.specialist).mgp_complaint_count, 1)
        action = plan.with_user(self.specialist).action_view_mgp_complaints()
        self.assertEqual(self.env["mgp.complaint"].search(action["domain"]), complaint)
        self.assertEqual(complaint.res_name, plan.display_name)


@tagged("post_install", "-at_install")
class TestPlanComplaintPortal(HttpCase, PlanComplaintCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("ru_RU")
        cls.env["ir.module.module"]._load_module_terms(
            ["mgp_base", "mgp_complaint"], ["ru_RU"], overwrite=True
        )
        (cls.rep | cls.rep_2).lang = "ru_RU"

    def _token(self, url):
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        return page, re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)

    def test_employer_complains_about_own_plan_only(self):
        plan = self._sent_plan()
        other = self._sent_plan(employer_id=self.employer_2.id, snils="123-456-789 64")
        Complaint = self.env["mgp.complaint"]
        self.authenticate(self.rep.login, self.rep.login + "_pwd1")
        page, token = self._token("/my/complaint/new")
        self.assertIn(f"mgp.workplace.plan,{plan.id}", page.text)
        self.assertNotIn(f"mgp.workplace.plan,{other.id}", page.text)
        # somebody else's plan: refused, nothing saved
        response = self.url_open(
            "/my/complaint/new",
            data={
                "csrf_token": token,
                "target": f"mgp.workplace.plan,{other.id}",
                "subject": "service_delay",
                "description": "Жалоба на чужой план.",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn('aria-describedby="target_error"', response.text)
        self.assertFalse(Complaint.search([("res_id", "=", other.id)]))
        self.url_open(
            "/my/complaint/new",
            data={
                "csrf_token": token,
                "target": f"mgp.workplace.plan,{plan.id}",
                "subject": "service_delay",
                "description": "План направлен с нарушением срока.",
            },
        )
        complaint = Complaint.search(
            [("res_model", "=", plan._name), ("res_id", "=", plan.id)]
        )
        self.assertEqual(len(complaint), 1)
        self.assertEqual(complaint.partner_id, self.employer)
        self.assertEqual(complaint.company_id, plan.company_id)
        self.assertEqual(
            self.url_open(f"/my/complaint/{complaint.id}").status_code, 200
        )
        # the other employer sees neither the complaint nor the plan in the form
        self.authenticate(self.rep_2.login, self.rep_2.login + "_pwd1")
        self.assertEqual(
            self.url_open(f"/my/complaint/{complaint.id}").status_code, 404
        )
        page, _token = self._token("/my/complaint/new")
        self.assertNotIn(f"mgp.workplace.plan,{plan.id}", page.text)

    def test_employer_asks_plan_correction(self):
        plan = self._sent_plan()
        Correction = self.env["mgp.document.correction"]
        self.authenticate(self.rep.login, self.rep.login + "_pwd1")
        reference = f"mgp.workplace.plan,{plan.id},plan"
        page, token = self._token("/my/correction/new")
        self.assertIn(reference, page.text)
        self.url_open(
            "/my/correction/new",
            data={
                "csrf_token": token,
                "case": reference,
                "description": "Неверная должность работника.",
                "new_position": "Оператор ЭВМ",
            },
        )
        correction = Correction.search([("res_id", "=", plan.id)])
        self.assertEqual(len(correction), 1)
        self.assertEqual(correction.document_kind, "plan")
        self.assertEqual(correction.partner_id, self.employer)
        self.assertEqual(
            self.url_open(f"/my/correction/{correction.id}").status_code, 200
        )
        self.authenticate(self.rep_2.login, self.rep_2.login + "_pwd1")
        page, _token = self._token("/my/correction/new")
        self.assertNotIn(reference, page.text)
        self.assertEqual(
            self.url_open(f"/my/correction/{correction.id}").status_code, 404
        )
