"""The figures of a region: run by run.py on a database filled by generate.py.

Each figure compares the suite with a baseline taken in the same run:

- SLA refresh (first and second run) against the raw UPDATE of the same rows;
- the hourly deadline job with its digests, run in a child process (it
  commits), against the raw UPDATE of the deadlines that became late;
- a batch of forms printed through the report action against one
  wkhtmltopdf call on the same HTML;
- cases created through the public path against bare partners;
- the NGO's portal list against /web/login, under concurrent clients.

Everything but the hourly job is rolled back.
"""
# A standalone script that owns its transactions: the hourly job's figure
# commits its scenario, as the scheduled action would.
# pylint: disable=invalid-commit

import datetime
import io
import json
import os
import resource
import subprocess
import sys
import threading
import time

from benchlib import ROOT, Result, open_env, out, p95, timed

SLA_STATUS_SQL = """(CASE
    WHEN state = 'done' AND date_done > date_due THEN 'late'
    WHEN state = 'open' AND date_due < %(today)s THEN 'late'
    WHEN state = 'open' AND date_at_risk <= %(today)s THEN 'at_risk'
    ELSE 'on_track' END)"""
IS_LATE_SQL = """((state = 'done' AND date_done > date_due)
    OR (state = 'open' AND date_due < %(today)s))"""
# the filter of the SLA UPDATE before issue 10: the OR of IS_LATE_SQL pasted
# without brackets
OLD_FILTER_SQL = (
    """(sla_status IS DISTINCT FROM """
    + SLA_STATUS_SQL
    + """
    OR is_late IS DISTINCT FROM (state = 'done' AND date_done > date_due)
    OR (state = 'open' AND date_due < %(today)s))"""
)


def vacuum(db, table):
    """VACUUM ANALYZE ``table`` (outside any transaction)."""
    import psycopg2

    from odoo.sql_db import connection_info_for
    from odoo.tools import SQL

    _name, info = connection_info_for(db)
    connection = psycopg2.connect(**info)
    try:
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute(SQL("VACUUM ANALYZE %s", SQL.identifier(table)).code)
    finally:
        connection.close()


def _generated(env):
    env.cr.execute("SELECT count(*) FROM mgp_accompaniment")
    return env.cr.fetchone()[0]


def _skip_small(env, label, minimum=1000):
    cases = _generated(env)
    if cases < minimum:
        return Result(
            label=label,
            ratio=0,
            goal=0,
            skipped=f"n/a: {cases} cases here, fill the database with "
            "tests/bench/generate.py first",
        )
    return None


# ---------------------------------------------------------------- SLA


def bench_sla_refresh(env, args):
    label = "SLA refresh, first run vs raw UPDATE of the same rows"
    skipped = _skip_small(env, label)
    if skipped:
        return skipped
    cr = env.cr
    today = datetime.date.today()
    Deadline = env["mgp.deadline"]
    cr.execute("SAVEPOINT bench_sla")
    cr.execute("SELECT count(*) FROM mgp_deadline WHERE state = 'open'")
    missing = args.sla_open - cr.fetchone()[0]
    if missing > 0:
        # reopen done deadlines to reach the size asked (rolled back)
        cr.execute(
            """UPDATE mgp_deadline SET state = 'open', date_done = NULL
                WHERE id IN (SELECT id FROM mgp_deadline WHERE state <> 'open'
                              ORDER BY id LIMIT %s)""",
            [missing],
        )
    cr.execute("SELECT count(*) FROM mgp_deadline WHERE state = 'open'")
    open_count = cr.fetchone()[0]
    cr.execute("ANALYZE mgp_deadline")

    def make_stale():
        cr.execute(
            "UPDATE mgp_deadline SET sla_status = NULL, is_late = NULL "
            "WHERE state = 'open'"
        )

    def raw_update():
        cr.execute(
            "UPDATE mgp_deadline SET sla_status = "
            + SLA_STATUS_SQL
            + ", is_late = "
            + IS_LATE_SQL
            + " WHERE state = 'open'",
            {"today": today},
        )
        return cr.rowcount

    make_stale()
    t_raw, raw_rows = timed(raw_update)
    make_stale()
    t_first, first_rows = timed(lambda: Deadline._refresh_sla(notify=False))
    t_second, second_rows = timed(lambda: Deadline._refresh_sla(notify=False))

    # the filter before issue 10, on the same settled rows
    def old_second_run():
        cr.execute(
            "UPDATE mgp_deadline SET sla_status = "
            + SLA_STATUS_SQL
            + ", is_late = "
            + IS_LATE_SQL
            + " WHERE state = 'open' AND "
            + OLD_FILTER_SQL,
            {"today": today},
        )
        return cr.rowcount

    t_old, old_rows = timed(old_second_run)
    cr.execute("ROLLBACK TO SAVEPOINT bench_sla")
    cr.rollback()
    env.invalidate_all()
    # millions of rolled-back row versions: clean them for the next figures
    vacuum(args.db, "mgp_deadline")
    first = Result(
        label=label,
        ratio=t_first / t_raw,
        goal=2.0,
        at_most=True,
        mismatches=abs(first_rows - raw_rows),
    )
    first.notes.append(
        f"{open_count:,} open deadlines: raw UPDATE {t_raw:.2f} s "
        f"({raw_rows:,} rows), _refresh_sla {t_first:.2f} s ({first_rows:,} rows)"
    )
    second = Result(
        label="SLA refresh, second run (nothing changed) vs raw UPDATE",
        ratio=t_second / t_raw,
        goal=2.0,
        at_most=True,
        mismatches=second_rows,
    )
    second.notes.append(
        f"second run {t_second:.2f} s, {second_rows:,} rows written (goal 0); "
        f"the filter before issue 10 wrote {old_rows:,} rows in {t_old:.2f} s"
    )
    return [first, second]


# ---------------------------------------------------------------- cron


def _run_child(args, name, timeout=1800):
    command = [
        sys.executable,
        os.path.join(ROOT, "tests", "bench", "run.py"),
        "--db",
        args.db,
        "--addons-path",
        args.addons_path,
        "--data-dir",
        args.data_dir,
        "--child",
        name,
    ]
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=timeout, check=False
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode or not lines:
        raise SystemExit(f"child {name} failed:\n{result.stdout}\n{result.stderr}")
    return json.loads(lines[-1])


def child_main(args):
    """A figure that commits, in its own process: ``--child cron``."""
    cr, env = open_env(args)
    try:
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        extra = {}
        start = time.perf_counter()
        if args.child == "cron":
            env["mgp.deadline"]._cron_refresh_sla()
            seconds = time.perf_counter() - start
            cr.commit()
        elif args.child.startswith("xlsx-"):
            from backoffice import child_xlsx  # noqa: PLC0415 (imports this module)

            extra = child_xlsx(env, args.child)
            seconds = time.perf_counter() - start
        else:
            raise SystemExit(f"unknown child {args.child}")
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    finally:
        cr.close()
    sys.stdout.write(
        json.dumps(
            {
                "seconds": seconds,
                "rss_before_mb": rss_before / 1024,
                "rss_peak_mb": rss_after / 1024,
                **extra,
            }
        )
        + "\n"
    )
    return 0


def bench_deadline_cron(env, args):
    label = "hourly deadline job with digests vs raw UPDATE of the late rows"
    skipped = _skip_small(env, label)
    if skipped:
        return skipped
    cr = env.cr
    today = datetime.date.today()
    activity_type = env.ref("mgp_base.mail_activity_type_deadline")
    # the scenario, committed: --late open deadlines became late today
    cr.execute(
        "DELETE FROM mail_activity WHERE activity_type_id = %s", [activity_type.id]
    )
    cr.execute("SELECT count(*) FROM mgp_deadline WHERE state = 'open'")
    missing = args.late - cr.fetchone()[0]
    if missing > 0:
        cr.execute(
            """UPDATE mgp_deadline SET state = 'open', date_done = NULL
                WHERE id IN (SELECT id FROM mgp_deadline WHERE state = 'done'
                              ORDER BY id LIMIT %s)""",
            [missing],
        )
    cr.execute(
        """UPDATE mgp_deadline
              SET at_risk_notified = TRUE, late_notified = TRUE
            WHERE state = 'open'"""
    )
    cr.execute(
        """UPDATE mgp_deadline
              SET date_due = %(yesterday)s, date_at_risk = %(yesterday)s,
                  date_start = LEAST(date_start, %(yesterday)s),
                  sla_status = 'on_track', is_late = FALSE,
                  at_risk_notified = FALSE, late_notified = FALSE
            WHERE id IN (SELECT id FROM mgp_deadline WHERE state = 'open'
                          ORDER BY id LIMIT %(late)s)
        RETURNING id""",
        {"yesterday": today - datetime.timedelta(days=1), "late": args.late},
    )
    late_ids = tuple(row[0] for row in cr.fetchall())
    cr.execute(
        """SELECT count(DISTINCT user_id) FROM mgp_deadline WHERE id IN %s""",
        [late_ids],
    )
    responsible = cr.fetchone()[0]
    cr.execute(
        """SELECT DISTINCT company_id FROM mgp_deadline WHERE id IN %s""", [late_ids]
    )
    companies = env["res.company"].browse(row[0] for row in cr.fetchall())
    managers = set()
    for users in companies._mgp_get_managers().values():
        managers.update(users.ids)
    cr.execute("SELECT DISTINCT user_id FROM mgp_deadline WHERE id IN %s", [late_ids])
    recipients = len({row[0] for row in cr.fetchall()} | managers)
    cr.execute("ANALYZE mgp_deadline")
    cr.commit()

    # baseline: the raw UPDATE of these rows (rolled back)
    def raw_update():
        cr.execute(
            "UPDATE mgp_deadline SET sla_status = "
            + SLA_STATUS_SQL
            + ", is_late = "
            + IS_LATE_SQL
            + " WHERE id IN %(ids)s",
            {"today": today, "ids": late_ids},
        )

    t_raw, _rows = timed(raw_update)
    cr.rollback()

    first = _run_child(args, "cron")
    cr.execute(
        "SELECT count(*) FROM mail_activity WHERE activity_type_id = %s",
        [activity_type.id],
    )
    activities = cr.fetchone()[0]
    cr.execute(
        """SELECT count(*) FROM mgp_deadline WHERE id IN %s
            AND NOT (at_risk_notified AND late_notified)""",
        [late_ids],
    )
    pending = cr.fetchone()[0]
    cr.execute("SELECT max(id) FROM mail_activity")
    last_activity = cr.fetchone()[0] or 0
    cr.execute("SELECT max(id) FROM mail_message")
    last_message = cr.fetchone()[0] or 0
    cr.commit()
    second = _run_child(args, "cron")
    cr.execute("SELECT count(*) FROM mail_activity WHERE id > %s", [last_activity])
    new_activities = cr.fetchone()[0]
    cr.execute("SELECT count(*) FROM mail_message WHERE id > %s", [last_message])
    new_messages = cr.fetchone()[0]
    cr.commit()
    growth = first["rss_peak_mb"] - first["rss_before_mb"]
    result = Result(
        label=label,
        ratio=first["seconds"] / t_raw,
        goal=20.0,
        at_most=True,
        mismatches=abs(activities - recipients)
        + pending
        + new_activities
        + new_messages
        + (growth > 500),
    )
    result.notes += [
        f"{len(late_ids):,} deadlines became late: job {first['seconds']:.1f} s, "
        f"raw UPDATE {t_raw:.2f} s; memory {first['rss_before_mb']:.0f} MB "
        f"-> peak {first['rss_peak_mb']:.0f} MB (+{growth:.0f} MB, goal < 500)",
        f"digest activities: {activities} for {recipients} recipients "
        f"({responsible} responsible users + managers), not one per deadline; "
        f"deadlines left unnotified: {pending}",
        f"second run: {second['seconds']:.1f} s, {new_activities} new "
        f"activities, {new_messages} new messages (goal 0)",
    ]
    return result


# ---------------------------------------------------------------- printing


def _pages(pdf):
    from odoo.tools.pdf import PdfFileReader

    return len(PdfFileReader(io.BytesIO(pdf)).pages)


def bench_print_batch(env, args):
    # wkhtmltopdf loads the report assets from a running server
    with Server(args) as server:
        env["ir.config_parameter"].set_param("report.url", server.url)
        return _print_batch(env, args)


def _print_batch(env, args):
    results = []
    Report = env["ir.actions.report"]
    for xmlid, domain, what in (
        (
            "mgp_reports.action_report_certificate",
            [("certificate_number", "!=", False)],
            "certificates",
        ),
        (
            "mgp_reports.action_report_order",
            [("order_state", "=", "approved")],
            "orders",
        ),
    ):
        label = f"{args.prints} {what} in one PDF vs one wkhtmltopdf call"
        report = env.ref(xmlid, raise_if_not_found=False)
        if not report:
            results.append(
                Result(label, 0, 0, skipped="n/a: mgp_reports not installed")
            )
            continue
        cases = env["mgp.accompaniment"].search(domain, limit=args.prints)
        if len(cases) < args.prints:
            results.append(
                Result(label, 0, 0, skipped=f"n/a: only {len(cases)} {what} here")
            )
            continue
        # warm-up: templates compiled, assets built
        Report._render_qweb_pdf(xmlid, cases[:1].ids)
        t_action, (pdf, _format) = timed(
            lambda cases=cases, xmlid=xmlid: Report._render_qweb_pdf(xmlid, cases.ids)
        )
        html = Report._render_qweb_html(xmlid, cases.ids)[0]
        bodies, _ids, header, footer, paper_args = report._prepare_html(
            html, report_model=report.model
        )

        def run_wkhtmltopdf(
            bodies=bodies, header=header, footer=footer, args=paper_args, ref=xmlid
        ):
            return Report._run_wkhtmltopdf(
                bodies,
                report_ref=ref,
                header=header,
                footer=footer,
                specific_paperformat_args=args,
            )

        t_wk, raw_pdf = timed(run_wkhtmltopdf)
        t_one, _single = timed(
            lambda cases=cases, xmlid=xmlid: Report._render_qweb_pdf(
                xmlid, cases[1:2].ids
            )
        )
        result = Result(
            label=label,
            ratio=t_action / t_wk,
            goal=1.5,
            at_most=True,
            mismatches=int(_pages(pdf) != _pages(raw_pdf)),
        )
        result.notes.append(
            f"report action {t_action:.1f} s ({_pages(pdf)} pages), "
            f"wkhtmltopdf alone {t_wk:.1f} s ({_pages(raw_pdf)} pages); "
            f"one form alone {t_one:.1f} s, so one by one ~"
            f"{t_one * len(cases):.0f} s"
        )
        results.append(result)
    return results


# ---------------------------------------------------------------- creation


def bench_case_create(env, args):
    label = f"{args.create:,} service-1 cases (public path) vs bare partners"
    skipped = _skip_small(env, label)
    if skipped:
        return skipped
    cr = env.cr
    centre = env["res.company"].search([("name", "like", "[bench]")], limit=1)
    specialist = env["res.users"].search(
        [
            ("company_id", "=", centre.id),
            ("all_group_ids", "in", env.ref("mgp_base.group_specialist").ids),
            ("share", "=", False),
        ],
        limit=1,
    )
    activity = env["mgp.activity"].search([("service", "=", "employment")], limit=1)
    today = datetime.date.today()
    cr.execute("SAVEPOINT bench_create")
    # registered by the specialist who opens their cases, as at the centre
    people = (
        env["res.partner"]
        .with_user(specialist)
        .with_company(centre)
        .create(
            [
                {
                    "name": f"Создаваемый {index}",
                    "company_id": centre.id,
                    # the service is for a disabled person: the eligibility check
                    # of case creation refuses a person without disability data
                    "mgp_disability_group": "3",
                    "mgp_ipra_number": f"ИПРА-Б-{index}",
                    "mgp_ipra_date": today,
                }
                for index in range(args.create)
            ]
        )
    )
    env.flush_all()
    Case = env["mgp.accompaniment"].with_user(specialist).with_company(centre)
    Partner = env["res.partner"].with_user(specialist).with_company(centre)
    tenth = max(args.create // 10, 1)

    def create_cases():
        counts = []
        for index, person in enumerate(people):
            before = cr.sql_log_count
            Case.create(
                {
                    "partner_id": person.id,
                    "company_id": centre.id,
                    "plan_agreed_date": today,
                    "personal_file_number": f"ЛД-Б-{index}",
                    "personal_file_date": today,
                    "line_ids": [(0, 0, {"activity_id": activity.id})],
                }
            )
            env.flush_all()
            counts.append(cr.sql_log_count - before)
            if index % 200 == 199:
                env.invalidate_all()
        return counts

    def create_partners():
        counts = []
        for index in range(args.create):
            before = cr.sql_log_count
            Partner.create({"name": f"Партнёр {index}", "company_id": centre.id})
            env.flush_all()
            counts.append(cr.sql_log_count - before)
            if index % 200 == 199:
                env.invalidate_all()
        return counts

    t_cases, case_queries = timed(create_cases)
    t_partners, partner_queries = timed(create_partners)
    cr.execute("ROLLBACK TO SAVEPOINT bench_create")
    env.invalidate_all()
    first = sum(case_queries[:tenth]) / tenth
    last = sum(case_queries[-tenth:]) / tenth
    result = Result(
        label=label,
        ratio=t_cases / t_partners,
        goal=2.0,
        at_most=True,
        mismatches=int(last > first * 1.1),
    )
    result.notes.append(
        f"case {t_cases / args.create * 1000:.0f} ms and "
        f"{sum(case_queries) / args.create:.0f} queries each (first tenth "
        f"{first:.0f}, last tenth {last:.0f}: not growing), partner "
        f"{t_partners / args.create * 1000:.0f} ms and "
        f"{sum(partner_queries) / args.create:.0f} queries each; "
        f"{_generated(env):,} cases in the database"
    )
    return result


def bench_cron_expire(env, args):
    """``_cron_expire`` of service 1 (measured for its owner; no goal yet)."""
    label = f"{args.expire:,} certificates expiring: _cron_expire vs raw UPDATE"
    skipped = _skip_small(env, label)
    if skipped:
        return skipped
    cr = env.cr
    yesterday = datetime.date.today() - datetime.timedelta(days=1)
    cr.execute("SAVEPOINT bench_expire")

    def expiring():
        cr.execute(
            """UPDATE mgp_accompaniment SET date_end = %s
                WHERE id IN (SELECT id FROM mgp_accompaniment WHERE state = 'active'
                              ORDER BY id LIMIT %s)
            RETURNING id""",
            [yesterday, args.expire],
        )
        env.invalidate_all()
        return tuple(row[0] for row in cr.fetchall())

    ids = expiring()
    before = cr.sql_log_count
    t_cron, _cases = timed(lambda: env["mgp.accompaniment"]._cron_expire())
    env.flush_all()
    queries = cr.sql_log_count - before
    cr.execute("ROLLBACK TO SAVEPOINT bench_expire")
    env.invalidate_all()
    ids = expiring()

    def raw():
        # the set-based equivalent: states, then the results deadlines
        cr.execute(
            """UPDATE mgp_accompaniment SET state = 'expired', date_closed = date_end
                WHERE id IN %s""",
            [ids],
        )
        cr.execute(
            """UPDATE mgp_deadline SET state = 'cancelled'
                WHERE res_model = 'mgp.accompaniment' AND res_id IN %s
                  AND state = 'open'""",
            [ids],
        )
        cr.execute(
            """INSERT INTO mgp_deadline (name, code, res_model, res_id, state,
                       date_start, date_due, date_at_risk, company_id, user_id,
                       sla_status, is_late)
                SELECT 'results', 's1_results', 'mgp.accompaniment', id, 'open',
                       date_end, date_end + 7, date_end + 6, company_id, user_id,
                       'on_track', FALSE
                  FROM mgp_accompaniment WHERE id IN %s""",
            [ids],
        )

    t_raw, _none = timed(raw)
    cr.execute("ROLLBACK TO SAVEPOINT bench_expire")
    env.invalidate_all()
    result = Result(label=label, ratio=t_cron / t_raw, goal=float("inf"), at_most=True)
    result.notes.append(
        f"_cron_expire {t_cron:.1f} s, {queries / max(len(ids), 1):.1f} queries "
        f"per case ({len(ids):,} cases); set-based SQL {t_raw:.2f} s "
        "(informational: the case engine is not this issue's)"
    )
    return result


# ---------------------------------------------------------------- portal


class Server:
    """``odoo`` serving the benchmark database on ``args.port``."""

    def __init__(self, args, extra=()):
        self.args = args
        # loopback only: the server listens on 127.0.0.1, nothing else is called
        self.url = f"http://127.0.0.1:{args.port}"
        self.extra = list(extra)  # more options (e.g. a read replica)
        self.process = None

    def __enter__(self):
        args = self.args
        command = [
            sys.executable,
            "-m",
            "odoo",
            "server",
            f"--database={args.db}",
            f"--db-filter=^{args.db}$",
            f"--addons-path={args.addons_path}",
            f"--data-dir={args.data_dir}",
            f"--http-port={args.port}",
            "--http-interface=127.0.0.1",
            f"--workers={args.workers}",
            "--max-cron-threads=0",
            "--log-level=warn",
            *self.extra,
        ]
        for option, name in (
            ("--db_host", "PGHOST"),
            ("--db_port", "PGPORT"),
            ("--db_user", "MGP_DB_USER"),
        ):
            if os.environ.get(name):
                command.append(f"{option}={os.environ[name]}")
        self.process = subprocess.Popen(  # noqa: S603 (our own command)
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        import requests

        # a loaded machine (a million cases, other jobs) may take long to load
        # the registry and answer the first page: a timeout is not a failure
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            try:
                if requests.get(self.url + "/web/login", timeout=60).ok:
                    return self
            except (requests.ConnectionError, requests.Timeout):
                time.sleep(1)  # not listening yet, or still loading
                continue
            time.sleep(1)
        self.__exit__()
        raise SystemExit("the Odoo server did not start")

    def __exit__(self, *exc):
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=60)


def _login(url, login, password):
    import re

    import requests

    session = requests.Session()
    page = session.get(url + "/web/login", timeout=30)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    session.post(
        url + "/web/login",
        data={"login": login, "password": password, "csrf_token": token},
        timeout=30,
    )
    return session


def _load(url_path, sessions, requests_each, url):
    """Latencies (ms) and errors of ``sessions`` hitting ``url_path`` at once."""
    latencies, errors = [], []

    def client(session):
        for _index in range(requests_each):
            start = time.perf_counter()
            response = session.get(url + url_path, timeout=120)
            latencies.append((time.perf_counter() - start) * 1000)
            if response.status_code != 200:
                errors.append(response.status_code)

    threads = [threading.Thread(target=client, args=(s,)) for s in sessions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors


def _portal_figure(args, label, login, list_path, page_path, what):
    """p95 of a portal list and of its last page against /web/login, the
    three pages taking turns (so that a change of the machine's load weighs
    on all of them alike)."""
    import requests

    with Server(args) as server:
        sessions = [_login(server.url, login, login) for _index in range(args.clients)]
        anonymous = [requests.Session() for _index in range(args.clients)]
        # warm-up of every worker process (each compiles its templates)
        _load(list_path, sessions, 2, server.url)
        _load("/web/login", anonymous, 2, server.url)
        paths = {
            "login": ("/web/login", anonymous),
            "list": (list_path, sessions),
            "page": (page_path, sessions),
        }
        latencies = {name: [] for name in paths}
        errors = []
        for _round in range(args.requests):
            for name, (path, clients) in paths.items():
                values, failed = _load(path, clients, 1, server.url)
                latencies[name] += values
                errors += failed
        p95_login, p95_list, p95_page = (
            p95(latencies[name]) for name in ("login", "list", "page")
        )
    result = Result(
        label=label,
        ratio=max(p95_list, p95_page) / p95_login,
        goal=1.5,
        at_most=True,
        mismatches=len(errors),
    )
    result.notes.append(
        f"{what}, {args.clients} clients x {args.requests} requests, --workers "
        f"{args.workers}: {list_path} p95 {p95_list:.0f} ms, its last page p95 "
        f"{p95_page:.0f} ms, /web/login p95 {p95_login:.0f} ms"
    )
    return result


def bench_portal_lists(env, args):
    results = []
    label = f"NGO portal list, p95 at {args.clients} clients vs /web/login"
    env.cr.execute(
        """SELECT u.login, count(a.id) FROM res_users u
             JOIN res_partner p ON p.id = u.partner_id
             JOIN mgp_accompaniment a ON a.ngo_id = p.parent_id
            WHERE u.login LIKE '%%\\_ngo' GROUP BY u.login ORDER BY 2 DESC LIMIT 1"""
    )
    row = env.cr.fetchone()
    if not row:
        results.append(
            Result(label, 0, 0, skipped="n/a: no generated NGO portal user here")
        )
    else:
        login, ngo_cases = row
        results.append(
            _portal_figure(
                args,
                label,
                login,
                "/my/ngo/cases",
                f"/my/ngo/cases/page/{max(ngo_cases // 80, 1)}",
                f"NGO with {ngo_cases:,} cases",
            )
        )
    label = f"employer portal list, p95 at {args.clients} clients vs /web/login"
    if "mgp.workplace.plan" not in env:
        results.append(
            Result(label, 0, 0, skipped="n/a: mgp_workplace_plan not installed")
        )
        return results
    env.cr.execute(
        """SELECT u.login, count(w.id) FROM res_users u
             JOIN res_partner p ON p.id = u.partner_id
             JOIN mgp_workplace_plan w ON w.employer_id = p.parent_id
            WHERE u.login LIKE '%%\\_employer' AND w.state <> 'revised'
         GROUP BY u.login ORDER BY 2 DESC LIMIT 1"""
    )
    row = env.cr.fetchone()
    if not row:
        results.append(
            Result(label, 0, 0, skipped="n/a: no generated employer portal user here")
        )
    else:
        login, plans = row
        results.append(
            _portal_figure(
                args,
                label,
                login,
                "/my/workplace",
                f"/my/workplace/page/{max(plans // 80, 1)}",
                f"employer with {plans:,} plans",
            )
        )
    return results


__all__ = [
    "bench_case_create",
    "bench_cron_expire",
    "bench_deadline_cron",
    "bench_portal_lists",
    "bench_print_batch",
    "bench_sla_refresh",
    "child_main",
    "out",
]
