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


BENCHES = [
    bench_add_working_days,
    bench_sla_refresh,
    bench_deadline_cron,
    bench_print_batch,
    bench_case_create,
    bench_cron_expire,
    bench_portal_lists,
    bench_indicators,
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
