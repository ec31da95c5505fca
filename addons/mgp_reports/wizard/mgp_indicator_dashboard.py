# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

from odoo import api, fields, models

# States of a case that is still open (the service is being provided).
OPEN_CASE_STATES = ("new", "mse", "assignment", "active")


class MgpIndicatorDashboard(models.TransientModel):
    """The head of the centre's dashboard: open cases by state, late and
    at-risk procedures by procedure and by specialist, certificates ending
    within 30 days, and I1/I2 of the current year with their monthly trend.
    Every tile opens the list behind it. Figures come from grouped queries
    (``_read_group``) and the indicators' set-based SQL."""

    _name = "mgp.indicator.dashboard"
    _description = "Indicators Dashboard"

    cases_new = fields.Integer(string="New", compute="_compute_cases")
    cases_mse = fields.Integer(string="Waiting for the MSE", compute="_compute_cases")
    cases_assignment = fields.Integer(string="Assignment", compute="_compute_cases")
    cases_active = fields.Integer(string="Accompaniment", compute="_compute_cases")
    certificates_ending = fields.Integer(
        string="Certificates ending within 30 days", compute="_compute_cases"
    )
    deadlines_late = fields.Integer(string="Late", compute="_compute_deadlines")
    deadlines_at_risk = fields.Integer(string="At risk", compute="_compute_deadlines")
    line_ids = fields.One2many(
        "mgp.indicator.dashboard.line", "dashboard_id", string="Lines"
    )
    procedure_line_ids = fields.One2many(
        "mgp.indicator.dashboard.line",
        "dashboard_id",
        domain=[("kind", "=", "procedure")],
        string="By procedure",
    )
    user_line_ids = fields.One2many(
        "mgp.indicator.dashboard.line",
        "dashboard_id",
        domain=[("kind", "=", "user")],
        string="By specialist",
    )
    wizard_id = fields.Many2one(
        "mgp.indicator.report.wizard", string="Indicators", readonly=True
    )
    i1_share = fields.Float(string="I1, %", related="wizard_id.i1_share")
    i1_applicable = fields.Boolean(related="wizard_id.i1_applicable")
    i2_share = fields.Float(string="I2, %", related="wizard_id.i2_share")
    i2_applicable = fields.Boolean(related="wizard_id.i2_applicable")
    trend = fields.Text(string="Trend by month", readonly=True)

    def _compute_cases(self):
        Case = self.env["mgp.accompaniment"]
        counts = dict(
            Case._read_group(
                [("state", "in", OPEN_CASE_STATES)], ["state"], ["__count"]
            )
        )
        ending = Case.search_count([("certificate_expiring", "=", True)])
        for dashboard in self:
            for state in OPEN_CASE_STATES:
                dashboard[f"cases_{state}"] = counts.get(state, 0)
            dashboard.certificates_ending = ending

    def _compute_deadlines(self):
        counts = dict(
            self.env["mgp.deadline"]._read_group(
                self._mgp_deadline_domain(), ["sla_status"], ["__count"]
            )
        )
        for dashboard in self:
            dashboard.deadlines_late = counts.get("late", 0)
            dashboard.deadlines_at_risk = counts.get("at_risk", 0)

    @api.model
    def _mgp_deadline_domain(self, sla_status=("late", "at_risk")):
        return [
            ("state", "=", "open"),
            ("external", "=", False),
            ("sla_status", "in", list(sla_status)),
        ]

    # ------------------------------------------------------------------
    # Opening
    # ------------------------------------------------------------------
    @api.model
    def action_open_dashboard(self, today=None):
        """Build the dashboard of the current centre and open it."""
        today = today or fields.Date.context_today(self)
        wizard = self.env["mgp.indicator.report.wizard"].create(
            {
                "date_from": today.replace(month=1, day=1),
                "date_to": today,
                "company_ids": [(6, 0, self.env.company.ids)],
                "step": "month",
            }
        )
        dashboard = self.create({"wizard_id": wizard.id})
        dashboard._mgp_fill(today)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Dashboard"),
            "res_model": self._name,
            "res_id": dashboard.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }

    def _mgp_fill(self, today):
        """Lines by procedure and by specialist, and the monthly trend."""
        self.ensure_one()
        Line = self.env["mgp.indicator.dashboard.line"]
        vals_list = []
        Deadline = self.env["mgp.deadline"]
        for groupby in ("code", "user_id"):
            groups = Deadline._read_group(
                self._mgp_deadline_domain(), [groupby, "sla_status"], ["__count"]
            )
            per_key = {}
            for key, status, count in groups:
                per_key.setdefault(key, {"late": 0, "at_risk": 0})[status] = count
            for key, counts in per_key.items():
                vals_list.append(
                    {
                        "dashboard_id": self.id,
                        "kind": "procedure" if groupby == "code" else "user",
                        "code": key if groupby == "code" else False,
                        "user_id": key.id if groupby == "user_id" and key else False,
                        "late": counts["late"],
                        "at_risk": counts["at_risk"],
                    }
                )
        Line.create(vals_list)
        values = self.wizard_id._mgp_fill_values()
        trend = []
        for indicator in ("i1", "i2"):
            points = [
                "%s: %s"
                % (
                    value.period,
                    "%.2f" % value.share
                    if value.applicable and value.denominator
                    else "—",
                )
                for value in values.filtered(lambda v, i=indicator: v.indicator == i)
            ]
            trend.append("%s — %s" % (indicator.upper(), "; ".join(points)))
        self.trend = "\n".join(trend)
        return True

    def action_open_cases(self):
        self.ensure_one()
        state = self.env.context.get("mgp_case_state")
        domain = [("state", "in", [state] if state else list(OPEN_CASE_STATES))]
        return self._mgp_list("mgp.accompaniment", self.env._("Open cases"), domain)

    def action_open_certificates_ending(self):
        self.ensure_one()
        name = self.env._("Certificates ending within 30 days")
        domain = [("certificate_expiring", "=", True)]
        return self._mgp_list("mgp.accompaniment", name, domain)

    def action_open_late(self):
        self.ensure_one()
        return self._mgp_list(
            "mgp.deadline",
            self.env._("Late procedures"),
            self._mgp_deadline_domain(("late",)),
        )

    def action_open_at_risk(self):
        self.ensure_one()
        return self._mgp_list(
            "mgp.deadline",
            self.env._("Procedures at risk"),
            self._mgp_deadline_domain(("at_risk",)),
        )

    def action_open_trend(self):
        self.ensure_one()
        action = self.wizard_id.action_analyse()
        action["views"] = [(False, "graph"), (False, "pivot"), (False, "list")]
        action["view_mode"] = "graph,pivot,list"
        return action

    def action_open_indicators(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Indicators"),
            "res_model": self.wizard_id._name,
            "res_id": self.wizard_id.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
        }

    @api.model
    def _mgp_list(self, model, name, domain):
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": domain,
            "target": "current",
        }


class MgpIndicatorDashboardLine(models.TransientModel):
    """Late and at-risk procedures of one procedure or one specialist."""

    _name = "mgp.indicator.dashboard.line"
    _description = "Indicators Dashboard Line"
    _order = "late desc, at_risk desc, id"

    dashboard_id = fields.Many2one(
        "mgp.indicator.dashboard", required=True, ondelete="cascade"
    )
    kind = fields.Selection(
        [("procedure", "Procedure"), ("user", "Specialist")],
        string="Grouped by",
        required=True,
    )
    code = fields.Char(string="Procedure code")
    procedure = fields.Char(compute="_compute_procedure")
    user_id = fields.Many2one("res.users", string="Specialist")
    late = fields.Integer()
    at_risk = fields.Integer(string="At risk")

    @api.depends("code")
    def _compute_procedure(self):
        rules = self.env["mgp.deadline.rule"].search(
            [("code", "in", [code for code in self.mapped("code") if code])]
        )
        names = {rule.code: rule.name for rule in rules}
        for line in self:
            line.procedure = names.get(line.code, line.code or "")

    def action_open(self):
        self.ensure_one()
        domain = self.dashboard_id._mgp_deadline_domain()
        if self.kind == "procedure":
            domain.append(("code", "=", self.code))
        else:
            domain.append(("user_id", "=", self.user_id.id))
        return self.dashboard_id._mgp_list(
            "mgp.deadline", self.env._("Late and at-risk procedures"), domain
        )
