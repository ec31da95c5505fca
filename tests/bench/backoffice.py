"""What a centre's staff feel in the back office, over HTTP (issue 24, part 5).

Each figure is the p95 of a call of the web client (``/web/dataset/call_kw``)
against the same user's first page of the contacts list, the calls taking
turns so that the machine's load weighs on both alike:

- a person searched by СНИЛС (the search view's field, the number typed as
  digits), as a specialist of the centre;
- the manager's list of disabled persons (the menu's action: need to know
  filtered in SQL);
- the late-deadlines list (the deadline list's "Late" filter), as the manager;
- the head of centre's dashboard, opened and read as the manager (its goal of
  1 s is shown, never asserted).

Plus the printed indicators of the largest centre's year: the PDF against a
plain one-page PDF (a certificate), and the workbook's peak memory for the
whole region against one centre's month (each built in a child process).

The users' passwords are set (committed) so that they can log in.
"""
# A standalone script that owns its transactions: the staff log in to a
# server in another process, so their passwords are committed.
# pylint: disable=invalid-commit

import datetime
import re
import threading
import time

from benchlib import Result, p95, timed
from scale import Server, _login, _run_child, _skip_small


class Rpc:
    """A logged-in web client session calling models as the web client does."""

    def __init__(self, url, login, password, company_id=None):
        self.url = url
        self.session = _login(url, login, password)
        self.context = {"lang": "ru_RU", "tz": "Europe/Moscow"}
        if company_id:
            self.context["allowed_company_ids"] = [company_id]
        self.errors = []

    def call(self, model, method, args=(), **kwargs):
        kwargs.setdefault("context", self.context)
        response = self.session.post(
            f"{self.url}/web/dataset/call_kw/{model}/{method}",
            json={
                "jsonrpc": "2.0",
                "method": "call",
                "params": {
                    "model": model,
                    "method": method,
                    "args": list(args),
                    "kwargs": kwargs,
                },
                "id": 1,
            },
            timeout=120,
        )
        data = response.json() if response.status_code == 200 else {}
        if response.status_code != 200 or "error" in data:
            error = data.get("error", {}).get("data", {}).get("message")
            self.errors.append(f"{model}.{method}: {error or response.status_code}")
            return None
        return data["result"]


CONTACT_SPEC = {
    "complete_name": {},
    "email": {},
    "phone": {},
    "city": {},
    "country_id": {"fields": {"display_name": {}}},
}
PERSON_SPEC = {
    "name": {},
    "mgp_snils": {},
    "mgp_disability_group": {},
    "mgp_ipra_number": {},
    "mgp_ipra_date_end": {},
    "phone": {},
    "email": {},
}
DEADLINE_SPEC = {
    "name": {},
    "code": {},
    "res_name": {},
    "user_id": {"fields": {"display_name": {}}},
    "company_id": {"fields": {"display_name": {}}},
    "date_due": {},
    "sla_status": {},
    "state": {},
}


def contacts_page(rpc):
    """The contacts list's first page (the reference of every figure)."""
    return rpc.call(
        "res.partner",
        "web_search_read",
        [[]],
        specification=CONTACT_SPEC,
        limit=80,
        count_limit=10001,
    )


def snils_search(rpc, digits):
    return rpc.call(
        "res.partner",
        "web_search_read",
        [[("is_company", "=", False), ("mgp_snils_search", "ilike", digits)]],
        specification=PERSON_SPEC,
        limit=80,
        count_limit=10001,
    )


def disabled_persons(rpc):
    return rpc.call(
        "res.partner",
        "web_search_read",
        [[("is_company", "=", False), ("mgp_is_disabled", "=", True)]],
        specification=PERSON_SPEC,
        limit=80,
        count_limit=10001,
    )


def late_deadlines(rpc):
    return rpc.call(
        "mgp.deadline",
        "web_search_read",
        [[("state", "=", "open"), ("sla_status", "=", "late")]],
        specification=DEADLINE_SPEC,
        limit=80,
        count_limit=10001,
    )


def dashboard(rpc, spec):
    action = rpc.call("mgp.indicator.dashboard", "action_open_dashboard")
    if not action:
        return None
    return rpc.call(
        "mgp.indicator.dashboard", "web_read", [[action["res_id"]]], specification=spec
    )


def measure(calls, clients, rounds):
    """p95 (ms) of each named call over ``clients`` threads × ``rounds``, the
    calls taking turns within each round."""
    latencies = {name: [] for name in calls}
    for _round in range(rounds):
        for name, func in calls.items():
            values = []

            def client(index, func=func, values=values):
                start = time.perf_counter()
                func(index)
                values.append((time.perf_counter() - start) * 1000)

            threads = [
                threading.Thread(target=client, args=(i,)) for i in range(clients)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            latencies[name] += values
    return {name: p95(values) for name, values in latencies.items()}


def set_password(env, user):
    """The user logs in with his login as password (committed, in a fresh
    transaction: a server of an earlier figure may have written the user
    since this one began)."""
    env.cr.rollback()
    user.password = user.login
    env.cr.commit()


def _staff(env):
    """(centre, manager, specialist) of the generated centre with most cases."""
    env.cr.execute(
        """SELECT c.id FROM res_company c
             JOIN mgp_accompaniment a ON a.company_id = c.id
            WHERE c.name LIKE '%%[bench]%%'
         GROUP BY c.id ORDER BY count(*) DESC LIMIT 1"""
    )
    row = env.cr.fetchone()
    if not row:
        return None
    centre = env["res.company"].browse(row[0])
    users = env["res.users"].search(
        [("company_id", "=", centre.id), ("share", "=", False)], order="login"
    )
    manager = users.filtered(lambda u: "_manager_" in u.login)[:1]
    specialist = users.filtered(lambda u: "_specialist_" in u.login)[:1]
    if not manager or not specialist:
        return None
    return centre, manager, specialist


def _snils_of(env, specialist):
    """The СНИЛС (digits only) of a person of one of the specialist's cases."""
    env.cr.execute(
        """SELECT p.mgp_snils FROM mgp_accompaniment a
             JOIN res_partner p ON p.id = a.partner_id
            WHERE a.user_id = %s AND p.mgp_snils IS NOT NULL
         ORDER BY a.id DESC LIMIT 1""",
        [specialist.id],
    )
    row = env.cr.fetchone()
    return re.sub(r"\D", "", row[0]) if row else None


def bench_backoffice(env, args):
    label = "back office over HTTP vs the contacts list"
    skipped = _skip_small(env, label)
    if skipped:
        return skipped
    staff = _staff(env)
    if not staff:
        return Result(label, 0, 0, skipped="n/a: no generated centre with staff")
    centre, manager, specialist = staff
    set_password(env, manager)
    set_password(env, specialist)
    centre, manager, specialist = _staff(env)  # read again after the rollback
    digits = _snils_of(env, specialist)
    dashboard_spec = {
        name: {}
        for name, field in env["mgp.indicator.dashboard"]._fields.items()
        if field.type not in ("one2many", "many2many", "many2one", "binary")
        and not name.startswith("__")
    }
    with Server(args) as server:
        clients = args.clients
        managers = [
            Rpc(server.url, manager.login, manager.login, centre.id)
            for _i in range(clients)
        ]
        specialists = [
            Rpc(server.url, specialist.login, specialist.login, centre.id)
            for _i in range(clients)
        ]
        figures = {
            "a person searched by SNILS (specialist)": (
                lambda i: snils_search(specialists[i], digits),
                lambda i: contacts_page(specialists[i]),
                1.5,
            ),
            "the manager's list of disabled persons": (
                lambda i: disabled_persons(managers[i]),
                lambda i: contacts_page(managers[i]),
                1.5,
            ),
            "the late-deadlines list (manager)": (
                lambda i: late_deadlines(managers[i]),
                lambda i: contacts_page(managers[i]),
                1.5,
            ),
            "the head-of-centre dashboard": (
                lambda i: dashboard(managers[i], dashboard_spec),
                lambda i: contacts_page(managers[i]),
                float("inf"),
            ),
        }
        # warm-up: every worker compiles its views and fills its caches
        for subject, reference, _goal in figures.values():
            measure({"s": subject, "r": reference}, clients, 1)
        found = snils_search(specialists[0], digits) or {}
        persons = disabled_persons(managers[0]) or {}
        for rpc in managers + specialists:
            rpc.errors.clear()
        results = []
        for name, (subject, reference, goal) in figures.items():
            times = measure({"s": subject, "r": reference}, clients, args.requests)
            errors = sum(len(rpc.errors) for rpc in managers + specialists)
            result = Result(
                label=f"{name}, p95 at {clients} clients vs the contacts list",
                ratio=times["s"] / times["r"],
                goal=goal,
                at_most=True,
                mismatches=errors,
            )
            result.notes.append(
                f"p95 {times['s']:.0f} ms, contacts list p95 {times['r']:.0f} ms "
                f"({clients} clients x {args.requests} rounds)"
            )
            if name.startswith("a person"):
                result.mismatches += int(found.get("length") != 1)
                result.notes.append(
                    f"found {found.get('length')} person by the 11 digits (goal 1)"
                )
            elif name.startswith("the manager"):
                result.notes.append(
                    f"{persons.get('length', 0):,} persons the manager may see, "
                    f"{len(persons.get('records', []))} on the first page"
                )
            elif name.startswith("the head"):
                seconds = times["s"] / 1000
                result.notes.append(
                    f"dashboard p95 {seconds:.2f} s (goal <= 1 s, shown, not "
                    f"asserted: {'met' if seconds <= 1 else 'missed'})"
                )
            for rpc in managers + specialists:
                result.notes += rpc.errors[:3]
                rpc.errors.clear()
            results.append(result)
    return results


# ---------------------------------------------------------------- printing


def _indicator_wizard(env, companies, date_from, date_to):
    return env["mgp.indicator.report.wizard"].create(
        {
            "date_from": date_from,
            "date_to": date_to,
            "company_ids": [(6, 0, companies.ids)],
            "step": "month",
        }
    )


def _indicator_year(env):
    """The year of the generated region's figures (the current one)."""
    today = datetime.date.today()
    return datetime.date(today.year, 1, 1), today


def bench_indicator_prints(env, args):
    label = "indicators PDF of a centre-year vs a plain PDF"
    skipped = _skip_small(env, label)
    if skipped:
        return skipped
    if "mgp.indicator.report.wizard" not in env:
        return Result(label, 0, 0, skipped="n/a: mgp_reports not installed")
    staff = _staff(env)
    if not staff:
        return Result(label, 0, 0, skipped="n/a: no generated centre")
    centre = staff[0]
    date_from, date_to = _indicator_year(env)
    wizard = _indicator_wizard(env, centre, date_from, date_to)
    certificate = env["mgp.accompaniment"].search(
        [("certificate_number", "!=", False)], limit=1
    )
    Report = env["ir.actions.report"]
    results = []
    with Server(args) as server:
        env["ir.config_parameter"].set_param("report.url", server.url)
        # warm-up: templates compiled, assets built
        Report._render_qweb_pdf("mgp_reports.action_report_indicators", wizard.ids)
        Report._render_qweb_pdf(
            "mgp_reports.action_report_certificate", certificate.ids
        )
        t_pdf, _pdf = timed(
            lambda: Report._render_qweb_pdf(
                "mgp_reports.action_report_indicators", wizard.ids
            )
        )
        t_plain, _plain = timed(
            lambda: Report._render_qweb_pdf(
                "mgp_reports.action_report_certificate", certificate.ids
            )
        )
    env.cr.execute(
        "SELECT count(*) FROM mgp_accompaniment WHERE company_id = %s", [centre.id]
    )
    cases = env.cr.fetchone()[0]
    pdf = Result(label=label, ratio=t_pdf / t_plain, goal=2.0, at_most=True)
    pdf.notes.append(
        f"{centre.name} ({cases:,} cases), {date_from}..{date_to}: indicators PDF "
        f"{t_pdf:.2f} s, one certificate {t_plain:.2f} s"
    )
    results.append(pdf)

    region = _run_child(args, "xlsx-region")
    month = _run_child(args, "xlsx-month")
    growth = region["rss_peak_mb"] / month["rss_peak_mb"]
    xlsx = Result(
        label="indicators XLSX of the region's year, peak memory vs one centre-month",
        ratio=growth,
        goal=1.25,
        at_most=True,
    )
    xlsx.notes.append(
        f"region-year: {region['rows']:,} rows in {region['seconds']:.1f} s, peak "
        f"{region['rss_peak_mb']:.0f} MB (from {region['rss_before_mb']:.0f}); "
        f"centre-month: {month['rows']:,} rows in {month['seconds']:.1f} s, peak "
        f"{month['rss_peak_mb']:.0f} MB"
    )
    results.append(xlsx)
    return results


def child_xlsx(env, which):
    """Build the workbook of the region's year or one centre's month; the
    number of drill-down rows written."""
    date_from, date_to = _indicator_year(env)
    companies = env["res.company"].search([("name", "like", "[bench]")])
    if which == "xlsx-month":
        companies = companies[:1]
        date_from = date_to.replace(day=1)
    wizard = _indicator_wizard(env, companies, date_from, date_to)
    content = wizard._mgp_build_xlsx()
    env.cr.rollback()
    Indicator = env["mgp.indicator"]
    rows = sum(
        Indicator._mgp_figures(i, [(date_from, date_to)], companies)[0]["denominator"]
        for i in ("i1", "i2")
    )
    return {"rows": rows, "bytes": len(content)}
