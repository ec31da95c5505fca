# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.mgp_base.models.mgp_today import centre_today

from ..models.mgp_accompaniment import NGO_ANSWERS


class MgpAccompanimentAssignWizard(models.TransientModel):
    """Appoint the accompanying employee (order) and/or pick an NGO from the
    registry with a contract (existing, amended or new)."""

    _name = "mgp.accompaniment.assign.wizard"
    _description = "Accompaniment Assignment"

    accompaniment_id = fields.Many2one(
        "mgp.accompaniment", required=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="accompaniment_id.company_id")
    responsible_user_id = fields.Many2one(
        "res.users",
        string="Accompanying employee",
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
        help="Appointed by an order (Приложение 3); required when no NGO "
        "performs all the activities.",
    )
    order_date = fields.Date(string="Order date", default=centre_today)
    candidate_ids = fields.One2many(
        "mgp.accompaniment.assign.wizard.ngo",
        "wizard_id",
        string="NGO candidates",
        compute="_compute_candidate_ids",
        store=True,
        readonly=True,
    )
    ngo_id = fields.Many2one(
        "res.partner",
        string="NGO",
        domain="[('mgp_ngo_state', '=', 'included')]",
    )
    contract_mode = fields.Selection(
        [
            ("existing", "Existing contract"),
            ("amend", "Amend a contract"),
            ("new", "New contract"),
        ],
        default="new",
    )
    contract_id = fields.Many2one(
        "mgp.ngo.contract",
        domain="[('partner_id', '=', ngo_id), ('state', '=', 'active')]",
    )
    contract_number = fields.Char(
        string="New contract number",
        help="Left empty, the number is taken from the contract sequence.",
    )
    contract_date = fields.Date(string="Contract concluded on", default=centre_today)
    contract_date_end = fields.Date(string="Contract valid until")
    ngo_contact = fields.Char(
        string="NGO accompanying person",
        help="Name, phone and e-mail of the NGO's accompanying person.",
    )
    coverage_info = fields.Char(compute="_compute_coverage_info")
    # the NGO's answer to the proposal of the contract
    ngo_answer = fields.Selection(
        NGO_ANSWERS,
        string="Answer of the NGO",
        compute="_compute_ngo_answer",
        help="The NGO's last answer for this case: its consent is required "
        "before the contract is assigned.",
    )
    answer_date = fields.Date(string="Answer received on", default=centre_today)
    refusal_reason = fields.Text(string="Reason for refusal")
    employee_grounds = fields.Text(
        string="Grounds for appointing an employee",
        compute="_compute_employee_grounds",
    )

    @api.depends("accompaniment_id")
    def _compute_candidate_ids(self):
        for wizard in self:
            commands = [Command.clear()]
            if wizard.accompaniment_id:
                data = wizard.accompaniment_id._get_ngo_candidates_data()
                for rank, item in enumerate(data, start=1):
                    commands.append(
                        Command.create(
                            {
                                "rank": rank,
                                "partner_id": item["partner"].id,
                                "coverage": item["coverage"],
                                "coverage_total": item["total"],
                                "free_capacity": item["free_capacity"],
                                "covered_activity_ids": [
                                    Command.set(item["covered"].ids)
                                ],
                                "fits": item["fits"],
                                "answer": item["answer"],
                                "reasons": item["reasons"],
                            }
                        )
                    )
            wizard.candidate_ids = commands

    @api.depends("ngo_id", "accompaniment_id")
    def _compute_ngo_answer(self):
        for wizard in self:
            answer = (
                wizard.accompaniment_id._mgp_ngo_answers().get(wizard.ngo_id)
                if wizard.accompaniment_id and wizard.ngo_id
                else None
            )
            wizard.ngo_answer = answer.answer if answer else False

    @api.depends("ngo_id", "accompaniment_id")
    def _compute_employee_grounds(self):
        for wizard in self:
            case = wizard.accompaniment_id
            grounds = case._mgp_employee_grounds(wizard.ngo_id) if case else []
            wizard.employee_grounds = "\n".join(grounds) or False

    @api.depends("ngo_id", "accompaniment_id")
    def _compute_coverage_info(self):
        for wizard in self:
            case = wizard.accompaniment_id
            lines = case._mgp_ngo_candidate_lines() if case else case.line_ids
            if not wizard.ngo_id or not lines:
                wizard.coverage_info = False
                continue
            covered = lines.filtered(
                lambda line, ngo=wizard.ngo_id: (
                    line.activity_id in ngo.mgp_ngo_activity_ids
                )
            )
            wizard.coverage_info = self.env._(
                "The NGO covers %(covered)s of %(total)s activities.",
                covered=len(covered),
                total=len(lines),
            )

    @api.onchange("ngo_id")
    def _onchange_ngo_id(self):
        self.contract_id = False
        if self.ngo_id:
            self.ngo_contact = self.ngo_id._mgp_accompanying_contact()

    def _reopen(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Assignment"),
        }

    def _check_ngo_chosen(self):
        self.ensure_one()
        if not self.ngo_id:
            raise UserError(self.env._("Choose the NGO first."))

    def action_record_consent(self):
        """The chosen NGO agreed to conclude or amend the contract."""
        self._check_ngo_chosen()
        self.accompaniment_id.action_record_ngo_consent(self.ngo_id, self.answer_date)
        self._compute_candidate_ids()
        return self._reopen()

    def action_record_refusal(self):
        """The chosen NGO refused: recorded, and the choice is cleared (an
        employee may now be appointed, or another NGO chosen)."""
        self._check_ngo_chosen()
        self.accompaniment_id.action_record_ngo_refusal(
            self.ngo_id, self.refusal_reason, self.answer_date
        )
        self.write({"ngo_id": False, "refusal_reason": False, "ngo_contact": False})
        self._compute_candidate_ids()
        return self._reopen()

    def action_open_ngo_registration(self):
        """Register a new organisation and its application to the registry
        without leaving the case."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Register an NGO"),
            "res_model": "mgp.accompaniment.ngo.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_accompaniment_id": self.accompaniment_id.id,
                "default_assign_wizard_id": self.id,
            },
        }

    def action_confirm(self):
        self.ensure_one()
        case = self.accompaniment_id
        if not self.ngo_id and not self.responsible_user_id:
            raise UserError(
                self.env._("Choose an NGO or appoint an accompanying employee.")
            )
        # the actions carry the rules (the table's state and group, the NGO
        # first, its consent); the state is checked here before a contract
        # is concluded for the case
        case._mgp_transition_check(
            "action_assign_ngo" if self.ngo_id else "action_assign_employee"
        )
        if self.ngo_id:
            if self.ngo_answer != "consent":
                raise UserError(
                    self.env._(
                        "Record the consent of %s to conclude or amend the "
                        "contract for this case first.",
                        self.ngo_id.name,
                    )
                )
            contract, assign_date = self._get_contract()
            case.action_assign_ngo(self.ngo_id, contract, self.ngo_contact, assign_date)
        if self.responsible_user_id:
            case.action_assign_employee(self.responsible_user_id, self.order_date)
        needs_order, __ = case._mgp_assignment_requirements()
        if needs_order and not case.responsible_user_id:
            raise UserError(
                self.env._(
                    "The NGO performs only part of the activities: appoint an "
                    "accompanying employee for the rest by an order."
                )
            )
        return {"type": "ir.actions.act_window_close"}

    def _get_contract(self):
        """The NGO contract of the case (in force) and its date for the case."""
        self.ensure_one()
        if self.contract_mode in ("existing", "amend"):
            if not self.contract_id:
                raise UserError(self.env._("Choose the NGO contract."))
            if self.contract_id.partner_id != self.ngo_id:
                raise UserError(self.env._("The contract belongs to another NGO."))
            if self.contract_id.state != "active":
                raise UserError(self.env._("The chosen contract is not in force."))
        if self.contract_mode == "existing":
            return self.contract_id, self.contract_date
        if not self.contract_date:
            raise UserError(self.env._("Give the date of the NGO contract."))
        case = self.accompaniment_id
        activities = (
            case._mgp_ngo_candidate_lines().activity_id
            & self.ngo_id.mgp_ngo_activity_ids
        )
        if self.contract_mode == "amend":
            contract = self.contract_id._mgp_create_amendment(
                {
                    "number": self.contract_number or False,
                    "date": self.contract_date,
                    "mgp_activity_ids": [
                        (6, 0, (activities | self.contract_id.mgp_activity_ids).ids)
                    ],
                    "date_end": self.contract_date_end or self.contract_id.date_end,
                }
            )
        else:
            contract = self.env["mgp.ngo.contract"].create(
                {
                    "partner_id": self.ngo_id.id,
                    "number": self.contract_number or False,
                    "date": self.contract_date,
                    "date_start": self.contract_date,
                    "date_end": self.contract_date_end,
                    "company_id": case.company_id.id,
                    "mgp_activity_ids": [(6, 0, activities.ids)],
                }
            )
        contract.action_activate()
        return contract, self.contract_date


class MgpAccompanimentAssignWizardNgo(models.TransientModel):
    _name = "mgp.accompaniment.assign.wizard.ngo"
    _description = "NGO Candidate"
    _order = "rank, id"

    wizard_id = fields.Many2one(
        "mgp.accompaniment.assign.wizard", required=True, ondelete="cascade"
    )
    rank = fields.Integer(readonly=True)
    partner_id = fields.Many2one("res.partner", string="NGO", readonly=True)
    coverage = fields.Integer(string="Activities covered", readonly=True)
    coverage_total = fields.Integer(string="Activities needed", readonly=True)
    free_capacity = fields.Integer(readonly=True)
    covered_activity_ids = fields.Many2many(
        "mgp.activity", string="Covered activities", readonly=True
    )
    fits = fields.Boolean(
        readonly=True,
        help="Covers every activity, serves the person's territory, has the "
        "accessibility and forms of assistance the person's IPRA needs, free "
        "capacity and trained staff for the activities, and did not refuse.",
    )
    answer = fields.Selection(NGO_ANSWERS, string="Answer of the NGO", readonly=True)
    reasons = fields.Char(string="Why", readonly=True)

    def action_select(self):
        self.ensure_one()
        wizard = self.wizard_id
        if self.answer == "refusal":
            raise UserError(
                self.env._(
                    "%s refused the contract for this case.", self.partner_id.name
                )
            )
        wizard.ngo_id = self.partner_id
        wizard._onchange_ngo_id()
        return wizard._reopen()
