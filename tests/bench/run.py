#!/usr/bin/env python3
"""Benchmarks of the mgp suite, run by hand (never by scripts/test.sh).

    python3 tests/bench/run.py [--db mgp_test]

Opens an Odoo registry on an existing database where mgp_base is installed
(scripts/test.sh leaves one: mgp_test) and prints each figure as a ratio of
two timings measured in the same run, so that figures from different machines
compare. Exits 1 when a figure misses its goal or a cross-check fails, 2 when
the database cannot be used.

To add a figure, write a function ``bench_<name>(env, args) -> Result`` and
append it to BENCHES.
"""

import argparse
import datetime
import gc
import os
import random
import sys
import time
from dataclasses import dataclass, field

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def out(line=""):
    sys.stdout.write(f"{line}\n")
    sys.stdout.flush()


@dataclass
class Result:
    label: str  # "<subject> vs <reference>"
    ratio: float  # how many times faster the subject is than the reference
    goal: float  # minimum ratio
    mismatches: int = 0  # answers where the subject and the reference differ
    notes: list = field(default_factory=list)
    # True: the ratio is a slowdown (subject time / reference time) that
    # must stay at or under the goal
    at_most: bool = False

    @property
    def ok(self):
        within = self.ratio <= self.goal if self.at_most else self.ratio >= self.goal
        return within and not self.mismatches


def best_times(funcs, rounds):
    """The fastest of `rounds` runs of each function, in seconds.

    The functions take turns within each round, so that a load on the machine
    weighs on all of them alike; the garbage collector is off while timing.
    """
    best = [float("inf")] * len(funcs)
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        for _round in range(rounds):
            for i, func in enumerate(funcs):
                start = time.perf_counter()
                func()
                best[i] = min(best[i], time.perf_counter() - start)
    finally:
        if gc_was_enabled:
            gc.enable()
    return best


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


def bench_indicators(env, args):
    """I1 + I2 of mgp.indicator against hand-written SQL (tests/bench/indicators.py)."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import indicators  # noqa: PLC0415 - next to this script, not a package

    if "mgp.indicator" not in env:
        raise SystemExit("mgp_reports is not installed in this database")
    return indicators.bench_indicators(env, args, Result, best_times)


BENCHES = [bench_add_working_days, bench_indicators]


# ---------------------------------------------------------------- Odoo


def open_env(args):
    """An Environment (superuser) on args.db, or exit 2 with the reason."""
    import odoo
    from odoo.modules.registry import Registry
    from odoo.tools import config

    options = [
        f"--database={args.db}",
        f"--addons-path={args.addons_path}",
        "--log-level=warn",
        "--no-http",
    ]
    for option, value in (
        ("--db_host", os.environ.get("PGHOST", "127.0.0.1")),
        ("--db_port", os.environ.get("PGPORT", "5432")),
        ("--db_user", os.environ.get("MGP_DB_USER") or os.environ.get("PGUSER")),
    ):
        if value:
            options.append(f"{option}={value}")
    config.parse_config(options)
    try:
        registry = Registry(args.db)
    except Exception as exc:  # reported, then exit
        out(f"cannot open database {args.db!r}: {exc}")
        out("create one with: bash scripts/test.sh  (database mgp_test)")
        sys.exit(2)
    if "mgp.calendar" not in registry:
        out(f"mgp_base is not installed in {args.db!r} (no model mgp.calendar)")
        sys.exit(2)
    cr = registry.cursor()
    return cr, odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})


def default_addons_path():
    from odoo.tools import config

    dirs = [os.path.join(ROOT, "addons")]
    for path in (config.addons_base_dir, config.addons_community_dir):
        if os.path.isdir(path) and path not in dirs:
            dirs.append(path)
    return ",".join(dirs)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default=os.environ.get("MGP_TEST_DB", "mgp_test"))
    parser.add_argument("--addons-path", default=None)
    parser.add_argument("--pairs", type=int, default=20000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--cases", type=int, default=1_000_000, help="cases of the indicators figure"
    )
    parser.add_argument(
        "--only", default=None, help="run only the benches whose name contains this"
    )
    args = parser.parse_args(argv)
    args.addons_path = args.addons_path or default_addons_path()

    cr, env = open_env(args)
    failed = False
    try:
        for bench in BENCHES:
            if args.only and args.only not in bench.__name__:
                continue
            result = bench(env, args)
            status = "ok" if result.ok else "FAILED"
            sign = "<=" if result.at_most else ">="
            out(
                f"{result.label}: {result.ratio:.2f}x (goal {sign} {result.goal:g}x), "
                f"mismatches: {result.mismatches}  [{status}]"
            )
            for note in result.notes:
                out(f"    {note}")
            failed = failed or not result.ok
    finally:
        cr.rollback()
        cr.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
