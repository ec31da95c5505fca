# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date, timedelta

from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools import SQL

from odoo.addons.mgp_base.models.mgp_today import centre_today

# I1 counts a citizen not employed within this many months of the need decision.
I1_MONTHS = 6
# I2 counts the procedures of providing the measure to citizens and employers.
I2_SERVICES = ("employment", "workplace")
# Приложение 6: I1 applies from 1 January 2025, I2 from 1 January 2026.
# ``i2_regional`` is the same count over the centre's own terms that the
# standard does not set (regional practice): tracked, never part of I2.
START_DATES = {
    "i1": date(2025, 1, 1),
    "i2": date(2026, 1, 1),
    "i2_regional": date(2026, 1, 1),
}
# Kinds of procedures of I2; all but the on-time ones are violations.
I2_KINDS = ("done_on_time", "done_late", "open_late", "cancelled_late")
I2_LATE_KINDS = ("done_late", "open_late", "cancelled_late")
# How figures are grouped: by centre, by region (the centre's state), or not.
GROUPBY = ("company", "region")


class MgpIndicator(models.AbstractModel):
    """Indicators of the measure (Приложение 6 к Стандарту), set-based.

    The counting rules are written once, here, as two SQL "member" queries
    (one row per counted case or procedure and per period); the figures
    aggregate them in the database and the drill-downs read their rows.

    - **I1** (from 2025-01-01). Denominator: the citizens who receive or
      received the measure in the period — a case with a positive need
      decision taken by the end of the period and not closed before it
      starts (a citizen with several such cases counts once, by the latest
      decision). Numerator: those of them not employed within six months of
      the need decision, once these six months have run out by the end of
      the period (and before today). The employment counts whatever the
      state of the case when it was recorded (before the certificate, after
      a withdrawal...).
    - **I2** (from 2026-01-01). The centre's own procedures of the measure's
      services only: not a third party's deadline (the МСЭ answer, the
      employer's or the NGO's window). Numerator: procedures done late in
      the period, procedures still open at the end of the period past their
      due date (due on or before the last day of the period, and before
      today), and procedures cancelled in the period after their due date
      had passed. Denominator: those plus the procedures done on time in the
      period.

    Both read only the records the current user may see (record rules
    apply; for I2 a procedure of a case counts only when the case is
    visible too). A period starting before an indicator's start date gives
    no figure for it ("not applicable").
    """

    _name = "mgp.indicator"
    _description = "Indicators of the accompaniment measure"

    # ------------------------------------------------------------------
    # Public API
    # ------------------------------------------------------------------
    @api.model
    def _mgp_applicable(self, indicator, date_from):
        """Whether ``indicator`` ('i1'/'i2') applies to a period from ``date_from``."""
        return fields.Date.to_date(date_from) >= START_DATES[indicator]

    @api.model
    def _mgp_figures(self, indicator, periods, companies, groupby=None, today=None):
        """Figures of ``indicator`` for each period, in one SQL query.

        :param periods: list of ``(date_from, date_to)``
        :param companies: the centres counted
        :param groupby: ``None`` (all centres together), ``'company'`` or
            ``'region'`` (the centre's state)
        :return: list of dicts ``period`` (index in ``periods``), ``date_from``,
            ``date_to``, ``group`` (id or False), ``numerator``,
            ``denominator``, ``share`` (percent, None when not applicable or
            without a denominator) and ``applicable``; one dict per period and
            group that has a denominator, and one per period without any.
        """
        assert groupby in (None, *GROUPBY), groupby
        periods = [
            (fields.Date.to_date(start), fields.Date.to_date(end))
            for start, end in periods
        ]
        members = self._mgp_members_sql(indicator, periods, companies, today)
        group = SQL("0")
        join = SQL("")
        if groupby == "company":
            group = SQL("m.company_id")
        elif groupby == "region":
            # a centre's region is its address's state (res.company.state_id)
            group = SQL("cp.state_id")
            join = SQL(
                "JOIN res_company c ON c.id = m.company_id"
                " JOIN res_partner cp ON cp.id = c.partner_id"
            )
        self.env.cr.execute(
            SQL(
                """SELECT m.period, %(group)s, count(*),
                          count(*) FILTER (WHERE m.counted)
                     FROM (%(members)s) m %(join)s
                 GROUP BY 1, 2
                 ORDER BY 1, 2""",
                group=group,
                members=members,
                join=join,
            )
        )
        result = []
        seen = set()
        for period, group_id, denominator, numerator in self.env.cr.fetchall():
            seen.add(period)
            result.append(
                self._mgp_value(
                    indicator, periods, period, group_id, numerator, denominator
                )
            )
        for period in range(len(periods)):
            if period not in seen:
                result.append(self._mgp_value(indicator, periods, period, False, 0, 0))
        result.sort(key=lambda value: (value["period"], value["group"] or 0))
        return result

    @api.model
    def _mgp_compute(self, indicator, date_from, date_to, companies, today=None):
        """One figure: dict ``numerator``, ``denominator``, ``share``,
        ``applicable`` for the centres ``companies`` over the period."""
        return self._mgp_figures(
            indicator, [(date_from, date_to)], companies, today=today
        )[0]

    @api.model
    def _mgp_rows(self, indicator, date_from, date_to, companies, today=None):
        """Drill-down: the rows behind a figure, one dict per case (I1:
        ``id``, ``window_end``, ``employed``, ``counted``) or procedure (I2:
        ``id``, ``kind``, ``counted``), in the order of the printed lists."""
        self.env.cr.execute(
            self._mgp_rows_sql(indicator, date_from, date_to, companies, today)
        )
        return self.env.cr.dictfetchall()

    @api.model
    def _mgp_rows_sql(self, indicator, date_from, date_to, companies, today=None):
        """The query of :meth:`_mgp_rows` (for a caller that reads its rows
        in batches)."""
        periods = [(fields.Date.to_date(date_from), fields.Date.to_date(date_to))]
        members = self._mgp_members_sql(indicator, periods, companies, today)
        order = SQL("m.window_end, m.id") if indicator == "i1" else SQL("m.id")
        return SQL("SELECT m.* FROM (%s) m ORDER BY %s", members, order)

    @api.model
    def _mgp_record_ids(
        self, indicator, date_from, date_to, companies, counted_only, today=None
    ):
        """Drill-down: ids of the cases (I1) or deadlines (I2) behind the
        numerator (``counted_only``) or the denominator."""
        return [
            row["id"]
            for row in self._mgp_rows(indicator, date_from, date_to, companies, today)
            if row["counted"] or not counted_only
        ]

    @api.model
    def _mgp_drill_action(
        self, indicator, date_from, date_to, companies, counted_only, today=None
    ):
        """Window action listing the records behind a figure."""
        ids = self._mgp_record_ids(
            indicator, date_from, date_to, companies, counted_only, today
        )
        if indicator == "i1":
            model = "mgp.accompaniment"
            name = (
                self.env._("I1: citizens not employed within 6 months")
                if counted_only
                else self.env._("I1: citizens receiving the measure")
            )
        else:
            model = "mgp.deadline"
            name = (
                self.env._("I2: procedures past their deadline")
                if counted_only
                else self.env._("I2: procedures of the period")
            )
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": [("id", "in", ids)],
            "context": {"create": False},
            "target": "current",
        }

    # ------------------------------------------------------------------
    # The counting rules (SQL)
    # ------------------------------------------------------------------
    @api.model
    def _mgp_value(self, indicator, periods, period, group_id, numerator, denominator):
        date_from, date_to = periods[period]
        applicable = self._mgp_applicable(indicator, date_from)
        share = None
        if applicable and denominator:
            share = round(100.0 * numerator / denominator, 2)
        return {
            "period": period,
            "date_from": date_from,
            "date_to": date_to,
            "group": group_id or False,
            "numerator": numerator if applicable else 0,
            "denominator": denominator if applicable else 0,
            "share": share,
            "applicable": applicable,
        }

    @api.model
    def _mgp_periods_sql(self, periods):
        """SQL of the periods: ``join`` (to append to a FROM clause) and the
        expressions ``period``, ``p_from`` and ``p_to``. One period is
        inlined as constants, so that the planner sees plain date bounds."""
        if len(periods) == 1:
            (start, end) = periods[0]
            return {
                "join": SQL(""),
                "period": SQL("0"),
                "p_from": SQL("%s::date", start),
                "p_to": SQL("%s::date", end),
            }
        return {
            "join": SQL(
                "CROSS JOIN unnest(%s::int[], %s::date[], %s::date[])"
                " AS p(period, p_from, p_to)",
                list(range(len(periods))),
                [start for start, _end in periods],
                [end for _start, end in periods],
            ),
            "period": SQL("p.period"),
            "p_from": SQL("p.p_from"),
            "p_to": SQL("p.p_to"),
        }

    @api.model
    def _mgp_members_sql(self, indicator, periods, companies, today=None):
        # the queries read the tables: pending ORM writes go first
        self.env.flush_all()
        today = fields.Date.to_date(today) or centre_today(self)
        if indicator == "i1":
            return self._mgp_i1_members_sql(periods, companies, today)
        return self._mgp_i2_members_sql(
            periods, companies, today, standard=indicator == "i2"
        )

    @api.model
    def _mgp_i1_members_sql(self, periods, companies, today):
        """One row per (period, citizen) of I1's denominator: the citizen's
        latest case with a positive need decision in the period."""
        query = self.env["mgp.accompaniment"]._search(
            [("company_id", "in", companies.ids), ("need", "=", "needed")]
        )
        p = self._mgp_periods_sql(periods)
        return SQL(
            """SELECT period, id, company_id, partner_id, window_end, employed,
                      (window_end <= p_to AND window_end < %(today)s
                       AND NOT employed) AS counted
                 FROM (
                   SELECT DISTINCT ON (1, a.partner_id)
                          %(period)s AS period, %(p_to)s AS p_to, a.id,
                          a.company_id, a.partner_id,
                          (a.need_decision_date
                           + make_interval(months => %(months)s))::date
                              AS window_end,
                          COALESCE(a.employment_date
                                   <= (a.need_decision_date
                                       + make_interval(months => %(months)s))::date,
                                   FALSE) AS employed
                     FROM %(from)s %(join)s
                    WHERE a.need_decision_date <= %(p_to)s
                      AND (a.date_closed IS NULL OR a.date_closed >= %(p_from)s)
                 ORDER BY 1, a.partner_id, a.need_decision_date DESC, a.id DESC
                 ) m""",
            today=today,
            months=I1_MONTHS,
            period=p["period"],
            p_from=p["p_from"],
            p_to=p["p_to"],
            join=p["join"],
            **self._mgp_from_where(query, "a"),
        )

    @api.model
    def _mgp_i2_rules_domain(self, standard=True):
        """The deadline rules whose procedures I2 counts: the centre's own
        procedures of the measure's services whose term the standard sets.

        Seed 000, Приложение 6: I2 is the share of procedures done «с
        нарушением установленных сроков» — the terms the standard sets, not a
        region's practice nor a third party's window (``standard=False``
        gives the centre's other terms, the optional regional figure)."""
        return Domain(
            [
                ("service", "in", I2_SERVICES),
                ("external", "=", False),
                ("standard", "=", standard),
            ]
        )

    @api.model
    def _mgp_i2_rules(self, standard=True):
        """The rules (every variant, archived ones included) a figure counts,
        for the printout to say which terms it used."""
        return (
            self.env["mgp.deadline.rule"]
            .with_context(active_test=False)
            .search(self._mgp_i2_rules_domain(standard), order="service, code, id")
        )

    @api.model
    def _mgp_i2_members_sql(self, periods, companies, today, standard=True):
        """One row per (period, procedure) of I2's denominator with its kind
        (see ``I2_KINDS``); ``counted`` marks the violations."""
        rules = self.env["mgp.deadline.rule"].with_context(active_test=False)
        domain = Domain(
            [
                ("company_id", "in", companies.ids),
                ("external", "=", False),
                ("rule_id", "in", rules._search(self._mgp_i2_rules_domain(standard))),
            ]
        )
        if not self.env.su:
            # a procedure counts only for those who may see its case or plan
            domain &= Domain.OR(
                Domain("res_model", "=", model)
                & Domain("res_id", "in", self.env[model]._search([]))
                for model in self._mgp_deadline_models()
            )
        query = self.env["mgp.deadline"]._search(domain)
        p = self._mgp_periods_sql(periods)
        return SQL(
            """SELECT period, id, company_id, user_id, code, kind,
                      kind <> 'done_on_time' AS counted
                 FROM (
                   SELECT %(period)s AS period, d.id, d.company_id, d.user_id,
                          d.code,
                          CASE
                            WHEN d.state = 'done' AND d.date_done >= %(p_from)s
                                 AND d.date_done <= %(p_to)s
                              THEN CASE WHEN d.date_done > d.date_due
                                        THEN 'done_late' ELSE 'done_on_time' END
                            WHEN d.state = 'cancelled' AND %(c)s >= %(p_from)s
                                 AND %(c)s <= %(p_to)s AND %(c)s > d.date_due
                              THEN 'cancelled_late'
                            WHEN d.date_due <= %(p_to)s AND d.date_due < %(today)s
                                 AND (d.state = 'open'
                                      OR (d.state = 'done' AND d.date_done > %(p_to)s)
                                      OR (d.state = 'cancelled' AND %(c)s > %(p_to)s))
                              THEN 'open_late'
                          END AS kind
                     FROM %(from)s %(join)s
                 ) m
                WHERE kind IS NOT NULL""",
            today=today,
            # the day a procedure was cancelled; before this addon recorded
            # it, the day of its last change
            c=SQL("COALESCE(d.date_cancelled, d.write_date::date)"),
            period=p["period"],
            p_from=p["p_from"],
            p_to=p["p_to"],
            join=p["join"],
            **self._mgp_from_where(query, "d"),
        )

    @api.model
    def _mgp_deadline_models(self):
        """The models whose records have deadlines (cases, plans, requests,
        complaints...)."""
        return [
            model
            for model in self.env.registry.descendants(
                ["mgp.deadline.mixin"], "_inherit"
            )
            if not self.env[model]._abstract and not self.env[model]._transient
        ]

    @api.model
    def _mgp_from_where(self, query, alias):
        """The rows of an ORM query (record rules included) as a FROM item
        named ``alias``."""
        table = SQL.identifier(query.table)
        if query.is_empty():
            source = SQL("(SELECT * FROM %s WHERE FALSE)", table)
        else:
            source = query.subselect(SQL("%s.*", table))
        return {"from": SQL("%s %s", source, SQL.identifier(alias))}

    # ------------------------------------------------------------------
    # Periods
    # ------------------------------------------------------------------
    @api.model
    def _mgp_split_period(self, date_from, date_to, step):
        """Consecutive periods (months, quarters or years) covering
        ``date_from``..``date_to``, the first and last clipped to it."""
        months = {"month": 1, "quarter": 3, "year": 12}[step]
        periods = []
        start = date_from
        while start <= date_to:
            first = date(start.year, ((start.month - 1) // months) * months + 1, 1)
            nxt_month = first.month + months
            nxt = date(first.year + (nxt_month - 1) // 12, (nxt_month - 1) % 12 + 1, 1)
            periods.append((start, min(date_to, nxt - timedelta(days=1))))
            start = nxt
        return periods
