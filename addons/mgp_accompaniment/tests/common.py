# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.addons.mgp_base.tests.common import MgpCommon
from odoo.addons.mgp_base.tests.common_consent import give_consent
from odoo.addons.mgp_base.tests.common_documents import provide_documents


class AccompanimentCommon(MgpCommon):
    """Cases of ``company`` (no region: federal days only), three NGOs of
    the registry and the employment activities."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Case = cls.env["mgp.accompaniment"]
        cls.activities = cls.env["mgp.activity"].search(
            [("service", "=", "employment")], order="sequence, id", limit=7
        )
        cls.act_1, cls.act_2, cls.act_3 = cls.activities[:3]
        cls.person_2 = cls.env["res.partner"].create(
            {
                "name": "Петров Пётр Петрович",
                "company_id": cls.company.id,
                "email": "petrov@example.ru",
                "mgp_disability_group": "3",
            }
        )
        # both persons consented to the transfer of their data to an NGO
        cls.consents = give_consent(cls.person | cls.person_2)
        cls.employer = cls.env["res.partner"].create(
            {"name": "ООО «Работодатель»", "is_company": True}
        )
        cls.ngo_a = cls._new_ngo("АНО «Шаг навстречу»", cls.activities[:2], 5)
        cls.ngo_b = cls._new_ngo("АНО «Равные возможности»", cls.activities[:3], 3)
        cls.ngo_excluded = cls._new_ngo(
            "АНО «Исключённая»", cls.activities, 10, state="excluded"
        )

    @classmethod
    def _new_ngo(cls, name, activities, capacity, state="included"):
        return cls.env["res.partner"].create(
            {
                "name": name,
                "is_company": True,
                "email": f"ngo{capacity}{state}@example.ru",
                "phone": "+7 4842 00-00-0%s" % capacity,
                "mgp_ngo_state": state,
                "mgp_ngo_activity_ids": [(6, 0, activities.ids)],
                "mgp_ngo_capacity": capacity,
            }
        )

    @classmethod
    def _new_contract(cls, ngo, number="Д-1", contract_date=date(2025, 1, 10)):
        contract = cls.env["mgp.ngo.contract"].create(
            {
                "partner_id": ngo.id,
                "number": number,
                "date": contract_date,
                "date_start": contract_date,
                "mgp_activity_ids": [(6, 0, ngo.mgp_ngo_activity_ids.ids)],
                "company_id": cls.company.id,
            }
        )
        contract.action_activate()
        return contract

    def _case(
        self,
        plan_date=date(2025, 10, 31),
        activities=None,
        user=None,
        documents=True,
        **vals,
    ):
        """A case of ``person``; with ``documents`` the identity document
        and the IPRA extract are received and checked."""
        activities = self.activities[:3] if activities is None else activities
        values = {
            "partner_id": self.person.id,
            "company_id": self.company.id,
            "plan_agreed_date": plan_date,
            "personal_file_number": "ЛД-001",
            "personal_file_date": plan_date,
            "line_ids": [
                (0, 0, {"activity_id": activity.id, "date_planned": plan_date})
                for activity in activities
            ],
        }
        values.update(vals)
        # also called on the class by setUpClass helpers
        values["partner_id"] = AccompanimentCommon._free_person(
            self, values["partner_id"]
        ).id
        case = self.Case.with_user(user or self.specialist).create(values)
        if documents:
            provide_documents(case, user=self.specialist, day=plan_date)
        return case

    def _free_person(self, partner_id):
        """The person, or a namesake when the person has an open case
        already (one open service-1 case per person)."""
        person = self.env["res.partner"].browse(partner_id)
        domain = [
            ("partner_id", "=", person.id),
            ("state", "not in", self.Case._mgp_closed_states),
        ]
        if not self.Case.sudo().search_count(domain):
            return person
        return person.copy({"name": person.name, "mgp_snils": False})

    def _deadline(self, case, code):
        return case._mgp_deadline_get(code)

    def _assign_employee(self, case, order_date, user=None):
        """Assignment wizard with an employee, then the manager's approval."""
        wizard = (
            self.env["mgp.accompaniment.assign.wizard"]
            .with_user(self.specialist)
            .create(
                {
                    "accompaniment_id": case.id,
                    "responsible_user_id": (user or self.specialist_2).id,
                    "order_date": order_date,
                }
            )
        )
        wizard.action_confirm()
        case.with_user(self.manager).action_approve_order(order_date)
        return case

    def _active_case(self, plan_date, issue_date, **vals):
        case = self._case(plan_date, **vals)
        case.action_decide_need(True, plan_date)
        self._assign_employee(case, plan_date)
        case.action_issue_certificate(issue_date)
        return case
