"""Bulk import of persons with their service-1 cases (mgp_import) against a
raw PostgreSQL ``COPY`` of the same rows into a scratch table.

The import runs as an import administrator of a centre, through its dry run
and then its batches one after the other, in this process (each batch what
the job runner would run in its own transaction; here the whole run is
rolled back by run.py). The ratio is the import's time over the COPY's; the
goal (<= 20x) is reported, never asserted by the tests. Peak memory is the
growth of the process's maximum resident set during the import.
"""

import base64
import csv
import datetime
import io
import resource
import time

from benchlib import Result
from dateutil.relativedelta import relativedelta

HEADER = [
    "external_id",
    "snils",
    "name",
    "birth_date",
    "disability_group",
    "ipra_number",
    "plan_date",
    "state",
    "need_decision_date",
    "termination_date",
    "termination_reason",
]


def _snils(number):
    from odoo.addons.mgp_base.models.res_partner import snils_checksum

    digits = f"{number:09d}"
    return f"{digits[:3]}-{digits[3:6]}-{digits[6:]} {snils_checksum(digits):02d}"


def _rows(count, today, seed):
    """Persons with one case each, in the states a history holds: new,
    assignment and terminated (no need) in turn."""
    plan = (today - relativedelta(months=2)).isoformat()
    decided = (today - relativedelta(months=1)).isoformat()
    base = 810_000_000 + (seed % 1000) * 100_000
    rows = []
    for index in range(count):
        state = ("new", "assignment", "terminated")[index % 3]
        rows.append(
            [
                f"BENCH-{seed}-{index}",
                _snils(base + index),
                f"Импортов Бенч {index}",
                "1980-01-15",
                "2",
                f"ИПРА-{index}",
                plan,
                state,
                decided if state == "assignment" else "",
                decided if state == "terminated" else "",
                "no_need" if state == "terminated" else "",
            ]
        )
    return rows


def _csv(rows):
    stream = io.StringIO()
    writer = csv.writer(stream, delimiter=";")
    writer.writerow(HEADER)
    writer.writerows(rows)
    return stream.getvalue().encode()


def _maxrss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_import(env, args):
    label = f"import of {args.import_rows:,} persons with cases vs raw COPY"
    if "mgp.import.job" not in env:
        return Result(
            label=label,
            ratio=0.0,
            goal=20,
            at_most=True,
            skipped="n/a: mgp_import is not installed in this database",
        )
    company = env["res.company"].search([], limit=1, order="id")
    user = env["res.users"].create(
        {
            "name": "Bench importer",
            "login": f"bench_importer_{args.seed}",
            "company_id": company.id,
            "company_ids": [(6, 0, company.ids)],
            "group_ids": [(6, 0, env.ref("mgp_import.mgp_import_group_admin").ids)],
        }
    )
    today = datetime.date.today()
    rows = _rows(args.import_rows, today, args.seed)
    content = _csv(rows)

    # the reference: the same rows COPied into a scratch table
    env.cr.execute(
        "CREATE TEMP TABLE mgp_bench_import_rows (%s)"
        % ", ".join(f"{name} varchar" for name in HEADER)
    )
    start = time.perf_counter()
    env.cr._obj.copy_expert(
        "COPY mgp_bench_import_rows FROM STDIN WITH (FORMAT csv, DELIMITER ';', "
        "HEADER true)",
        io.BytesIO(content),
    )
    t_copy = time.perf_counter() - start
    env.cr.execute("SELECT count(*) FROM mgp_bench_import_rows")
    copied = env.cr.fetchone()[0]

    Job = env["mgp.import.job"].with_user(user)
    job = Job.create(
        {
            "kind": "case",
            "file": base64.b64encode(content),
            "file_name": "bench.csv",
            "batch_size": 500,
        }
    )
    env.flush_all()
    rss_before = _maxrss_mb()
    start = time.perf_counter()
    job.action_check()
    t_check = time.perf_counter() - start
    job.action_import()
    batches = 0
    while job.state == "running":
        job._mgp_run_batch(job.rows_done)
        batches += 1
        # each batch is a job of its own transaction in the job runner: its
        # records leave the cache with it (not kept for the whole import)
        env.invalidate_all()
    env.flush_all()
    t_import = time.perf_counter() - start
    rss_peak = _maxrss_mb()

    # a rerun of the same file writes nothing new
    again = Job.create(
        {"kind": "case", "file": base64.b64encode(content), "file_name": "bench.csv"}
    )
    again.action_check()

    result = Result(
        label=label,
        ratio=t_import / t_copy if t_copy else float("inf"),
        goal=20,
        at_most=True,
    )
    expected = args.import_rows
    if copied != expected or job.created_count != expected or job.state != "done":
        result.mismatches += 1
    if again.valid_count or again.skipped_count != expected:
        result.mismatches += 1
    result.notes.append(
        f"{expected:,} rows in {batches} batches: import {t_import:.2f} s "
        f"({expected / t_import:,.0f} rows/s; dry run {t_check:.2f} s), raw COPY "
        f"{t_copy:.3f} s ({copied / t_copy:,.0f} rows/s)"
    )
    result.notes.append(
        f"created {job.created_count:,} cases and persons, {job.refused_count} "
        f"refused, {job.error_row_count} rows with errors; a rerun: "
        f"{again.skipped_count:,} already imported, {again.valid_count} to write"
    )
    result.notes.append(
        f"memory: peak resident {rss_before:.0f} MB -> {rss_peak:.0f} MB "
        f"(+{rss_peak - rss_before:.0f} MB)"
    )
    return result
