# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import NgoCommon, make_inn, make_ogrn


def _spoil(number):
    """The same number with a wrong check digit."""
    return number[:-1] + str((int(number[-1]) + 1) % 10)


@tagged("post_install", "-at_install")
class TestNgoApplication(NgoCommon):
    def test_paper_registration_creates_organisation_and_deadline(self):
        application = self._submitted_application(
            1, channel="post", post_reference="РПО 24800012345678"
        )
        self.assertEqual(application.state, "submitted")
        self.assertEqual(application.channel, "post")
        self.assertTrue(application.name.startswith("НГО-З-"))
        organisation = application.partner_id
        self.assertTrue(organisation.is_company)
        self.assertEqual(organisation.vat, application.inn)
        self.assertEqual(organisation.company_registry, application.ogrn)
        self.assertEqual(organisation.mgp_ngo_state, "none")
        deadline = application._mgp_deadline_get("ngo_review")
        self.assertEqual(deadline.state, "open")
        self.assertEqual(deadline.date_start, date(2025, 3, 3))
        self.assertEqual(
            deadline.date_due,
            self.env["mgp.calendar"].add_working_days(
                date(2025, 3, 3), 10, self.state.id
            ),
        )
        self.assertEqual(deadline.user_id, self.specialist)
        with self.assertRaises(UserError):
            application.action_submit()

    def test_review_deadline_is_configurable(self):
        rule = self.env.ref("mgp_ngo_registry.deadline_rule_ngo_review")
        self.assertEqual(rule.days, 10)
        rule.days = 3
        application = self._submitted_application(2)
        self.assertEqual(
            application._mgp_deadline_get("ngo_review").date_due,
            self.env["mgp.calendar"].add_working_days(
                date(2025, 3, 3), 3, self.state.id
            ),
        )

    def test_bad_identifiers_refused(self):
        with self.assertRaises(ValidationError):
            self.Application.create(
                self._application_vals(3, inn=_spoil(make_inn("402700003")))
            )
        with self.assertRaises(ValidationError):
            self.Application.create(
                self._application_vals(3, ogrn=_spoil(make_ogrn("116400000003")))
            )
        self.assertFalse(self.Application.search([("org_name", "=", "АНО «Тест 3»")]))

    def test_approve_includes_organisation(self):
        application = self._submitted_application(4)
        application.with_user(self.specialist).action_take_review()
        self.assertEqual(application.state, "review")
        self.assertEqual(application.user_id, self.specialist)
        with self.assertRaises(UserError):
            application.with_user(self.specialist).action_approve()
        application.with_user(self.manager).action_approve()
        self.assertEqual(application.state, "approved")
        self.assertTrue(application.decision_date)
        organisation = application.partner_id
        self.assertEqual(organisation.mgp_ngo_state, "included")
        self.assertEqual(organisation.mgp_ngo_basis, "application")
        self.assertEqual(organisation.mgp_ngo_included_date, application.decision_date)
        self.assertTrue(organisation.mgp_ngo_registry_number.startswith("KLU-НГО-"))
        self.assertEqual(organisation.mgp_ngo_activity_ids, self.activities[:3])
        self.assertEqual(
            organisation.mgp_ngo_staff_ids.mapped("name"), ["Петрова Анна Сергеевна"]
        )
        self.assertEqual(organisation.mgp_ngo_capacity, 4)
        self.assertEqual(organisation.mgp_ngo_conditions, "Бесплатно, в рабочие дни.")
        self.assertEqual(organisation.mgp_ngo_territory_state_ids, self.state)
        # the application keeps its own staff rows
        self.assertEqual(len(application.staff_ids), 1)
        self.assertEqual(application._mgp_deadline_get("ngo_review").state, "done")
        notice = application.message_ids.filtered(
            lambda m: "включена в реестр" in (m.subject or "")
        )
        self.assertTrue(notice)
        self.assertIn(organisation.mgp_ngo_registry_number, notice.body)
        self.assertIn(organisation, notice.partner_ids)
        with self.assertRaises(UserError):
            application.with_user(self.manager).action_approve()

    def test_reject_with_reason(self):
        application = self._submitted_application(5)
        with self.assertRaises(UserError):
            application.with_user(self.specialist).action_reject("Нет персонала")
        with self.assertRaises(UserError):
            application.with_user(self.manager).action_reject("   ")
        wizard = (
            self.env["mgp.ngo.application.reject.wizard"]
            .with_user(self.manager)
            .create(
                {
                    "application_ids": [(6, 0, application.ids)],
                    "reason": "Отсутствует подготовленный персонал",
                }
            )
        )
        wizard.action_confirm()
        self.assertEqual(application.state, "rejected")
        self.assertEqual(
            application.reject_reason, "Отсутствует подготовленный персонал"
        )
        self.assertEqual(application.partner_id.mgp_ngo_state, "none")
        self.assertEqual(application._mgp_deadline_get("ngo_review").state, "done")
        notice = application.message_ids.filtered(
            lambda m: "Отказ" in (m.subject or "")
        )
        self.assertIn("Отсутствует подготовленный персонал", notice.body)
        with self.assertRaises(UserError):
            application.with_user(self.manager).action_approve()
        with self.assertRaises(UserError):
            application.with_user(self.manager).unlink()

    def test_dates_validated(self):
        with self.assertRaises(ValidationError):
            self.Application.create(self._application_vals(9, date="2025-03-04"))
        with self.assertRaises(ValidationError):
            self.Application.create(
                self._application_vals(9, date_received="2999-01-01")
            )

    def test_take_review_only_when_submitted(self):
        application = self.Application.create(self._application_vals(6))
        with self.assertRaises(UserError):
            application.action_take_review()
        with self.assertRaises(UserError):
            application.with_user(self.manager).action_approve()

    def test_approve_existing_organisation_replaces_staff(self):
        organisation = self._organisation(7)
        organisation.action_mgp_ngo_include()
        number = organisation.mgp_ngo_registry_number
        self.env["mgp.ngo.staff"].create(
            {"partner_id": organisation.id, "name": "Уволившийся сотрудник"}
        )
        application = self._submitted_application(
            7, partner_id=organisation.id, inn=organisation.vat
        )
        application.with_user(self.manager).action_approve()
        self.assertEqual(organisation.mgp_ngo_registry_number, number)
        self.assertEqual(
            organisation.mgp_ngo_staff_ids.mapped("name"), ["Петрова Анна Сергеевна"]
        )

    def test_approve_included_organisation_keeps_inclusion(self):
        organisation = self._organisation(6)
        organisation.action_mgp_ngo_include()
        organisation.mgp_ngo_included_date = date(2024, 1, 15)
        number = organisation.mgp_ngo_registry_number
        application = self._submitted_application(
            6, partner_id=organisation.id, inn=organisation.vat, capacity=9
        )
        application.with_user(self.manager).action_approve()
        self.assertEqual(application.state, "approved")
        self.assertEqual(organisation.mgp_ngo_state, "included")
        self.assertEqual(organisation.mgp_ngo_registry_number, number)
        self.assertEqual(organisation.mgp_ngo_included_date, date(2024, 1, 15))
        self.assertEqual(organisation.mgp_ngo_basis, "contract")
        self.assertEqual(organisation.mgp_ngo_capacity, 9)
        self.assertEqual(organisation.mgp_ngo_activity_ids, self.activities[:3])

    def test_approve_refuses_second_organisation_with_same_inn(self):
        organisation = self._organisation(5)
        organisation.action_mgp_ngo_include()
        duplicate = self._organisation(5, name="АНО «Двойник»", company_registry=False)
        application = self._submitted_application(
            5, partner_id=duplicate.id, inn=organisation.vat
        )
        with self.assertRaises(UserError):
            application.with_user(self.manager).action_approve()
        self.assertEqual(application.state, "submitted")
        self.assertEqual(duplicate.mgp_ngo_state, "none")
        self.assertFalse(duplicate.mgp_ngo_registry_number)
        application.partner_id = organisation
        application.with_user(self.manager).action_approve()
        self.assertEqual(application.state, "approved")
        self.assertEqual(organisation.mgp_ngo_state, "included")

    def test_excluded_organisation_reincluded_by_application(self):
        organisation = self._organisation(4)
        organisation.action_mgp_ngo_include()
        organisation.mgp_ngo_included_date = date(2024, 1, 15)
        number = organisation.mgp_ngo_registry_number
        organisation.with_user(self.manager)._mgp_ngo_exclude(
            "Нет персонала", date(2024, 6, 1)
        )
        application = self._submitted_application(
            4, partner_id=organisation.id, inn=organisation.vat
        )
        application.with_user(self.manager).action_approve()
        self.assertEqual(organisation.mgp_ngo_state, "included")
        self.assertEqual(organisation.mgp_ngo_registry_number, number)
        self.assertEqual(organisation.mgp_ngo_included_date, application.decision_date)
        self.assertEqual(organisation.mgp_ngo_basis, "application")
        self.assertFalse(organisation.mgp_ngo_excluded_date)
        self.assertFalse(organisation.mgp_ngo_exclusion_reason)

    def test_status_not_written_directly(self):
        application = self._submitted_application(3)
        for user in (self.specialist, self.manager):
            with self.assertRaises(UserError):
                application.with_user(user).write({"state": "approved"})
        with self.assertRaises(UserError):
            self.Application.with_user(self.specialist).create(
                self._application_vals(2, state="approved")
            )
        self.assertEqual(application.state, "submitted")
        application.with_user(self.specialist).write({"note": "Устав проверен"})
        application.with_user(self.specialist).action_take_review()
        self.assertEqual(application.state, "review")
        self.assertEqual(application.partner_id.mgp_ngo_state, "none")

    def test_approve_refuses_inn_of_another_organisation(self):
        organisation = self._organisation(3)
        application = self._submitted_application(3, partner_id=organisation.id)
        self.assertNotEqual(application.inn, organisation.vat)
        with self.assertRaises(UserError):
            application.with_user(self.manager).action_approve()
        self.assertEqual(application.state, "submitted")
        self.assertEqual(organisation.mgp_ngo_state, "none")
        application.inn = organisation.vat
        application.with_user(self.manager).action_approve()
        self.assertEqual(organisation.mgp_ngo_state, "included")

    def test_multi_company_isolation(self):
        application = self._submitted_application(8)
        other = self.env["res.users"].create(
            {
                "name": "Специалист другого центра",
                "login": "ngo_specialist_other",
                "company_id": self.company_other.id,
                "company_ids": [(6, 0, self.company_other.ids)],
                "group_ids": [(6, 0, self.env.ref("mgp_base.group_specialist").ids)],
            }
        )
        self.assertFalse(
            self.Application.with_user(other).search([("id", "=", application.id)])
        )
        self.assertEqual(
            self.Application.with_user(self.specialist).search(
                [("id", "=", application.id)]
            ),
            application,
        )


@tagged("post_install", "-at_install")
class TestNgoApprovalRequirements(NgoCommon):
    """Inclusion «с учетом порядка и условий оказания помощи» and «наличия
    подготовленного персонала»: an application lacking them is not approved."""

    def _refused(self, application, *fragments):
        with self.assertRaises(UserError) as caught:
            application.with_user(self.manager).action_approve()
        message = str(caught.exception)
        for fragment in fragments:
            self.assertIn(fragment, message)
        self.assertIn(application.name, message)
        self.assertEqual(application.state, "submitted")
        self.assertEqual(application.partner_id.mgp_ngo_state, "none")
        self.assertFalse(application.partner_id.mgp_ngo_registry_number)
        return message

    def test_refused_without_staff(self):
        application = self._submitted_application(1, staff_ids=[])
        self._refused(application, "trained staff")
        # the form says what is missing before the manager approves
        self.assertIn("trained staff", application.approval_missing)
        self.assertNotIn("schedule", application.approval_missing)
        self.assertFalse(self._submitted_application(2).approval_missing)

    def test_refused_when_staff_has_no_activities(self):
        application = self._submitted_application(
            2,
            staff_ids=[
                (0, 0, {"name": "Без видов Олег", "activity_ids": []}),
                (
                    0,
                    0,
                    {
                        "name": "С видами Ирина",
                        "activity_ids": [(6, 0, self.activities[:1].ids)],
                    },
                ),
            ],
        )
        message = self._refused(application, "Без видов Олег")
        self.assertNotIn("С видами Ирина", message)

    def test_refused_without_conditions(self):
        application = self._submitted_application(
            3,
            territory_state_ids=[(5, 0, 0)],
            territory=False,
            schedule=False,
            help_form_ids=[(5, 0, 0)],
            accessibility="  ",
        )
        message = self._refused(
            application,
            "territory served",
            "schedule of assistance",
            "forms of assistance",
            "accessibility of the premises",
        )
        self.assertNotIn("trained staff", message)
        # each condition alone is enough to refuse
        application.write(
            {
                "territory": "г. Калуга",
                "schedule": "Пн–Пт",
                "help_form_ids": [(6, 0, self.help_forms[:1].ids)],
            }
        )
        message = self._refused(application, "accessibility of the premises")
        self.assertNotIn("schedule", message)

    def test_refusal_in_russian(self):
        application = self._submitted_application(4, staff_ids=[], schedule=False)
        self.env["res.lang"]._activate_lang("ru_RU")
        self.env["ir.module.module"]._load_module_terms(
            ["mgp_ngo_registry"], ["ru_RU"], overwrite=True
        )
        with self.assertRaises(UserError) as caught:
            application.with_user(self.manager).with_context(
                lang="ru_RU"
            ).action_approve()
        message = str(caught.exception)
        self.assertIn("нельзя одобрить", message)
        self.assertIn("подготовленный персонал", message)
        self.assertIn("режим работы", message)

    def test_one_incomplete_application_approves_nothing(self):
        complete = self._submitted_application(5)
        incomplete = self._submitted_application(6, accessibility=False)
        with self.assertRaises(UserError):
            (complete | incomplete).with_user(self.manager).action_approve()
        self.assertEqual(complete.state, "submitted")
        self.assertEqual(complete.partner_id.mgp_ngo_state, "none")

    def test_approval_copies_conditions_and_staff_activities(self):
        application = self._submitted_application(
            7,
            territory_state_ids=[(5, 0, 0)],
            territory="г. Обнинск",
            schedule="Вт, Чт 10:00–16:00",
            help_form_ids=[(6, 0, self.help_forms[1:3].ids)],
            accessibility="Первый этаж, пандус",
        )
        application.with_user(self.manager).action_approve()
        self.assertEqual(application.state, "approved")
        organisation = application.partner_id
        self.assertEqual(organisation.mgp_ngo_state, "included")
        self.assertEqual(organisation.mgp_ngo_schedule, "Вт, Чт 10:00–16:00")
        self.assertEqual(organisation.mgp_ngo_help_form_ids, self.help_forms[1:3])
        self.assertEqual(organisation.mgp_ngo_accessibility, "Первый этаж, пандус")
        self.assertEqual(organisation.mgp_ngo_territory, "г. Обнинск")
        staff = organisation.mgp_ngo_staff_ids
        self.assertEqual(staff.mapped("name"), ["Петрова Анна Сергеевна"])
        self.assertEqual(staff.activity_ids, self.activities[:2])
        # the registry rows are copies: the application keeps its own
        self.assertNotEqual(staff, application.staff_ids)
        self.assertEqual(application.staff_ids.activity_ids, self.activities[:2])

    def test_help_forms_catalogue(self):
        self.assertEqual(
            set(self.help_forms.mapped("code")),
            {"in_person", "remote", "workplace", "home"},
        )


@tagged("post_install", "-at_install")
class TestNgoApplicationDate(NgoCommon):
    """A paper application registered by staff is dated the day it was
    received unless the organisation dated it."""

    def test_date_defaults_to_receipt_date_on_create(self):
        vals = self._application_vals(1, date_received="2025-03-05")
        del vals["date"]
        application = self.Application.with_user(self.specialist).create(vals)
        self.assertEqual(application.date, date(2025, 3, 5))
        # a date given on the paper is kept
        signed = self.Application.with_user(self.specialist).create(
            self._application_vals(2, date_received="2025-03-05", date="2025-03-01")
        )
        self.assertEqual(signed.date, date(2025, 3, 1))

    def test_date_follows_receipt_date_in_the_form(self):
        form = Form(self.Application.with_user(self.specialist))
        form.org_name = "АНО «Бумажная»"
        form.inn = make_inn("402700033")
        form.date_received = date(2025, 3, 4)
        self.assertEqual(form.date, date(2025, 3, 4))
        form.date_received = date(2025, 3, 3)
        self.assertEqual(form.date, date(2025, 3, 3))
        form.date = date(2025, 2, 27)  # dated by the organisation
        form.date_received = date(2025, 3, 5)
        self.assertEqual(form.date, date(2025, 2, 27))
        application = form.save()
        self.assertEqual(application.date, date(2025, 2, 27))
        self.assertEqual(application.date_received, date(2025, 3, 5))
