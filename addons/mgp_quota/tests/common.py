# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.tests import new_test_user

from odoo.addons.mgp_base.tests.common import MgpCommon


class QuotaCommon(MgpCommon):
    """The country's rules of the tests (the shipped ones archived), two
    employers of the Kaluga centre with a portal representative each, one
    employer of the other centre."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Rule = cls.env["mgp.quota.rule"]
        cls.Report = cls.env["mgp.quota.report"]
        cls.Rule.search([]).action_archive()
        cls.state_bry = cls.env.ref("base.state_ru_bry")
        cls.state_other = cls.env.ref("base.state_ru_tul")
        cls.rule_36 = cls._rule(36, 100, 2.0)
        cls.rule_101 = cls._rule(101, 0, 3.0)
        cls.employer = cls.env["res.partner"].create(
            {
                "name": "ООО «Квотник»",
                "is_company": True,
                "vat": "4027000001",
                "email": "hr@kvotnik.example.ru",
                "state_id": cls.state.id,
                "mgp_quota_company_id": cls.company_region.id,
            }
        )
        cls.employer_2 = cls.env["res.partner"].create(
            {
                "name": "АО «Второй работодатель»",
                "is_company": True,
                "state_id": cls.state.id,
                "mgp_quota_company_id": cls.company_region.id,
            }
        )
        cls.employer_other = cls.env["res.partner"].create(
            {
                "name": "ООО «Чужой центр»",
                "is_company": True,
                "mgp_quota_company_id": cls.company_other.id,
            }
        )
        cls.specialist_region = cls._new_user(
            "mgp_quota_specialist", "group_specialist", cls.company_region
        )
        cls.rep = cls._portal_user("mgp_quota_rep", cls.employer, "Кадровик Анна")
        cls.rep_2 = cls._portal_user(
            "mgp_quota_rep_2", cls.employer_2, "Кадровик Борис"
        )

    @classmethod
    def _rule(cls, head_from, head_to, percent, state=None, **vals):
        values = {
            "state_id": state.id if state else False,
            "date_from": date(2024, 9, 1),
            "headcount_from": head_from,
            "headcount_to": head_to,
            "percent": percent,
            "rounding": "down",
            "min_one": True,
            "period": "quarter",
            "legal_source": "ст. 38 Закона № 565-ФЗ (тест)",
        }
        values.update(vals)
        return cls.env["mgp.quota.rule"].create(values)

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
            company_id=cls.company_region.id,
            company_ids=[(6, 0, cls.company_region.ids)],
        )

    def _report(self, employer=None, date_from=date(2026, 1, 1), **vals):
        values = {
            "employer_id": (employer or self.employer).id,
            "company_id": self.company_region.id,
            "period": "quarter",
            "date_from": date_from,
            "date_to": self.Rule._mgp_period_bounds("quarter", date_from)[1],
            "headcount_avg": 120,
            "headcount_excluded": 0,
        }
        values.update(vals)
        return self.Report.with_user(self.specialist_region).create(values)

    def _line(self, report, group="2", **vals):
        values = {
            "report_id": report.id,
            "worker_name": "Работник Иван Иванович",
            "disability_group": group,
            "way": "own",
        }
        values.update(vals)
        return (
            self.env["mgp.quota.report.line"]
            .with_user(self.specialist_region)
            .create(values)
        )
