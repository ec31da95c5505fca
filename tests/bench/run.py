#!/usr/bin/env python3
"""Benchmarks of the mgp suite, run by hand (never by scripts/test.sh).

    python3 tests/bench/run.py [--db mgp_test]

Opens an Odoo registry on an existing database where mgp_base is installed
(scripts/test.sh leaves one: mgp_test) and prints each figure as a ratio of
two timings measured in the same run, so that figures from different machines
compare. Exits 1 when a figure misses its goal or a cross-check fails, 2 when
the database cannot be used.

To add a figure, write a function ``bench_<name>(env, args) -> Result`` (or
a list of them) and append it to BENCHES. The figures of a region (SLA
refresh, hourly job, printing, case creation, portal lists) are in
``scale.py`` and need a database filled by ``generate.py``; see README,
section Benchmark.
"""

import argparse
import datetime
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from benchlib import (  # noqa: E402
    Result,
    add_common_arguments,
    best_times,
    default_addons_path,
    open_env,
    out,
)

# ---------------------------------------------------------------- figures


def bench_add_working_days(env, args):
    """mgp.calendar.add_working_days against holidays' get_nth_working_day.

    The same (day, n) pairs for both: days spread over the three years the
    calendar keeps (last, this and next year), n in 1..20. Federal days only
    (state_id=False), so both must give the same answers unless
    administrators edited federal days in this database.
    """
    import holidays

    calendar = env["mgp.calendar"]
    if not hasattr(calendar, "add_working_days"):
        raise SystemExit("mgp.calendar has no add_working_days() in this database")
    this_year = datetime.date.today().year
    first = datetime.date(this_year - 1, 1, 1)
    # keep n-th working days inside the three years
    last = datetime.date(this_year + 1, 11, 30)
    span = (last - first).days
    rng = random.Random(args.seed)
    pairs = [
        (first + datetime.timedelta(days=rng.randrange(span + 1)), rng.randint(1, 20))
        for _i in range(args.pairs)
    ]
    ru = holidays.RU(years=range(this_year - 1, this_year + 2))

    def run_mgp():
        add = calendar.add_working_days
        return [add(day, n) for day, n in pairs]

    def run_holidays():
        nth = ru.get_nth_working_day
        return [nth(day, n) for day, n in pairs]

    # warm-up: caches of both sides, and the answers for the cross-check
    mgp_answers = run_mgp()
    lib_answers = run_holidays()
    mismatches = [
        (day, n, got, want)
        for (day, n), got, want in zip(pairs, mgp_answers, lib_answers, strict=True)
        if got != want
    ]

    t_mgp, t_lib = best_times([run_mgp, run_holidays], args.rounds)
    result = Result(
        label="add_working_days vs holidays.get_nth_working_day",
        ratio=t_lib / t_mgp if t_mgp else float("inf"),
        goal=10.0,
        mismatches=len(mismatches),
    )
    result.notes.append(
        f"{len(pairs)} (day, n) pairs, {first}..{last}, n 1..20, seed {args.seed}: "
        f"mgp {len(pairs) / t_mgp:,.0f}/s, holidays {len(pairs) / t_lib:,.0f}/s"
    )
    for day, n, got, want in mismatches[:5]:
        result.notes.append(f"mismatch: ({day}, {n}) -> mgp {got}, holidays {want}")
    return result


from backoffice import bench_backoffice, bench_indicator_prints  # noqa: E402
from import_bench import bench_import  # noqa: E402
from scale import (  # noqa: E402 (the figures of a generated region)
    bench_case_create,
    bench_cron_expire,
    bench_deadline_cron,
    bench_portal_lists,
    bench_print_batch,
    bench_sla_refresh,
    child_main,
)


def bench_indicators(env, args):
    """I1 + I2 of mgp.indicator against hand-written SQL (tests/bench/indicators.py)."""
    import indicators  # noqa: PLC0415 - next to this script, not a package

    if "mgp.indicator" not in env:
        raise SystemExit("mgp_reports is not installed in this database")
    return indicators.bench_indicators(env, args, Result, best_times)


def bench_access_journal(env, args):
    """Reading person data with the access journal against the same reads
    with the journal switched off (152-ФЗ ст. 19; issue 18): a list of
    ``--journal-persons`` persons and a form, read by a specialist whose
    cases they are, each read written to the journal in one statement."""
    if "mgp.access.log" not in env:
        return Result(
            label="person reads with the access journal vs without",
            ratio=0.0,
            goal=1.2,
            at_most=True,
            skipped="n/a: mgp_base without the access journal in this database",
        )
    from odoo.addons.mgp_base.models.mgp_access_log import (  # noqa: PLC0415
        journal_suspended,
    )

    company = env["res.company"].search([], limit=1)
    user = env["res.users"].create(
        {
            "name": "Bench journal specialist",
            "login": "bench_journal_specialist",
            "company_id": company.id,
            "company_ids": [(6, 0, company.ids)],
            "group_ids": [(6, 0, env.ref("mgp_base.group_specialist").ids)],
        }
    )
    persons = env["res.partner"].create(
        [
            {
                "name": f"Журнал {index}",
                "company_id": company.id,
                "mgp_disability_group": "3",
                "mgp_ipra_number": f"ИПРА-{index}",
                "mgp_contraindicated_conditions": "Работа на высоте",
            }
            for index in range(args.journal_persons)
        ]
    )
    # his cases: the need to know of every person read
    env["mgp.mse.request"].create(
        [
            {"partner_id": person.id, "company_id": company.id, "user_id": user.id}
            for person in persons
        ]
    )
    env.flush_all()
    spec = {
        "name": {},
        "mgp_snils": {},
        "mgp_disability_group": {},
        "mgp_ipra_number": {},
        "mgp_contraindicated_conditions": {},
        "mgp_impaired_function_ids": {"fields": {"display_name": {}}},
    }
    Partner = env["res.partner"].with_user(user)
    domain = [("id", "in", persons.ids)]
    form = Partner.browse(persons[0].id)

    def read_list():
        Partner.invalidate_model()
        Partner.web_search_read(domain, spec)
        env.cr.flush()  # the journal's rows, as at the end of the request

    def read_form():
        Partner.invalidate_model()
        form.web_read(spec)
        env.cr.flush()

    def without(func):
        def run():
            with journal_suspended():
                func()

        return run

    results = []
    for label, func in (("list", read_list), ("form", read_form)):
        func()  # warm-up, and a check that the journal is written
        # a read takes milliseconds: enough rounds that the best of each is
        # not one scheduling hiccup of a shared machine (the smoke included)
        t_with, t_without = best_times([func, without(func)], max(args.rounds * 4, 30))
        result = Result(
            label=f"{label} read with the access journal vs without",
            ratio=t_with / t_without if t_without else float("inf"),
            goal=1.2,
            at_most=True,
        )
        result.notes.append(
            f"{len(persons) if label == 'list' else 1} person(s): "
            f"{t_with * 1000:.1f} ms with, {t_without * 1000:.1f} ms without"
        )
        results.append(result)
    written = env["mgp.access.log"].search_count([("user_id", "=", user.id)])
    if not written:
        results[0].mismatches += 1
        results[0].notes.append("no journal entry was written")
    return results


def bench_loadtest(env, args):
    """A region's day (tests/bench/loadtest.py): in the smoke, three staff
    for a few seconds; the real one is run by hand."""
    import loadtest  # noqa: PLC0415 - next to this script, not a package

    label = "a region's day (loadtest.py): staff actions p95 vs the contacts list"
    if not args.smoke and not args.only:
        return Result(
            label, 0, 0, skipped="n/a: run tests/bench/loadtest.py by hand (README)"
        )
    if "mgp.indicator.dashboard" not in env:
        return Result(label, 0, 0, skipped="n/a: mgp_reports not installed")
    day = argparse.Namespace(**vars(args))
    day.staff, day.managers, day.duration = 3, 1, 6
    day.think_min, day.think_max = 0.2, 0.5
    day.workers = max(args.workers, 4)
    day.replica_host = None
    figures = loadtest.run(day, env)
    result = Result(
        label=label,
        ratio=figures["staff_p95"] / (figures["contacts_p95"] or 1),
        goal=float("inf"),
        at_most=True,
        mismatches=figures["errors"],
    )
    result.notes.append(
        f"{figures['requests']} requests of 3 staff, a manager, an NGO and an "
        f"employer in {day.duration:g} s, --workers {day.workers}; errors "
        f"{figures['errors']} (goal 0)"
    )
    return result


BENCHES = [
    bench_add_working_days,
    bench_sla_refresh,
    bench_deadline_cron,
    bench_print_batch,
    bench_case_create,
    bench_cron_expire,
    bench_portal_lists,
    bench_backoffice,
    bench_indicator_prints,
    bench_indicators,
    bench_access_journal,
    bench_import,
    bench_loadtest,
]


# --smoke: sizes for a region of a few thousand cases (tests/bench/generate.py
# --cases 2000), so that the whole run takes about a minute
SMOKE_SIZES = {
    "pairs": 500,
    "rounds": 1,
    "cases": 2000,
    "sla_open": 2000,
    "late": 200,
    "prints": 3,
    "create": 20,
    "expire": 20,
    "clients": 2,
    "requests": 2,
    "journal_persons": 80,
    "import_rows": 300,
}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default=os.environ.get("MGP_TEST_DB", "mgp_test"))
    add_common_arguments(parser)
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="every figure on small sizes (a region of a few thousand cases): "
        "exits 1 on an exception only, never on a ratio (scripts/test.sh runs it)",
    )
    parser.add_argument("--pairs", type=int, default=20000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--cases", type=int, default=1_000_000, help="cases of the indicators figure"
    )
    parser.add_argument(
        "--only",
        default=None,
        help="run only the benches whose name contains one of these (comma-separated)",
    )
    parser.add_argument(
        "--sla-open",
        type=int,
        default=1000000,
        help="open deadlines of the SLA refresh figure (done ones are reopened "
        "for it when the database has fewer; rolled back)",
    )
    parser.add_argument(
        "--late",
        type=int,
        default=100000,
        help="deadlines that just became late for the cron figure (committed)",
    )
    parser.add_argument("--prints", type=int, default=100)
    parser.add_argument("--create", type=int, default=1000, help="cases created")
    parser.add_argument(
        "--expire", type=int, default=2000, help="cases expiring (rolled back)"
    )
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=10, help="per client")
    parser.add_argument(
        "--journal-persons",
        type=int,
        default=80,
        help="persons of the list of the access journal figure (rolled back)",
    )
    parser.add_argument(
        "--import-rows",
        type=int,
        default=100000,
        help="rows (persons with a case) of the bulk import figure (rolled back)",
    )
    parser.add_argument("--port", type=int, default=8291)
    parser.add_argument(
        "--workers", type=int, default=0, help="Odoo --workers of the HTTP server"
    )
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.addons_path = args.addons_path or default_addons_path()
    if args.smoke:
        for name, value in SMOKE_SIZES.items():
            if getattr(args, name) == parser.get_default(name):
                setattr(args, name, value)
    if args.child:
        return child_main(args)

    cr, env = open_env(args)
    failed = False
    try:
        for bench in BENCHES:
            if args.only and not any(
                name.strip() in bench.__name__ for name in args.only.split(",")
            ):
                continue
            results = bench(env, args)
            for result in results if isinstance(results, list) else [results]:
                out(result.line())
                for note in result.notes:
                    out(f"    {note}")
                # the smoke checks that every figure runs and its answers
                # agree, not its ratio (small sizes say nothing of speed)
                failed = failed or not (
                    result.ok or (args.smoke and not result.mismatches)
                )
    finally:
        cr.rollback()
        cr.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
