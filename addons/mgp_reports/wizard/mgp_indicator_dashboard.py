# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.mgp_base.models.mgp_today import centre_today

# States of a case that is still open (the service is being provided).
OPEN_CASE_STATES = ("new", "mse", "assignment", "active")
# Age bands of the persons' breakdown: (key, first age, last age).
AGE_BANDS = (
    ("under_18", 0, 17),
    ("18_29", 18, 29),
    ("30_44", 30, 44),
    ("45_59", 45, 59),
    ("60_plus", 60, 200),
)


class MgpIndicatorDashboard(models.TransientModel):
    """The head of the centre's dashboard: every part of the centre's work
    (service 1's open cases, service 2's plans, complaints, corrections, the
    registry's queue, enquiries, the quota and the programmes when their
    addons are installed), late and at-risk procedures by procedure and by
    specialist, certificates ending within 30 days, the accompanied persons
    by disability group, sex and age, and I1/I2 of the current year with
    their monthly trend. Every tile opens the list behind it.

    The figures are a snapshot taken once when the dashboard opens, with
    set-based queries (grouped counts, the indicators' SQL: one query per
    indicator for the year and its months together), and stored on the
    record: reading the dashboard again computes nothing."""

    _name = "mgp.indicator.dashboard"
    _description = "Indicators Dashboard"

    cases_new = fields.Integer(string="New", readonly=True)
    cases_mse = fields.Integer(string="Waiting for the MSE", readonly=True)
    cases_assignment = fields.Integer(string="Assignment", readonly=True)
    cases_active = fields.Integer(string="Accompaniment", readonly=True)
    certificates_ending = fields.Integer(
        string="Certificates ending within 30 days", readonly=True
    )
    deadlines_late = fields.Integer(string="Late", readonly=True)
    deadlines_at_risk = fields.Integer(string="At risk", readonly=True)
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
    work_line_ids = fields.One2many(
        "mgp.indicator.dashboard.line",
        "dashboard_id",
        domain=[("kind", "=", "work")],
        string="The centre's work",
    )
    person_line_ids = fields.One2many(
        "mgp.indicator.dashboard.line",
        "dashboard_id",
        domain=[("kind", "in", ("disability_group", "gender", "age"))],
        string="Accompanied persons",
    )
    persons_counted = fields.Integer(
        string="Persons in the breakdown",
        readonly=True,
        help="Persons of the open cases whose data you may read: the "
        "breakdown counts only them.",
    )
    wizard_id = fields.Many2one(
        "mgp.indicator.report.wizard", string="Indicators", readonly=True
    )
    i1_share = fields.Float(string="I1, %", digits=(5, 2), readonly=True)
    i1_applicable = fields.Boolean(readonly=True)
    i2_share = fields.Float(string="I2, %", digits=(5, 2), readonly=True)
    i2_applicable = fields.Boolean(readonly=True)
    trend = fields.Text(string="Trend by month", readonly=True)

    @api.model
    def _mgp_deadline_domain(self, sla_status=("late", "at_risk")):
        return [
            ("state", "=", "open"),
            ("external", "=", False),
            ("sla_status", "in", list(sla_status)),
        ]

    @api.model
    def _mgp_work_sections(self):
        """The parts of the centre's work the dashboard counts: dicts
        ``key``, ``name``, ``model``, ``domain`` (the open records), for
        the models installed in this database that the user may read (no
        hard dependency: an addon that is not installed has no section). An
        addon adds its own by extending this method with ``super()``."""
        env = self.env
        names = {
            "s1_cases": env._("Service 1: open cases"),
            "s2_plans": env._("Service 2: plans in progress"),
            "complaints": env._("Complaints under review"),
            "corrections": env._("Corrections of documents requested"),
            "registry": env._("Registry: NGO applications in the queue"),
            "enquiries": env._("Written enquiries to answer"),
            "quota_reports": env._("Quota: employers' reports to check"),
            "quota_referrals": env._("Quota: referrals to vacancies"),
            "subsidies": env._("Programmes: workplace subsidy applications"),
            "training": env._("Programmes: persons referred to training"),
            "business_aid": env._("Programmes: business start aid in progress"),
        }
        candidates = [
            ("s1_cases", "mgp.accompaniment", OPEN_CASE_STATES),
            (
                "s2_plans",
                "mgp.workplace.plan",
                ("offered", "appealed", "analysis", "draft", "discussion"),
            ),
            ("complaints", "mgp.complaint", ("registered", "decided")),
            ("corrections", "mgp.document.correction", ("requested",)),
            ("registry", "mgp.ngo.application", ("submitted", "review")),
            ("enquiries", "mgp.enquiry", ("registered",)),
            ("quota_reports", "mgp.quota.report", ("submitted",)),
            ("quota_referrals", "mgp.quota.referral", ("sent",)),
            ("subsidies", "mgp.subsidy.application", ("submitted",)),
            ("training", "mgp.training.referral", ("referred", "training")),
            (
                "business_aid",
                "mgp.business.aid",
                ("commission", "approved", "contract"),
            ),
        ]
        sections = []
        for key, model, states in candidates:
            # installed, and readable by the user (an addon's own groups)
            if (
                model not in env
                or "state" not in env[model]._fields
                or not env[model].has_access("read")
            ):
                continue
            # only the states that model has (an addon's version may differ)
            known = set(env[model]._fields["state"].get_values(env))
            states = [state for state in states if state in known]
            if states:
                sections.append(
                    {
                        "key": key,
                        "name": names[key],
                        "model": model,
                        "domain": [("state", "in", states)],
                    }
                )
        return sections

    # ------------------------------------------------------------------
    # Opening
    # ------------------------------------------------------------------
    @api.model
    def action_open_dashboard(self, today=None):
        """Build the dashboard of the current centre and open it."""
        today = today or centre_today(self)
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
        """Take the snapshot: every figure once, set-based, stored on the
        dashboard and its lines."""
        self.ensure_one()
        vals = {}
        Case = self.env["mgp.accompaniment"]
        counts = dict(
            Case._read_group(
                [("state", "in", OPEN_CASE_STATES)], ["state"], ["__count"]
            )
        )
        for state in OPEN_CASE_STATES:
            vals[f"cases_{state}"] = counts.get(state, 0)
        vals["certificates_ending"] = Case.search_count(
            [("certificate_expiring", "=", True)]
        )
        lines = self._mgp_deadline_lines(vals)
        lines += self._mgp_work_lines()
        person_lines, vals["persons_counted"] = self._mgp_person_lines(today)
        lines += person_lines
        vals.update(self._mgp_indicator_vals(today))
        self.write(vals)
        self.env["mgp.indicator.dashboard.line"].create(
            [dict(line, dashboard_id=self.id) for line in lines]
        )
        return True

    def _mgp_deadline_lines(self, vals):
        """Late and at-risk procedures: the tiles (into ``vals``) and the
        lines by procedure and by specialist, from one grouped query."""
        groups = self.env["mgp.deadline"]._read_group(
            self._mgp_deadline_domain(), ["code", "user_id", "sla_status"], ["__count"]
        )
        totals = {"late": 0, "at_risk": 0}
        per_key = {}
        for code, user, status, count in groups:
            totals[status] += count
            for key in (("procedure", code), ("user", user.id)):
                per_key.setdefault(key, {"late": 0, "at_risk": 0})[status] += count
        vals["deadlines_late"] = totals["late"]
        vals["deadlines_at_risk"] = totals["at_risk"]
        return [
            {
                "kind": kind,
                "code": key if kind == "procedure" else False,
                "user_id": key if kind == "user" else False,
                "late": counts["late"],
                "at_risk": counts["at_risk"],
            }
            for (kind, key), counts in per_key.items()
        ]

    def _mgp_work_lines(self):
        """One line per part of the centre's work: its open records (record
        rules apply) and, of them, those with a late procedure — two counts
        per part, the late one through a subquery on the deadlines."""
        Deadline = self.env["mgp.deadline"]
        lines = []
        for sequence, section in enumerate(self._mgp_work_sections()):
            Model = self.env[section["model"]]
            late = Deadline._search(
                self._mgp_deadline_domain(("late",))
                + [("res_model", "=", section["model"])]
            )
            lines.append(
                {
                    "kind": "work",
                    "sequence": sequence,
                    "section": section["key"],
                    "name": section["name"],
                    "count": Model.search_count(section["domain"]),
                    "late": Model.search_count(
                        section["domain"] + [("id", "in", late.select("res_id"))]
                    ),
                }
            )
        return lines

    @api.model
    def _mgp_age_labels(self):
        return {
            "under_18": self.env._("Under 18"),
            "18_29": self.env._("18 to 29"),
            "30_44": self.env._("30 to 44"),
            "45_59": self.env._("45 to 59"),
            "60_plus": self.env._("60 and over"),
        }

    def _mgp_person_lines(self, today):
        """The persons of the open service-1 cases by disability group, sex
        and age band, in one query — counting only the persons whose data
        the user may read (the need to know of ``res.partner``, in SQL): a
        user without it gets no breakdown. Counts only, never a person."""
        Partner = self.env["res.partner"]
        cases = self.env["mgp.accompaniment"]._search(
            [("state", "in", OPEN_CASE_STATES)]
        )
        allowed = Partner.with_context(active_test=False)._search(
            Partner._mgp_person_data_allowed_domain()
        )
        age = SQL("date_part('year', age(%s::date, p.mgp_birth_date))", today)
        band = SQL(
            "CASE WHEN p.mgp_birth_date IS NULL THEN 'unknown' %s END",
            SQL(" ").join(
                SQL("WHEN %s BETWEEN %s AND %s THEN %s", age, first, last, key)
                for key, first, last in AGE_BANDS
            ),
        )
        # the persons' data read in SQL for the persons the user may read
        self.env.cr.execute(
            SQL(
                """SELECT t.grp, t.gender, t.band, GROUPING(t.grp),
                          GROUPING(t.gender), GROUPING(t.band), count(*)
                     FROM (SELECT p.mgp_disability_group AS grp,
                                  p.mgp_gender AS gender, %(band)s AS band
                             FROM res_partner p
                            WHERE p.id IN (%(cases)s) AND p.id IN (%(allowed)s)) t
                 GROUP BY GROUPING SETS ((t.grp), (t.gender), (t.band), ())""",
                band=band,
                cases=cases.select(SQL.identifier(cases.table, "partner_id")),
                allowed=allowed.select(),
            )
        )
        rows = self.env.cr.fetchall()
        selection = {
            name: dict(Partner._fields[name]._description_selection(self.env))
            for name in ("mgp_disability_group", "mgp_gender")
        }
        ages = self._mgp_age_labels()
        order = {key: index for index, (key, _first, _last) in enumerate(AGE_BANDS)}
        not_known = self.env._("Not known")
        lines, total = [], 0
        for grp, gender, age_band, no_grp, no_gender, no_band, count in rows:
            if no_grp and no_gender and no_band:
                total = count
                continue
            if not no_grp:
                kind, value = "disability_group", grp
                name = selection["mgp_disability_group"].get(grp, not_known)
                sequence = (
                    list(selection["mgp_disability_group"]).index(grp) if grp else 99
                )
            elif not no_gender:
                kind, value = "gender", gender
                name = selection["mgp_gender"].get(gender, not_known)
                sequence = list(selection["mgp_gender"]).index(gender) if gender else 99
            else:
                kind, value = "age", age_band
                name = ages.get(age_band, not_known)
                sequence = order.get(age_band, 99)
            lines.append(
                {
                    "kind": kind,
                    "sequence": sequence,
                    "section": value or False,
                    "name": name,
                    "count": count,
                }
            )
        return lines, total

    def _mgp_indicator_vals(self, today):
        """I1 and I2 of the year to ``today`` and of each of its months, in
        one query per indicator; the months fill the trend and its
        analysis (the wizard's figures), the year the tiles."""
        wizard = self.wizard_id
        Indicator = wizard._mgp_env_companies().env["mgp.indicator"]
        year = (wizard.date_from, wizard.date_to)
        months = Indicator._mgp_split_period(*year, "month")
        companies = wizard._mgp_companies()
        Value = self.env["mgp.indicator.value"]
        vals, by_month, trend = {}, {}, []
        for indicator in ("i1", "i2"):
            figures = Indicator._mgp_figures(indicator, [*months, year], companies)
            whole = [f for f in figures if f["period"] == len(months)][0]
            by_month[indicator] = [f for f in figures if f["period"] < len(months)]
            vals[f"{indicator}_share"] = whole["share"] or 0.0
            vals[f"{indicator}_applicable"] = whole["applicable"]
            points = [
                "%s: %s"
                % (
                    Value._mgp_period_label(f["date_from"], f["date_to"], "month"),
                    "%.2f" % f["share"]
                    if f["applicable"] and f["denominator"]
                    else "—",
                )
                for f in by_month[indicator]
            ]
            trend.append("%s — %s" % (indicator.upper(), "; ".join(points)))
        wizard._mgp_fill_values(by_month)
        vals["trend"] = "\n".join(trend)
        return vals

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
        # the months were filled when the dashboard opened
        if not self.wizard_id.value_ids:
            self.wizard_id._mgp_fill_values()
        action = self.wizard_id._mgp_analysis_action()
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
    """A line of the dashboard: late and at-risk procedures of one
    procedure or one specialist, the open records of one part of the
    centre's work, or the accompanied persons of one disability group, sex
    or age band."""

    _name = "mgp.indicator.dashboard.line"
    _description = "Indicators Dashboard Line"
    _order = "sequence, late desc, at_risk desc, id"

    dashboard_id = fields.Many2one(
        "mgp.indicator.dashboard", required=True, ondelete="cascade"
    )
    kind = fields.Selection(
        [
            ("procedure", "Procedure"),
            ("user", "Specialist"),
            ("work", "Part of the work"),
            ("disability_group", "Disability group"),
            ("gender", "Sex"),
            ("age", "Age"),
        ],
        string="Grouped by",
        required=True,
    )
    sequence = fields.Integer(default=0)
    code = fields.Char(string="Procedure code")
    procedure = fields.Char(compute="_compute_procedure")
    user_id = fields.Many2one("res.users", string="Specialist")
    section = fields.Char(
        help="The part of the work (its key), or the value of the person's "
        "data the line counts."
    )
    name = fields.Char(string="What")
    count = fields.Integer(string="Open")
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
        dashboard = self.dashboard_id
        if self.kind == "work":
            section = next(
                section
                for section in dashboard._mgp_work_sections()
                if section["key"] == self.section
            )
            return dashboard._mgp_list(section["model"], self.name, section["domain"])
        if self.kind in ("disability_group", "gender", "age"):
            return dashboard._mgp_list(
                "mgp.accompaniment",
                self.name,
                [("state", "in", list(OPEN_CASE_STATES))] + self._mgp_person_domain(),
            )
        domain = dashboard._mgp_deadline_domain()
        if self.kind == "procedure":
            domain.append(("code", "=", self.code))
        else:
            domain.append(("user_id", "=", self.user_id.id))
        return dashboard._mgp_list(
            "mgp.deadline", self.env._("Late and at-risk procedures"), domain
        )

    def _mgp_person_domain(self):
        """The cases of the persons this line counts (a search on person
        data: the need to know applies to it as to any search)."""
        value = self.section or False
        if self.kind == "disability_group":
            return [("partner_id.mgp_disability_group", "=", value)]
        if self.kind == "gender":
            return [("partner_id.mgp_gender", "=", value)]
        if value == "unknown":
            return [("partner_id.mgp_birth_date", "=", False)]
        today = self.dashboard_id.wizard_id.date_to
        first, last = next(
            (first, last) for key, first, last in AGE_BANDS if key == value
        )
        # born after the day the person would be last + 1, up to the day
        # he turned ``first``
        return [
            (
                "partner_id.mgp_birth_date",
                ">",
                today - relativedelta(years=last + 1),
            ),
            ("partner_id.mgp_birth_date", "<=", today - relativedelta(years=first)),
        ]
