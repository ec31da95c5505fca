# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from freezegun import freeze_time

from odoo.tests import new_test_user

from odoo.addons.mgp_accompaniment.tests.common import AccompanimentCommon


class WorkplaceCommon(AccompanimentCommon):
    """Two employers with a portal representative each, the workplace
    catalogue, and helpers that take a plan along both trajectories."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Plan = cls.env["mgp.workplace.plan"]
        cls.workplace = cls.env["mgp.activity"].search(
            [("service", "=", "workplace")], order="sequence, id"
        )
        cls.act_working_time = cls.env.ref("mgp_base.activity_workplace_02")
        cls.act_mentor = cls.env.ref("mgp_base.activity_workplace_16")
        cls.act_route = cls.env.ref("mgp_base.activity_workplace_03")
        cls.employer.email = "hr@employer.example.ru"
        cls.employer_2 = cls.env["res.partner"].create(
            {
                "name": "ООО «Другой работодатель»",
                "is_company": True,
                "email": "hr@other.example.ru",
            }
        )
        cls.rep = cls._portal_user("mgp_employer_rep", cls.employer, "Кадровик Анна")
        cls.rep_2 = cls._portal_user(
            "mgp_employer_rep_2", cls.employer_2, "Кадровик Борис"
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

    def _employed_case(self, employed_on=date(2025, 12, 26), **vals):
        """A service-1 case with a certificate, employed ``employed_on``
        (recorded that day): the offer opens."""
        case = self._active_case(date(2025, 11, 5), date(2025, 11, 10), **vals)
        with freeze_time(employed_on):
            case.with_user(self.specialist).action_mark_employed(
                employed_on, self.employer.id
            )
        return case

    def _offer(self, employed_on=date(2025, 12, 26), **vals):
        case = self._employed_case(employed_on, **vals)
        return case.workplace_plan_ids

    def _appeal(self, appeal_date=date(2026, 1, 12), snils="112-233-445 95", **vals):
        values = {
            "company_id": self.company.id,
            "employer_id": self.employer.id,
            "appeal_date": appeal_date,
            "worker_name": "Тестов Тест Тестович",
            "worker_snils": snils,
            "worker_position": "Оператор",
            "worker_hire_date": date(2026, 1, 9),
            "help_expected": "Наставник и режим работы",
        }
        values.update(vals)
        return self.Plan.with_user(self.specialist)._mgp_register_appeal(values)

    def _add_lines(self, plan, user=None):
        plan = plan.with_user(user or self.specialist)
        plan.write(
            {
                "line_ids": [
                    (0, 0, {"activity_id": self.act_working_time.id}),
                    (
                        0,
                        0,
                        {
                            "activity_id": self.act_mentor.id,
                            "mentor": "Иванов И. И., мастер участка",
                            "responsible": "Петрова П. П., начальник отдела кадров",
                            "date_start": date(2026, 1, 19),
                            "date_deadline": date(2026, 3, 19),
                        },
                    ),
                ]
            }
        )
        return plan

    def _sent_plan(self, **appeal_vals):
        """A plan along the appeal trajectory, sent on 16.01.2026."""
        plan = self._appeal(**appeal_vals).with_user(self.specialist)
        with freeze_time("2026-01-20"):
            plan.action_set_disability(True, date(2026, 1, 13))
            plan.action_start_draft(date(2026, 1, 14))
            self._add_lines(plan)
            plan.action_send(date(2026, 1, 16))
        return plan

    def _deadline(self, plan, code):
        return plan._mgp_deadline_get(code)
