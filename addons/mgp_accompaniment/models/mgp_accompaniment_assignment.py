# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
# pylint: disable=consider-merging-classes-inherited
from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

from .mgp_accompaniment import ASSIGNMENT_DONE, _to_id


class MgpAccompaniment(models.Model):
    """Assignment: a centre employee appointed by an order (Приложение 3)
    and/or an NGO of the registry under a contract, as the activities need
    (seed 000, variant Б: an NGO first; an employee when no NGO fits, when
    the NGO refuses or performs only part of the activities)."""

    _inherit = "mgp.accompaniment"
    _mgp_protected_fields = (
        "responsible_user_id",
        "order_number",
        "order_date",
        "order_state",
        "order_user_id",
        "order_approver_id",
        "ngo_id",
        "ngo_contract_id",
        "ngo_assign_date",
        "assignment_done_date",
    )

    responsible_user_id = fields.Many2one(
        "res.users",
        string="Accompanying employee",
        # the specialist's record rule ORs on it (his cases and those he
        # accompanies)
        index="btree_not_null",
        tracking=True,
        copy=False,
        domain="[('share', '=', False)]",
    )
    order_number = fields.Char(tracking=True, copy=False, readonly=True)
    order_date = fields.Date(tracking=True, copy=False)
    order_state = fields.Selection(
        [("draft", "Draft"), ("approved", "Approved")],
        tracking=True,
        copy=False,
        readonly=True,
    )
    order_user_id = fields.Many2one(
        "res.users",
        string="Order drafted by",
        copy=False,
        readonly=True,
        help="The employee who drafted the order; another manager approves it.",
    )
    order_approver_id = fields.Many2one(
        "res.users",
        string="Order approved by",
        copy=False,
        readonly=True,
        tracking=True,
    )
    ngo_id = fields.Many2one(
        "res.partner",
        string="NGO",
        index=True,
        tracking=True,
        copy=False,
        domain="[('mgp_ngo_state', '=', 'included')]",
    )
    ngo_contract_id = fields.Many2one(
        "mgp.ngo.contract",
        string="NGO contract",
        tracking=True,
        copy=False,
        domain="[('partner_id', '=', ngo_id)]",
    )
    ngo_contact = fields.Char(
        string="NGO accompanying person",
        copy=False,
        help="Name, phone and e-mail of the NGO's accompanying person.",
    )
    ngo_assign_date = fields.Date(
        string="NGO assigned on",
        copy=False,
        readonly=True,
        help="Date the NGO contract for this case was concluded or amended.",
    )
    assignment_done_date = fields.Date(
        string="Assignment completed on", readonly=True, copy=False, tracking=True
    )

    _order_number_company_uniq = models.Constraint(
        "UNIQUE(company_id, order_number)",
        "An order with this number exists in the centre.",
    )

    def action_assign_employee(self, user, order_date=None):
        """Draft the order (Приложение 3) appointing ``user`` (record or id)
        as the accompanying employee; a manager approves it. An employee is
        appointed only on one of the seed's grounds (no NGO fits, an NGO
        refused, the NGO performs only part of the activities)."""
        self.ensure_one()
        self._mgp_check_lines()
        user = self.env["res.users"].browse(_to_id(user))
        if not user or user.share or self.company_id not in user.company_ids:
            raise UserError(self.env._("Choose an employee of the centre."))
        if self.order_state == "approved":
            raise UserError(self.env._("The order is already approved."))
        self._mgp_check_employee_grounds()
        if order_date:
            order_date = self._mgp_check_action_date(
                order_date,
                after=[(self.need_decision_date, self.env._("the need decision"))],
                label=self.env._("The order"),
            )
        self._mgp_transition(
            "action_assign_employee",
            {
                "responsible_user_id": user.id,
                "order_state": "draft",
                "order_date": order_date or self.order_date,
                "order_user_id": self.env.user.id,
            },
        )
        self.line_ids.filtered(
            lambda line: line.performer == "centre"
        )._mgp_engine_write({"user_id": user.id})
        return True

    def _mgp_check_employee_grounds(self):
        """Seed 000, variant Б: an NGO first. Refuse the appointment of an
        employee while an NGO of the registry fits the case and has not
        refused (:meth:`_mgp_employee_grounds`)."""
        self.ensure_one()
        if self._mgp_employee_grounds():
            return
        best = next(
            (
                item["partner"]
                for item in self._get_ngo_candidates_data()
                if item["fits"] and item["answer"] != "refusal"
            ),
            self.ngo_id,
        )
        raise UserError(
            self.env._(
                "%s fits all the activities of this case: propose it the "
                "contract first; an employee is appointed when no NGO "
                "fits, when the NGO refuses or performs only part of the "
                "activities.",
                best.name,
            )
        )

    def action_approve_order(self, order_date=None):
        """Approve (sign) the order appointing the accompanying employee.

        Only a manager of the centre may approve it, never the employee who
        drafted it.
        """
        for case in self:
            if not case.responsible_user_id or case.order_state != "draft":
                raise UserError(self.env._("Appoint the accompanying employee first."))
            if case.order_user_id == self.env.user and not self.env.su:
                # segregation of duties: the drafter never signs his own order
                raise UserError(
                    self.env._(
                        "The order must be approved by another manager than the "
                        "employee who drafted it."
                    )
                )
            order_date = case._mgp_check_action_date(
                order_date or case.order_date,
                after=[(case.need_decision_date, self.env._("the need decision"))],
                label=self.env._("The order"),
            )
            # the order's requisites are given when it is signed
            vals = {
                "order_state": "approved",
                "order_date": order_date,
                "order_approver_id": self.env.user.id,
                "order_number": case.order_number
                or case._mgp_next_number("mgp.accompaniment.order", case.company_id),
            }
            case._mgp_assignment_step(
                "action_approve_order", vals, order_date=order_date
            )
        return True

    def action_assign_ngo(self, ngo, contract, contact=None, assign_date=None):
        """Assign ``ngo`` under ``contract`` (records or ids): lines whose
        activity the NGO declares go to it, the rest stays with the centre
        employee.

        :param assign_date: date the contract was concluded or amended for
            this case (default: the contract date, not before the decision)
        """
        self.ensure_one()
        self._mgp_check_lines()
        ngo = self.env["res.partner"].browse(_to_id(ngo))
        contract = self.env["mgp.ngo.contract"].browse(_to_id(contract))
        self._mgp_check_ngo_assignable(ngo, contract)
        assign_date = self._mgp_check_action_date(
            assign_date or max(contract.date, self.need_decision_date or contract.date),
            after=[
                (self.need_decision_date, self.env._("the need decision")),
                (contract.date, self.env._("the NGO contract")),
            ],
            label=self.env._("The NGO assignment"),
        )
        covered = ngo.mgp_ngo_activity_ids
        candidates = self._mgp_ngo_candidate_lines()
        if not covered & candidates.activity_id:
            raise UserError(
                self.env._("%s declares none of the activities of this case.", ngo.name)
            )
        ngo_lines = self.line_ids.filtered(
            lambda line: line in candidates and line.activity_id in covered
        )
        ngo_lines._mgp_engine_write(
            {"performer": "ngo", "ngo_id": ngo.id, "user_id": False}
        )
        (self.line_ids - ngo_lines)._mgp_engine_write(
            {
                "performer": "centre",
                "ngo_id": False,
                "user_id": self.responsible_user_id.id,
            }
        )
        self._mgp_assignment_step(
            "action_assign_ngo",
            {
                "ngo_id": ngo.id,
                "ngo_contract_id": contract.id,
                "ngo_contact": contact or self.ngo_contact,
                "ngo_assign_date": assign_date,
            },
            ngo_date=assign_date,
        )
        self.message_post(
            body=self.env._(
                "NGO %(ngo)s assigned under contract %(number)s of %(date)s.",
                ngo=ngo.name,
                number=contract.number,
                date=format_date(self.env, contract.date),
            )
        )
        return True

    def _mgp_check_ngo_assignable(self, ngo, contract):
        """The NGO is in the registry, consented for this case, and the
        contract is its own and in force."""
        self.ensure_one()
        if self.ngo_contract_id and self.assignment_done_date:
            raise UserError(self.env._("The NGO is already assigned."))
        if ngo.mgp_ngo_state != "included":
            raise UserError(
                self.env._("Only an NGO included in the registry can be assigned.")
            )
        if contract.partner_id != ngo:
            raise UserError(self.env._("The contract belongs to another NGO."))
        if contract.state != "active":
            raise UserError(self.env._("The chosen contract is not in force."))
        answer = self._mgp_ngo_answers().get(ngo)
        if not answer or answer.answer != "consent":
            raise UserError(
                self.env._(
                    "Record the consent of %s to conclude or amend the contract "
                    "for this case first.",
                    ngo.name,
                )
            )

    def _mgp_ngo_candidate_lines(self):
        """The lines an NGO may take: those the specialist planned for an
        NGO, or every line when none is."""
        self.ensure_one()
        ngo_lines = self.line_ids.filtered(lambda line: line.performer == "ngo")
        return ngo_lines or self.line_ids

    def _mgp_assignment_requirements(self):
        """(order needed, NGO contract needed) for the current lines."""
        self.ensure_one()
        ngo_lines = self.line_ids.filtered(lambda line: line.performer == "ngo")
        centre_lines = self.line_ids - ngo_lines
        needs_ngo = bool(ngo_lines) or bool(self.ngo_id)
        needs_order = bool(centre_lines) or not needs_ngo
        return needs_order, needs_ngo

    def _mgp_assignment_done_on(self, order_date=None, ngo_date=None):
        """The date the assignment is complete once the order is approved on
        ``order_date`` and/or the NGO assigned on ``ngo_date`` (default: the
        case's own), as the lines need; ``None`` while it is not."""
        self.ensure_one()
        if self.assignment_done_date:
            return None
        needs_order, needs_ngo = self._mgp_assignment_requirements()
        if needs_order:
            order_date = order_date or (
                self.order_state == "approved" and self.order_date
            )
        if needs_ngo:
            ngo_date = ngo_date or (
                self.ngo_contract_id
                and (self.ngo_assign_date or self.ngo_contract_id.date)
            )
        if (needs_order and not order_date) or (needs_ngo and not ngo_date):
            return None
        return max(
            day
            for day, needed in ((order_date, needs_order), (ngo_date, needs_ngo))
            if needed
        )

    def _mgp_assignment_step(self, name, vals, order_date=None, ngo_date=None):
        """Carry the assignment step ``name`` with ``vals``; when it
        completes the assignment, the same write records it and the
        certificate is due (``s1_assignment`` closed, ``s1_certificate``
        opened on that date)."""
        self.ensure_one()
        done = self._mgp_assignment_done_on(order_date=order_date, ngo_date=ngo_date)
        if done:
            vals = dict(vals, assignment_done_date=done)
        return self._mgp_transition(name, vals, date=done)

    def _mgp_transition_deadline_codes(self, transition):
        close, cancel, to_open = super()._mgp_transition_deadline_codes(transition)
        if transition.open == ASSIGNMENT_DONE["open"] and not self.assignment_done_date:
            # a step that does not complete the assignment
            return (), cancel, ()
        return close, cancel, to_open
