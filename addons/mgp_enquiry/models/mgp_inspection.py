# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.mgp_base.models.mgp_today import centre_today
from odoo.addons.mgp_base.models.mgp_transition import Transition

# Seed 002, §IV «Формы контроля за исполнением Административного регламента».
INSPECTION_KINDS = [
    # 4.2.1: «Текущий контроль за предоставлением государственной услуги
    # осуществляется директором учреждения службы занятости или
    # уполномоченным им работником.»
    ("current", "Current check by the head of the centre"),
    # 4.3.2: «… путем проведения министерством, плановых (внеплановых)
    # выездных (документарных) проверок.»
    ("planned", "Planned check by the ministry"),
    ("unplanned", "Unplanned check by the ministry"),
]
INSPECTION_FORMS = [
    ("on_site", "On-site"),
    ("documentary", "Documentary"),
]
# 4.2.1: the head of the centre (or the employee he authorised) checks
MANAGER = "mgp_base.group_manager"


class MgpInspection(models.Model):
    """An inspection of how the centre provides the service (seed 002 §IV):
    its scope (period, centre, the cases checked), its findings with their
    follow-up, and the act that closes it."""

    _name = "mgp.inspection"
    _description = "Inspection of the Service"
    _inherit = [
        "mgp.case.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "mgp.register.mixin",
    ]
    _order = "date_planned desc, id desc"
    _mgp_number_code = "mgp.inspection"
    _mgp_protected_fields = ("name", "state", "date_start", "date_closed")
    _mgp_create_only_fields = ("company_id", "kind")
    _mgp_transitions = {
        "action_start": Transition(("planned",), "in_progress", MANAGER),
        "action_close": Transition(("in_progress",), "closed", MANAGER),
    }

    partner_id = fields.Many2one(string="Ministry", tracking=True)
    user_id = fields.Many2one(
        string="Inspector",
        default=lambda self: self.env.user,
        help="The head of the centre or the employee he authorised (current "
        "checks), or the employee who accompanies the ministry's inspectors.",
    )
    kind = fields.Selection(
        INSPECTION_KINDS, required=True, default="current", tracking=True
    )
    form = fields.Selection(INSPECTION_FORMS, required=True, default="documentary")
    inspectors = fields.Char(
        string="Inspected by",
        help="Names and positions of those who carry out the check (seed 002, "
        "4.3.3: the ministry decides who checks).",
    )
    basis = fields.Char(
        help="The order of the ministry or of the head of the centre that "
        "orders the check (seed 002, 4.3.5)."
    )
    period_from = fields.Date(string="Period checked from", required=True)
    period_to = fields.Date(string="Period checked to", required=True)
    date_planned = fields.Date(string="Planned on", required=True, default=centre_today)
    date_start = fields.Date(string="Started on", readonly=True, tracking=True)
    date_closed = fields.Date(string="Act dated", readonly=True, tracking=True)
    case_ids = fields.Many2many(
        "mgp.accompaniment",
        "mgp_inspection_case_rel",
        "inspection_id",
        "case_id",
        string="Cases checked",
        domain="[('company_id', '=', company_id)]",
    )
    finding_ids = fields.One2many(
        "mgp.inspection.finding", "inspection_id", string="Findings"
    )
    finding_count = fields.Integer(compute="_compute_finding_stats")
    finding_open_count = fields.Integer(
        string="Findings to follow up", compute="_compute_finding_stats"
    )
    conclusion = fields.Text(
        help="The conclusion of the act: causes of the violations found and "
        "the measures to remove them (seed 002, 4.3.4)."
    )
    state = fields.Selection(
        [
            ("planned", "Planned"),
            ("in_progress", "In progress"),
            ("closed", "Closed"),
        ],
        required=True,
        default="planned",
        tracking=True,
        index=True,
    )

    _name_company_uniq = models.Constraint(
        "UNIQUE(company_id, name)",
        "An inspection with this number exists in the centre.",
    )

    @api.depends("finding_ids.done")
    def _compute_finding_stats(self):
        for inspection in self:
            inspection.finding_count = len(inspection.finding_ids)
            inspection.finding_open_count = len(
                inspection.finding_ids.filtered(lambda f: not f.done)
            )

    @api.constrains("period_from", "period_to")
    def _check_period(self):
        for inspection in self:
            if inspection.period_to < inspection.period_from:
                raise ValidationError(
                    self.env._("The period checked ends before it starts.")
                )

    @api.constrains("case_ids", "company_id")
    def _check_cases(self):
        for inspection in self:
            if inspection.case_ids.filtered(
                lambda case, i=inspection: case.company_id != i.company_id
            ):
                raise ValidationError(
                    self.env._("An inspection checks the cases of its own centre only.")
                )

    def _mgp_register_kept(self):
        # an inspection begun or closed (its act, its findings) is kept
        return self.filtered(lambda inspection: inspection.state != "planned")

    def write(self, vals):
        scope = {"kind", "form", "period_from", "period_to", "case_ids", "conclusion"}
        if scope & set(vals) and not self._mgp_is_granted():
            closed = self.filtered(lambda i: i.state == "closed")
            if closed:
                raise UserError(
                    self.env._(
                        "The inspection %s is closed: its act can no longer change.",
                        closed[0].name,
                    )
                )
        return super().write(vals)

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_start(self, date_start=None):
        """The check starts."""
        for inspection in self:
            day = inspection._mgp_check_action_date(
                date_start, label=self.env._("The start of the inspection")
            )
            inspection._mgp_transition("action_start", {"date_start": day}, date=day)
        return True

    def action_close(self, date_closed=None):
        """Close the check with its act (seed 002, 4.3.4: the results are
        analysed «в целях выявления причин нарушений и принятия мер по их
        устранению и недопущению»)."""
        for inspection in self:
            if not (inspection.conclusion or "").strip():
                raise UserError(
                    self.env._("Write the conclusion of the act before closing it.")
                )
            incomplete = inspection.finding_ids.filtered(
                lambda f: not (f.responsible_id and f.action and f.date_due)
            )
            if incomplete:
                raise UserError(
                    self.env._(
                        "Each finding needs a responsible employee, a follow-up "
                        "action and its due date before the act is closed."
                    )
                )
            day = inspection._mgp_check_action_date(
                date_closed,
                after=[(inspection.date_start, self.env._("the start of the check"))],
                label=self.env._("The act"),
            )
            inspection._mgp_transition("action_close", {"date_closed": day}, date=day)
        return True

    def _mgp_check_findings_open(self):
        """Refuse a change of the findings of a closed inspection."""
        closed = self.filtered(lambda i: i.state == "closed")
        if closed and not self.env.su:
            raise UserError(
                self.env._(
                    "The inspection %s is closed: its findings can only be "
                    "marked done.",
                    closed[0].name,
                )
            )

    def action_print_act(self):
        self.ensure_one()
        return self.env.ref("mgp_enquiry.action_report_inspection_act").report_action(
            self
        )
