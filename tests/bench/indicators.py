"""Benchmark figure of the indicators I1 and I2 (Приложение 6).

``bench_indicators(env, args, result_class)`` fills the database (inside the
benchmark's transaction, rolled back at the end) with ``--cases`` cases of
four bench centres and about four deadlines per case, then times
``mgp.indicator`` (I1 + I2 of the year 2026 for those centres) against a
hand-written SQL query computing the same figures, in the same run, and
checks that both give identical figures. Goal: the ORM's figures within
1.5x of the hand-written SQL.

The generator is set-based (``generate_series``) so that a million cases
take a minute or two; it is kept here, apart from the general data
generator, because the figure needs its own mix of late, open and cancelled
procedures and of employments before and after six months.
"""

import datetime
import sys
import time

PERIOD = (datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))
# "today" of the figure: the day after the period, so that every six-month
# window and due date of the period has run out
TODAY = datetime.date(2027, 1, 1)
CENTRES = 4


def out(line=""):
    sys.stdout.write(f"{line}\n")
    sys.stdout.flush()


def generate(env, cases, seed):
    """Create ``cases`` cases of CENTRES new centres and their deadlines;
    return the centres (res.company)."""
    cr = env.cr
    started = time.perf_counter()
    region = env.ref("base.state_ru_klu")
    companies = env["res.company"].create(
        [
            {"name": f"Bench centre {index} ({seed})", "state_id": region.id}
            for index in range(1, CENTRES + 1)
        ]
    )
    env.flush_all()
    company_ids = companies.ids
    cr.execute("SELECT setseed(%s)", ((seed % 1000) / 1000.0,))
    # one citizen per case
    cr.execute(
        """CREATE TEMP TABLE bench_person ON COMMIT DROP AS
           WITH ins AS (
               INSERT INTO res_partner (name, active, mgp_ngo_state, type,
                                        create_date, write_date)
               SELECT 'Bench person ' || n, TRUE, 'none', 'contact',
                      now(), now()
                 FROM generate_series(1, %s) n
               RETURNING id)
           SELECT id, row_number() OVER (ORDER BY id) AS n FROM ins""",
        (cases,),
    )
    # cases: decisions over 2025-2026, 90% needed; 40% employed within
    # 0..300 days; 25% terminated; the others expire after six months
    cr.execute(
        """CREATE TEMP TABLE bench_case ON COMMIT DROP AS
           SELECT p.n, p.id AS partner_id,
                  (%(companies)s::int[])[1 + (p.n %% %(centres)s)] AS company_id,
                  DATE '2025-01-01' + (random() * 720)::int AS plan_date,
                  random() AS r_need, random() AS r_emp, random() AS r_term,
                  (random() * 300)::int AS emp_days,
                  (random() * 200)::int AS term_days
             FROM bench_person p""",
        {"companies": company_ids, "centres": CENTRES},
    )
    cr.execute(
        """CREATE TEMP TABLE bench_case_ids ON COMMIT DROP AS
           WITH ins AS (
               INSERT INTO mgp_accompaniment (
                   name, partner_id, company_id, state, need, plan_agreed_date,
                   need_decision_date, employment_date, date_closed,
                   create_date, write_date)
               SELECT 'BENCH-' || c.n, c.partner_id, c.company_id,
                      CASE WHEN c.r_need >= 0.9 THEN 'terminated'
                           WHEN c.r_emp < 0.4 THEN 'employed'
                           WHEN c.r_term < 0.25 THEN 'terminated'
                           WHEN c.plan_date + 183 < %(today)s THEN 'expired'
                           ELSE 'active' END,
                      CASE WHEN c.r_need >= 0.9 THEN 'not_needed'
                           ELSE 'needed' END,
                      c.plan_date, c.plan_date + 1,
                      CASE WHEN c.r_need < 0.9 AND c.r_emp < 0.4
                           THEN c.plan_date + 1 + c.emp_days END,
                      CASE WHEN c.r_need >= 0.9 THEN c.plan_date + 1
                           WHEN c.r_emp < 0.4 THEN c.plan_date + 1 + c.emp_days
                           WHEN c.r_term < 0.25 THEN c.plan_date + 1 + c.term_days
                           WHEN c.plan_date + 183 < %(today)s
                               THEN c.plan_date + 183 END,
                      now(), now()
                 FROM bench_case c
               RETURNING id, company_id, plan_agreed_date)
           SELECT * FROM ins""",
        {"today": TODAY},
    )
    # four procedures per case: need decision and assignment (the standard's
    # terms, in I2), certificate (a regional term, not in I2) and the МСЭ
    # answer (a third party's); 80% done (about one in
    # four late), 10% open, 10% cancelled
    codes = ["s1_need_decision", "s1_assignment", "s1_certificate", "s1_mse_answer"]
    rules = {
        rule.code: (rule.id, rule.name, rule.external)
        for rule in env["mgp.deadline.rule"].search([("code", "in", codes)])
    }
    cr.execute(
        """INSERT INTO mgp_deadline (
               name, code, rule_id, res_model, res_id, company_id, date_start,
               date_due, date_at_risk, date_done, date_cancelled, state,
               external, is_late, sla_status, create_date, write_date)
           SELECT (%(names)s::varchar[])[k], (%(codes)s::varchar[])[k],
                  (%(rule_ids)s::int[])[k], 'mgp.accompaniment', x.id,
                  x.company_id, x.start, x.due, x.due,
                  CASE WHEN x.r < 0.8 THEN x.due + x.shift END,
                  CASE WHEN x.r >= 0.9 THEN x.start + x.cancel_days END,
                  CASE WHEN x.r < 0.8 THEN 'done' WHEN x.r < 0.9 THEN 'open'
                       ELSE 'cancelled' END,
                  (%(externals)s::bool[])[k], FALSE, 'on_track', now(), now()
             FROM (
                 SELECT c.id, c.company_id, k,
                        c.plan_agreed_date + 3 * (k - 1) AS start,
                        c.plan_agreed_date + 3 * (k - 1) + 1
                            + (random() * 4)::int AS due,
                        random() AS r, (random() * 8)::int - 6 AS shift,
                        (random() * 10)::int AS cancel_days
                   FROM bench_case_ids c, generate_series(1, 4) k
             ) x""",
        {
            "names": [rules[code][1] for code in codes],
            "codes": codes,
            "rule_ids": [rules[code][0] for code in codes],
            "externals": [bool(rules[code][2]) for code in codes],
        },
    )
    cr.execute(
        "SELECT count(*) FROM mgp_deadline WHERE company_id = ANY(%s)", (company_ids,)
    )
    deadlines = cr.fetchone()[0]
    cr.execute("ANALYZE res_partner")
    cr.execute("ANALYZE mgp_accompaniment")
    cr.execute("ANALYZE mgp_deadline")
    env.invalidate_all()
    out(
        f"    generated {cases:,} cases and {deadlines:,} deadlines of {CENTRES} "
        f"centres in {time.perf_counter() - started:.0f} s"
    )
    return companies


def hand_sql(cr, company_ids, date_from, date_to, today):
    """I1 and I2 as ((numerator, denominator), (numerator, denominator)),
    written by hand from the counting rules of the README."""
    cr.execute(
        """SELECT count(*) FILTER (WHERE w <= %(to)s AND w < %(today)s
                                   AND NOT COALESCE(employment_date <= w, FALSE)),
                  count(*)
             FROM (SELECT DISTINCT ON (partner_id) employment_date,
                          (need_decision_date + interval '6 months')::date AS w
                     FROM mgp_accompaniment
                    WHERE company_id = ANY(%(companies)s) AND need = 'needed'
                      AND need_decision_date <= %(to)s
                      AND (date_closed IS NULL OR date_closed >= %(from)s)
                 ORDER BY partner_id, need_decision_date DESC, id DESC) x""",
        {"companies": company_ids, "from": date_from, "to": date_to, "today": today},
    )
    i1 = cr.fetchone()
    cr.execute(
        """SELECT count(*) FILTER (WHERE late), count(*)
             FROM (SELECT CASE
                     WHEN d.state = 'done' AND d.date_done >= %(from)s
                          AND d.date_done <= %(to)s
                         THEN d.date_done > d.date_due
                     WHEN d.state = 'cancelled'
                          AND d.date_cancelled >= %(from)s
                          AND d.date_cancelled <= %(to)s
                          AND d.date_cancelled > d.date_due
                         THEN TRUE
                     WHEN d.date_due <= %(to)s AND d.date_due < %(today)s
                          AND (d.state = 'open'
                               OR (d.state = 'done' AND d.date_done > %(to)s)
                               OR (d.state = 'cancelled'
                                   AND d.date_cancelled > %(to)s))
                         THEN TRUE
                   END AS late
                     FROM mgp_deadline d
                     JOIN mgp_deadline_rule r ON r.id = d.rule_id
                    WHERE d.company_id = ANY(%(companies)s)
                      AND NOT COALESCE(d.external, FALSE)
                      AND NOT COALESCE(r.external, FALSE)
                      -- only the terms the standard sets (seed 000)
                      AND COALESCE(r.standard, FALSE)
                      AND r.service IN ('employment', 'workplace')) x
            WHERE late IS NOT NULL""",
        {"companies": company_ids, "from": date_from, "to": date_to, "today": today},
    )
    i2 = cr.fetchone()
    return tuple(i1), tuple(i2)


def bench_indicators(env, args, result_class, best_times):
    """mgp.indicator (I1 + I2) against hand-written SQL over --cases cases."""
    companies = generate(env, args.cases, args.seed)
    Indicator = env["mgp.indicator"]
    company_ids = companies.ids

    def run_orm():
        figures = []
        for indicator in ("i1", "i2"):
            figure = Indicator._mgp_compute(indicator, *PERIOD, companies, today=TODAY)
            figures.append((figure["numerator"], figure["denominator"]))
        return tuple(figures)

    def run_sql():
        return hand_sql(env.cr, company_ids, *PERIOD, TODAY)

    orm_figures = run_orm()
    sql_figures = run_sql()
    rounds = max(1, min(args.rounds, 3))
    t_orm, t_sql = best_times([run_orm, run_sql], rounds)
    result = result_class(
        label="indicators I1+I2 (mgp.indicator) vs hand-written SQL",
        ratio=t_orm / t_sql if t_sql else float("inf"),
        goal=1.5,
        mismatches=int(orm_figures != sql_figures),
        at_most=True,
    )
    (n1, d1), (n2, d2) = orm_figures
    result.notes.append(
        f"{args.cases:,} cases, period {PERIOD[0]}..{PERIOD[1]}, best of {rounds}: "
        f"mgp.indicator {t_orm:.2f} s, SQL {t_sql:.2f} s; "
        f"I1 {n1}/{d1}, I2 {n2}/{d2}"
    )
    if orm_figures != sql_figures:
        result.notes.append(f"mismatch: mgp {orm_figures}, SQL {sql_figures}")
    return result
