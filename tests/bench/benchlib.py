"""Shared helpers of the benchmark scripts (run.py, generate.py, scale.py)."""

import gc
import os
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
    ratio: float  # subject against reference (see ``at_most``)
    goal: float  # the ratio to reach
    mismatches: int = 0  # answers where the subject and the reference differ
    notes: list = field(default_factory=list)
    # False: the ratio is how many times faster the subject is (goal: at
    # least); True: how many times longer it takes (goal: at most)
    at_most: bool = False
    skipped: str = ""  # "n/a: why" when the figure cannot be taken here

    @property
    def ok(self):
        if self.skipped:
            return True
        reached = self.ratio <= self.goal if self.at_most else self.ratio >= self.goal
        return reached and not self.mismatches

    def line(self):
        if self.skipped:
            return f"{self.label}: {self.skipped}"
        sign = "<=" if self.at_most else ">="
        status = "ok" if self.ok else "FAILED"
        if self.goal == float("inf"):
            return f"{self.label}: {self.ratio:.2f}x (no goal: measured for its owner)"
        return (
            f"{self.label}: {self.ratio:.2f}x (goal {sign} {self.goal:g}x), "
            f"mismatches: {self.mismatches}  [{status}]"
        )


def timed(func):
    """(seconds, result) of one call of ``func``."""
    start = time.perf_counter()
    result = func()
    return time.perf_counter() - start, result


def p95(values):
    ordered = sorted(values)
    return ordered[max(0, int(round(0.95 * len(ordered))) - 1)]


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


# ---------------------------------------------------------------- Odoo


def open_env(args):
    """An Environment (superuser) on args.db, or exit 2 with the reason."""
    import odoo
    from odoo.modules.registry import Registry
    from odoo.tools import config

    options = [
        f"--database={args.db}",
        f"--addons-path={args.addons_path}",
        f"--data-dir={args.data_dir}",
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


def default_data_dir():
    """The data directory (filestore) of the databases scripts/test.sh makes."""
    return os.environ.get("MGP_TEST_DATA_DIR") or os.path.join(
        os.path.expanduser("~"), ".local", "share", "mgp", "test-data"
    )


def add_common_arguments(parser):
    """Options of every benchmark script: where the database and its files are."""
    parser.add_argument("--addons-path", default=None)
    parser.add_argument(
        "--data-dir",
        default=default_data_dir(),
        help="Odoo data directory holding the database's filestore "
        "(default: $MGP_TEST_DATA_DIR, else ~/.local/share/mgp/test-data)",
    )


def default_addons_path():
    from odoo.tools import config

    dirs = [os.path.join(ROOT, "addons")]
    for path in (config.addons_base_dir, config.addons_community_dir):
        if os.path.isdir(path) and path not in dirs:
            dirs.append(path)
    return ",".join(dirs)
