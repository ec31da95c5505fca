# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.mgp_base.tests.common_documents import provide_documents

from .common import ProgrammesCommon

PDF = b"%PDF-1.4 test"


@tagged("post_install", "-at_install")
class TestPersonPortal(ProgrammesCommon, HttpCase):
    """The disabled person's pages over HTTP, as the person himself: the
    business aid (applied in the portal, once in a lifetime) and the
    training (state, attendance, consent), each with his documents; another
    person gets 404."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.citizen = cls._citizen("mgp_prog_citizen", cls.person)
        cls.citizen_2 = cls._citizen("mgp_prog_citizen_2", cls.person_2)
        cls.school = cls.env["res.partner"].create(
            {"name": "ГАПОУ «Колледж»", "is_company": True}
        )

    @classmethod
    def _citizen(cls, login, partner):
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

    def _csrf(self, url):
        page = self.url_open(url)
        marker = 'name="csrf_token" value="'
        start = page.text.index(marker) + len(marker)
        return page.text[start : page.text.index('"', start)]

    def _apply(self, **data):
        purpose = self.env.ref("mgp_employer_programmes.business_purpose_3")
        values = {
            "csrf_token": self._csrf("/my/business-aid/apply"),
            "company_id": str(self.company.id),
            "legal_form": "entrepreneur",
            "business_activity": "Ремонт обуви",
            "purpose_ids": [str(purpose.id)],
            "plan_amount": "64 000".replace(" ", ""),
        }
        values.update(data)
        return self.url_open(
            "/my/business-aid/apply",
            data=values,
            files={"business_plan": ("plan.pdf", PDF, "application/pdf")},
        )

    def test_business_aid_applied_followed_and_once(self):
        Aid = self.env["mgp.business.aid"]
        self._login(self.citizen)
        form = self.url_open("/my/business-aid/apply")
        self.assertEqual(form.status_code, 200)
        self.assertIn('for="business_plan"', form.text)
        refused = self._apply(plan_amount="много")
        self.assertIn("o_mgp_error_summary", refused.text)
        self.assertIn('aria-invalid="true"', refused.text)
        self.assertFalse(Aid.search([("partner_id", "=", self.person.id)]))
        response = self._apply()
        aid = Aid.search([("partner_id", "=", self.person.id)])
        self.assertEqual(len(aid), 1)
        self.assertEqual(aid.state, "draft")
        self.assertEqual(aid.plan_amount, 64000)
        self.assertIn(f"/my/business-aid/{aid.id}", response.url)
        self.assertIn("Your documents", response.text)
        plan = aid.mgp_document_line_ids.filtered(
            lambda d: (
                d.type_id
                == self.env.ref("mgp_employer_programmes.document_type_business_aid_2")
            )
        )
        # the plan is the engine line's file: received, the centre checks it
        self.assertEqual(plan.attachment_id.name, "plan.pdf")
        self.assertEqual(plan.file_name, "plan.pdf")
        self.assertTrue(plan.received_date)
        self.assertFalse(plan.checked_date)
        self.assertTrue(
            aid.mgp_document_line_ids.filtered(
                lambda d: (
                    d.type_id
                    == self.env.ref(
                        "mgp_employer_programmes.document_type_business_aid_1"
                    )
                )
            ).received_date
        )
        # a missing document sent from the page
        costs = aid.mgp_document_line_ids.filtered(lambda d: not d.required)
        sent = self.url_open(
            f"/my/business-aid/{aid.id}",
            data={
                "csrf_token": self._csrf(f"/my/business-aid/{aid.id}"),
                "document_id": str(costs.id),
            },
            files={"document": ("receipt.pdf", PDF, "application/pdf")},
        )
        self.assertIn("success=document", sent.url)
        self.assertEqual(costs.attachment_id.name, "receipt.pdf")
        self.assertEqual(costs.attachment_id.res_model, "mgp.document.line")
        self.assertTrue(costs.received_date)
        self.assertFalse(costs.checked_date)
        self.assertIn(aid.name, self.url_open("/my/business-aid").text)
        # once in a lifetime (004:192): the second application is refused
        second = self._apply()
        self.assertIn("o_mgp_error_summary", second.text)
        self.assertIn("once", second.text)
        self.assertEqual(Aid.search_count([("partner_id", "=", self.person.id)]), 1)
        # another person: 404, and nothing of the first in his list
        self._login(self.citizen_2)
        self.assertEqual(self.url_open(f"/my/business-aid/{aid.id}").status_code, 404)
        self.assertNotIn(aid.name, self.url_open("/my/business-aid").text)

    def test_employer_has_no_business_aid_pages(self):
        self._login(self.rep)
        self.assertEqual(self.url_open("/my/business-aid/apply").status_code, 404)

    def test_training_state_attendance_and_consent(self):
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
                    "ipra_recommends": True,
                    "other_locality": True,
                    "school_id": self.school.id,
                    "school_license": "Л035-01234-40/00123456",
                    "school_contract": "К-12",
                    "stipend_amount": 2000,
                    "condition_ids": [
                        (
                            6,
                            0,
                            self.env.ref(
                                "mgp_employer_programmes.training_condition_2"
                            ).ids,
                        )
                    ],
                }
            )
        )
        self._login(self.citizen)
        page = self.url_open(f"/my/training/{referral.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("I consent to the training in another locality", page.text)
        consent = self.url_open(
            f"/my/training/{referral.id}",
            data={
                "csrf_token": self._csrf(f"/my/training/{referral.id}"),
                "consent": "1",
            },
        )
        self.assertIn("success=consent", consent.url)
        self.assertTrue(referral.consent_date)
        self.assertNotIn("I consent to the training", consent.text)
        # the referral issued, the training runs: the attendance is shown
        provide_documents(referral)
        referral.action_refer(date(2026, 2, 2))
        referral.action_start(date(2026, 2, 9), date(2026, 5, 29))
        referral.write(
            {
                "attendance_ids": [
                    (
                        0,
                        0,
                        {
                            "month": date(2026, 2, 1),
                            "days_planned": 14,
                            "days_attended": 12,
                            "days_incapacity": 2,
                        },
                    )
                ]
            }
        )
        page = self.url_open(f"/my/training/{referral.id}")
        self.assertIn("02.2026", page.text)
        self.assertIn(referral.condition_ids.name, page.text)
        self.assertIn(referral.name, self.url_open("/my/training").text)
        self._login(self.citizen_2)
        self.assertEqual(self.url_open(f"/my/training/{referral.id}").status_code, 404)
        self.assertNotIn(referral.name, self.url_open("/my/training").text)
