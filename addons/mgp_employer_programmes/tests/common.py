# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.tests import new_test_user

from odoo.addons.mgp_base.tests.common import MgpCommon
from odoo.addons.mgp_base.tests.common_documents import provide_documents


class ProgrammesCommon(MgpCommon):
    """An employer with a portal representative, a budget limit of 2026
    for ``company`` and helpers that take a subsidy along its path."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Application = cls.env["mgp.subsidy.application"]
        cls.Agreement = cls.env["mgp.subsidy.agreement"]
        cls.Workplace = cls.env["mgp.subsidy.workplace"]
        cls.employer = cls.env["res.partner"].create(
            {"name": "ООО «Работодатель»", "is_company": True, "email": "hr@rab.ru"}
        )
        cls.employer_2 = cls.env["res.partner"].create(
            {"name": "ООО «Другой»", "is_company": True}
        )
        cls.rep = cls._portal_user("mgp_prog_rep", cls.employer, "Кадровик Анна")
        cls.rep_2 = cls._portal_user("mgp_prog_rep_2", cls.employer_2, "Кадровик Борис")
        cls.budget = cls.env["mgp.subsidy.budget"].create(
            {"company_id": cls.company.id, "year": 2026, "amount": 250000}
        )
        cls.cost_kind = cls.env.ref("mgp_employer_programmes.cost_kind_1")
        cls.person_2 = cls.env["res.partner"].create(
            {
                "name": "Петров Пётр Петрович",
                "company_id": cls.company.id,
                "mgp_disability_group": "3",
            }
        )

    @classmethod
    def _portal_user(cls, login, company, name):
        contact = cls.env["res.partner"].create(
            {"name": name, "parent_id": company.id, "email": f"{login}@example.ru"}
        )
        return new_test_user(
            cls.env,
            login=login,
            password=login + "_pwd1",
            groups="base.group_portal",
            partner_id=contact.id,
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
        )

    def _application(self, user=None, **vals):
        values = {
            "employer_id": self.employer.id,
            "company_id": self.company.id,
            "cost_kind_ids": [(6, 0, self.cost_kind.ids)],
            "workplace_count": 1,
            "amount_requested": 100000,
        }
        values.update(vals)
        return self.Application.with_user(user or self.specialist).create(values)

    def _complete(self, application):
        provide_documents(application)
        application.write(
            {
                "cond_no_tax_debt": True,
                "cond_no_liquidation": True,
                "cond_candidates": True,
            }
        )
        return application

    def _agreement(self, amount=100000, workplaces=1):
        return self.Agreement.with_user(self.specialist).create(
            {
                "employer_id": self.employer.id,
                "company_id": self.company.id,
                "workplace_ids": [
                    (0, 0, {"name": f"Оператор {index + 1}", "amount": amount})
                    for index in range(workplaces)
                ],
            }
        )

    def _paid_agreement(self, amount=100000):
        agreement = self._agreement(amount)
        agreement.action_sign(date(2026, 1, 12))
        agreement.with_user(self.manager).action_pay(date(2026, 1, 13))
        return agreement
