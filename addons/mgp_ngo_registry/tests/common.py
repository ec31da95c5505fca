# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from stdnum.ru import inn as stdnum_inn
from stdnum.ru import ogrn as stdnum_ogrn

from odoo.tests.common import HttpCase, TransactionCase, new_test_user


def make_inn(body):
    """A valid 10-digit ИНН of a legal entity starting with ``body`` (9 digits)."""
    return next(
        f"{body}{digit}" for digit in range(10) if stdnum_inn.is_valid(f"{body}{digit}")
    )


def make_ogrn(body):
    """A valid 13-digit ОГРН starting with ``body`` (12 digits)."""
    return next(
        f"{body}{digit}"
        for digit in range(10)
        if stdnum_ogrn.is_valid(f"{body}{digit}")
    )


def setup_ngo_fixtures(cls):
    """Centre in a region with its users, and the employment activities."""
    cls.env = cls.env(context=dict(cls.env.context, mail_notify_force_send=False))
    calendar = cls.env.ref("mgp_base.calendar_ru", raise_if_not_found=False)
    if calendar and hasattr(calendar, "_refresh_years"):
        calendar._refresh_years([2025, 2026, 2027])
    cls.state = cls.env.ref("base.state_ru_klu")
    cls.company = cls.env["res.company"].create(
        {"name": "ЦЗН НГО Тестовый", "state_id": cls.state.id}
    )
    cls.company_other = cls.env["res.company"].create({"name": "ЦЗН НГО Другой"})
    # the test centre keeps the NGO registry of its region (the demo data
    # gives the region to the demo centre)
    cls.state.mgp_ngo_registry_company_id = cls.company
    cls.specialist = _new_user(cls, "ngo_specialist", "mgp_base.group_specialist")
    cls.manager = _new_user(cls, "ngo_manager", "mgp_base.group_manager")
    cls.activities = cls.env["mgp.activity"].search(
        [("service", "=", "employment")], order="sequence, id"
    )
    cls.help_forms = cls.env["mgp.ngo.help.form"].search([])
    cls.Application = cls.env["mgp.ngo.application"]
    cls.Partner = cls.env["res.partner"]


def _new_user(cls, login, groups, company=None):
    company = company or cls.company
    return new_test_user(
        cls.env,
        login=login,
        groups=groups,
        company_id=company.id,
        company_ids=[(6, 0, company.ids)],
        email=f"{login}@example.ru",
        name=login.replace("_", " ").title(),
    )


class NgoTestMixin:
    def _application_vals(self, index=1, **vals):
        values = {
            "channel": "paper",
            "date_received": "2025-03-03",
            "date": "2025-02-28",
            "org_name": f"АНО «Тест {index}»",
            "inn": make_inn(f"40270000{index}"),
            "ogrn": make_ogrn(f"11640000000{index}"),
            "address": "248000, г. Калуга, ул. Тестовая, д. 1",
            "head_name": "Иванов Иван Иванович",
            "head_position": "Директор",
            "phone": "+7 4842 00-00-00",
            "conditions": "Бесплатно, в рабочие дни.",
            "schedule": "Пн–Пт 9:00–18:00",
            "help_form_ids": [(6, 0, self.help_forms[:2].ids)],
            "accessibility": "Пандус, лифт, адаптированный санузел",
            "territory": "г. Калуга",
            "territory_state_ids": [(6, 0, self.state.ids)],
            "capacity": 4,
            "company_id": self.company.id,
            "mgp_activity_ids": [(6, 0, self.activities[:3].ids)],
            "staff_ids": [
                (
                    0,
                    0,
                    {
                        "name": "Петрова Анна Сергеевна",
                        "job_title": "Психолог",
                        "qualification": "Диплом № 1",
                        "document_date": "2024-01-10",
                        "activity_ids": [(6, 0, self.activities[:2].ids)],
                    },
                )
            ],
        }
        values.update(vals)
        return values

    def _submitted_application(self, index=1, **vals):
        application = (
            self.Application.with_user(self.specialist)
            .with_company(self.company)
            .create(self._application_vals(index, **vals))
        )
        application.action_submit()
        return application

    def _organisation(self, index=1, **vals):
        values = {
            "name": f"АНО «Организация {index}»",
            "is_company": True,
            "vat": make_inn(f"40271111{index}"),
            "company_registry": make_ogrn(f"11640111111{index}"),
            "state_id": self.state.id,
        }
        values.update(vals)
        return self.Partner.create(values)


class NgoCommon(NgoTestMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        setup_ngo_fixtures(cls)


class NgoHttpCommon(NgoTestMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        setup_ngo_fixtures(cls)
