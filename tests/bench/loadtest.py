#!/usr/bin/env python3
"""A region's day as a load test, run by hand (issue 24, part 3).

    python3 tests/bench/loadtest.py --db mgp_bench [--staff 100] [--duration 120]
        [--workers 4] [--replica-host 127.0.0.1 --replica-port 5435]

On a database filled by ``generate.py``, starts Odoo with ``--workers`` (at
least 4) on the loopback interface, and simulates a region's working day:
``--staff`` centre specialists (threads) doing a realistic mix — open the
case list, search a person by СНИЛС, open a case, record an activity result,
take a need decision, print a certificate — with the same user's contacts
list and contact form (core models) in the mix as the reference; NGOs and
employers in the portal; managers opening the dashboard and the indicators.
The active users grow by stages (a quarter, half, three quarters, all), so
that the throughput at which the p95 passes 2 s shows.

Prints a table: per action its count, errors, p50 and p95, and the p95 as a
ratio of the same run's contacts list (lists, portal pages) or contact form
(forms and actions); then each stage's throughput and p95. Exits 1 when a
request failed (goal: error rate 0), 2 when the database cannot be used.

It changes the data (results recorded, need decisions taken, passwords of
the generated staff set to their logins): run it on a copy of the region.
Bounded: ``--duration`` at most 600 s, ``--staff`` at most 1,000, every
request with a timeout; loopback only.
"""
# A standalone script that owns its transactions: the users' passwords are
# committed for the server it starts.
# pylint: disable=invalid-commit

import argparse
import datetime
import os
import random
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from backoffice import (  # noqa: E402
    CONTACT_SPEC,
    PERSON_SPEC,
    Rpc,
    contacts_page,
    dashboard,
)
from benchlib import (  # noqa: E402
    add_common_arguments,
    default_addons_path,
    open_env,
    out,
)
from scale import Server, _login  # noqa: E402

SLOW_MS = 2000  # the p95 a stage may not pass
CASE_LIST_SPEC = {
    "name": {},
    "partner_id": {"fields": {"display_name": {}}},
    "state": {},
    "plan_agreed_date": {},
    "user_id": {"fields": {"display_name": {}}},
    "mgp_sla_status": {},
    "mgp_next_date_due": {},
}
CASE_FORM_SPEC = dict(
    CASE_LIST_SPEC,
    need={},
    need_decision_date={},
    responsible_user_id={"fields": {"display_name": {}}},
    ngo_id={"fields": {"display_name": {}}},
    certificate_number={},
    date_end={},
    line_ids={
        "fields": {
            "activity_id": {"fields": {"display_name": {}}},
            "performer": {},
            "date_done": {},
            "result": {},
        }
    },
    deadline_ids={
        "fields": {"name": {}, "date_due": {}, "sla_status": {}, "state": {}}
    },
)
# action: (weight in a specialist's mix, the core action it compares with)
STAFF_MIX = {
    "case list": (25, "contacts list"),
    "search a person": (15, "contacts list"),
    "open a case": (20, "contact form"),
    "record a result": (8, "contact form"),
    "take a decision": (4, "contact form"),
    "print a certificate": (3, "contact form"),
    "contacts list": (15, None),
    "contact form": (10, None),
}
PORTAL_REFERENCE = "contacts list"


class Staff:
    """One simulated specialist: his session and the records he works on."""

    def __init__(self, url, user, work, rng):
        self.rpc = Rpc(url, user["login"], user["login"], user["company_id"])
        self.work = work  # dict of lists, consumed as he goes
        self.rng = rng

    def act(self, action):
        rng, rpc, work = self.rng, self.rpc, self.work
        if action == "case list":
            return rpc.call(
                "mgp.accompaniment",
                "web_search_read",
                [[]],
                specification=CASE_LIST_SPEC,
                limit=80,
                count_limit=10001,
            )
        if action == "search a person":
            return rpc.call(
                "res.partner",
                "web_search_read",
                [[("mgp_snils_search", "ilike", rng.choice(work["snils"]))]],
                specification=PERSON_SPEC,
                limit=80,
            )
        if action == "open a case":
            return rpc.call(
                "mgp.accompaniment",
                "web_read",
                [[rng.choice(work["cases"])]],
                specification=CASE_FORM_SPEC,
            )
        if action == "record a result":
            if not work["lines"]:
                return "skip"
            return rpc.call(
                "mgp.accompaniment.line",
                "write",
                [
                    [work["lines"].pop()],
                    {"date_done": str(TODAY), "result": "Проведено"},
                ],
            )
        if action == "take a decision":
            if not work["new"]:
                return "skip"
            # as in the form: the checklist, the documents checked, the decision
            case = [work["new"].pop()]
            rpc.call("mgp.accompaniment", "action_mgp_documents_prepare", [case])
            read = rpc.call(
                "mgp.accompaniment",
                "web_read",
                [case],
                specification={"mgp_document_line_ids": {}},
            )
            if read:
                lines = read[0]["mgp_document_line_ids"]
                rpc.call("mgp.document.line", "action_mark_checked", [lines])
            return rpc.call("mgp.accompaniment", "action_decide_need", [case, True])
        if action == "print a certificate":
            if not work["certificates"]:
                return "skip"
            response = rpc.session.get(
                f"{rpc.url}/report/pdf/mgp_reports.report_certificate/"
                f"{rng.choice(work['certificates'])}",
                timeout=120,
            )
            if response.status_code != 200 or not response.content.startswith(b"%PDF"):
                rpc.errors.append(f"certificate: {response.status_code}")
                return None
            return True
        if action == "contacts list":
            return contacts_page(rpc)
        if action == "contact form":
            return rpc.call(
                "res.partner",
                "web_read",
                [[rng.choice(work["contacts"])]],
                specification=dict(CONTACT_SPEC, name={}, street={}, zip={}),
            )
        raise ValueError(action)


TODAY = datetime.date.today()


def _ids(cr, query, params):
    cr.execute(query, params)
    return [row[0] for row in cr.fetchall()]


def prepare(env, args):
    """The generated users who take part (passwords set, committed) and the
    records each specialist works on."""
    cr = env.cr
    # a fresh snapshot: a server of an earlier figure may have written these
    # users since this transaction began (their last login)
    cr.rollback()
    Users = env["res.users"]
    specialists = Users.search(
        [("login", "=like", "bench\\_specialist\\_%"), ("share", "=", False)],
        order="id",
        limit=args.staff,
    )
    managers = Users.search(
        [("login", "=like", "bench\\_manager\\_%"), ("share", "=", False)],
        order="id",
        limit=max(1, args.managers),
    )
    portal = Users.search([("login", "in", ("bench_ngo", "bench_employer"))])
    if not specialists:
        raise SystemExit("no generated specialist: fill the database with generate.py")
    for user in specialists | managers | portal:
        if user.login not in ("bench_ngo", "bench_employer"):
            user.password = user.login
    cr.commit()
    work = {}
    for user in specialists:
        cases = _ids(
            cr,
            """SELECT id FROM mgp_accompaniment WHERE user_id = %s
                ORDER BY id DESC LIMIT 200""",
            [user.id],
        )
        work[user.id] = {
            "cases": cases or [0],
            "snils": [
                "".join(ch for ch in snils if ch.isdigit())
                for snils in _ids(
                    cr,
                    """SELECT p.mgp_snils FROM mgp_accompaniment a
                         JOIN res_partner p ON p.id = a.partner_id
                        WHERE a.user_id = %s AND p.mgp_snils IS NOT NULL
                        LIMIT 200""",
                    [user.id],
                )
            ]
            or ["00000000000"],
            "lines": _ids(
                cr,
                """SELECT l.id FROM mgp_accompaniment_line l
                     JOIN mgp_accompaniment a ON a.id = l.accompaniment_id
                    WHERE a.state = 'active' AND l.performer = 'centre'
                      AND l.date_done IS NULL
                      AND (l.user_id = %(u)s OR a.responsible_user_id = %(u)s)
                    LIMIT 200""",
                {"u": user.id},
            ),
            "new": _ids(
                cr,
                """SELECT id FROM mgp_accompaniment
                    WHERE state = 'new' AND user_id = %s LIMIT 50""",
                [user.id],
            ),
            "certificates": _ids(
                cr,
                """SELECT id FROM mgp_accompaniment
                    WHERE certificate_number IS NOT NULL AND user_id = %s
                    LIMIT 50""",
                [user.id],
            ),
            "contacts": _ids(
                cr,
                "SELECT id FROM res_partner WHERE company_id = %s LIMIT 200",
                [user.company_id.id],
            )
            or [user.partner_id.id],
        }
    return specialists, managers, portal, work


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.rows = []  # (stage, action, ms, ok)

    def add(self, *row):
        with self.lock:
            self.rows.append(row)


def percentile(values, share):
    ordered = sorted(values)
    if not ordered:
        return 0.0
    return ordered[max(0, int(round(share * len(ordered))) - 1)]


class Day:
    """The simulated users' loops, stage by stage."""

    def __init__(self, args, url):
        self.args = args
        self.url = url
        self.recorder = Recorder()
        self.stop = threading.Event()
        self.stage = 0
        self.active = 0

    def timed_call(self, action, func):
        start = time.perf_counter()
        try:
            result = func()
        except Exception as exc:  # a failed request counts as an error
            result = None
            out(f"    {action}: {exc.__class__.__name__}: {exc}")
        if result == "skip":
            return
        # a call answers None when it failed (an error, a bad status)
        self.recorder.add(
            self.stage, action, (time.perf_counter() - start) * 1000, result is not None
        )

    def think(self, rng, low=None, high=None):
        self.stop.wait(
            rng.uniform(low or self.args.think_min, high or self.args.think_max)
        )

    def staff_loop(self, index, member):
        actions = list(STAFF_MIX)
        weights = [STAFF_MIX[name][0] for name in actions]
        while not self.stop.is_set():
            if index >= self.active:
                self.stop.wait(0.2)
                continue
            action = member.rng.choices(actions, weights)[0]
            self.timed_call(action, lambda a=action: member.act(a))
            self.think(member.rng)

    def manager_loop(self, rpc):
        rng = random.Random(self.args.seed + 7)
        spec = {"cases_active": {}, "deadlines_late": {}, "i1_share": {}}
        company = rpc.context["allowed_company_ids"][0]
        values = {
            "date_from": str(TODAY.replace(month=1, day=1)),
            "date_to": str(TODAY),
            "company_ids": [(6, 0, [company])],
        }
        while not self.stop.is_set():
            if rng.random() < 0.5:
                self.timed_call("dashboard", lambda: dashboard(rpc, spec))
            else:
                self.timed_call(
                    "indicators",
                    lambda: rpc.call(
                        "mgp.indicator.report.wizard",
                        "web_save",
                        [[], values],
                        specification={"i1_share": {}, "i2_share": {}},
                    ),
                )
            high = self.args.think_max
            self.think(rng, high, high * 3)

    def portal_loop(self, name, session, path):
        rng = random.Random(self.args.seed + len(name))

        def get():
            response = session.get(self.url + path, timeout=120)
            return response.status_code == 200 or None

        while not self.stop.is_set():
            self.timed_call(name, get)
            self.think(rng)

    def run(self, targets, stages, stage_seconds):
        threads = [
            threading.Thread(target=target, args=target_args, daemon=True)
            for target, target_args in targets
        ]
        for thread in threads:
            thread.start()
        for number, users in enumerate(stages):
            self.stage = number
            self.active = users
            self.stop.wait(stage_seconds)
        self.stop.set()
        for thread in threads:
            thread.join(timeout=180)
        return self.recorder.rows


def run(args, env):
    specialists, managers, portal, work = prepare(env, args)
    extra = []
    if args.replica_host:
        extra += [
            f"--db_replica_host={args.replica_host}",
            f"--db_replica_port={args.replica_port}",
        ]
    stages = sorted({max(1, round(args.staff * k / 4)) for k in (1, 2, 3, 4)})
    stage_seconds = args.duration / len(stages)
    with Server(args, extra) as server:
        rng = random.Random(args.seed)
        staff = []
        for index in range(args.staff):
            # several simulated staff share a generated specialist
            user = specialists[index % len(specialists)]
            account = {"login": user.login, "company_id": user.company_id.id}
            staff.append(
                Staff(server.url, account, work[user.id], random.Random(rng.random()))
            )
        bosses = [
            Rpc(server.url, user.login, user.login, user.company_id.id)
            for user in managers
        ]
        day = Day(args, server.url)
        targets = [(day.staff_loop, (i, member)) for i, member in enumerate(staff)]
        targets += [(day.manager_loop, (rpc,)) for rpc in bosses]
        logins = set(portal.mapped("login"))
        for login, name, path in (
            ("bench_ngo", "NGO portal list", "/my/ngo/cases"),
            ("bench_employer", "employer portal list", "/my/workplace"),
        ):
            if login in logins:
                session = _login(server.url, login, login)
                targets.append((day.portal_loop, (name, session, path)))
        rows = day.run(targets, stages, stage_seconds)
        errors = [e for member in staff for e in member.rpc.errors]
        errors += [e for rpc in bosses for e in rpc.errors]
    return report(args, rows, stages, stage_seconds, errors)


def report(args, rows, stages, stage_seconds, errors):
    by_action = {}
    for _stage, action, ms, ok in rows:
        by_action.setdefault(action, []).append((ms, ok))
    reference = {
        name: percentile([ms for ms, _ok in by_action.get(name, [])], 0.95)
        for name in ("contacts list", "contact form")
    }
    out(
        f"A region's day: {args.staff} staff, {args.duration:.0f} s, "
        f"--workers {args.workers}"
        + (
            f", replica {args.replica_host}:{args.replica_port}"
            if args.replica_host
            else ""
        )
    )
    out(
        f"{'action':<24}{'requests':>9}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}"
        "  p95 vs core"
    )
    failed_total = 0
    for action in sorted(by_action, key=lambda a: (a in reference, a)):
        values = by_action[action]
        times = [ms for ms, _ok in values]
        failed = sum(1 for _ms, ok in values if not ok)
        failed_total += failed
        core = STAFF_MIX.get(action, (0, PORTAL_REFERENCE))[1]
        ratio = ""
        if core and reference.get(core):
            ratio = f"{percentile(times, 0.95) / reference[core]:.2f}x {core}"
        out(
            f"{action:<24}{len(values):>9}{failed:>8}"
            f"{percentile(times, 0.5):>9.0f}{percentile(times, 0.95):>9.0f}  {ratio}"
        )
    total = len(rows)
    out(
        f"error rate: {failed_total}/{total} "
        f"({(failed_total / total * 100) if total else 0:.2f} %, goal 0)"
    )
    passed_at = None
    for number, users in enumerate(stages):
        times = [ms for stage, _a, ms, _ok in rows if stage == number]
        throughput = len(times) / stage_seconds
        stage_p95 = percentile(times, 0.95)
        out(
            f"stage {number + 1}: {users} staff, {throughput:.1f} requests/s, "
            f"p95 {stage_p95:.0f} ms"
        )
        if passed_at is None and stage_p95 > SLOW_MS:
            passed_at = (throughput, users)
    if passed_at:
        out(
            f"p95 passes {SLOW_MS / 1000:g} s at {passed_at[0]:.1f} requests/s "
            f"({passed_at[1]} staff)"
        )
    else:
        out(f"p95 stayed under {SLOW_MS / 1000:g} s up to {stages[-1]} staff")
    for error in errors[:5]:
        out(f"    {error}")
    staff_times = [
        ms for _s, action, ms, _ok in rows if STAFF_MIX.get(action, (0, None))[1]
    ]
    return {
        "requests": total,
        "errors": failed_total,
        "passed_at": passed_at,
        "staff_p95": percentile(staff_times, 0.95),
        "contacts_p95": reference["contacts list"],
    }


def add_arguments(parser):
    parser.add_argument("--staff", type=int, default=100)
    parser.add_argument("--managers", type=int, default=2)
    parser.add_argument(
        "--duration", type=float, default=120, help="seconds, 600 at most"
    )
    parser.add_argument("--think-min", type=float, default=1.0)
    parser.add_argument("--think-max", type=float, default=3.0)
    parser.add_argument("--replica-host", default=None)
    parser.add_argument("--replica-port", type=int, default=5435)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default=os.environ.get("MGP_TEST_DB", "mgp_bench"))
    add_common_arguments(parser)
    add_arguments(parser)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=8292)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args(argv)
    args.addons_path = args.addons_path or default_addons_path()
    args.workers = max(args.workers, 4)
    args.duration = min(args.duration, 600)
    args.staff = min(max(args.staff, 1), 1000)
    cr, env = open_env(args)
    try:
        result = run(args, env)
    finally:
        cr.rollback()
        cr.close()
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
