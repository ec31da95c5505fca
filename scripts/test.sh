#!/usr/bin/env bash
# Checks the whole suite, as CI does (.ci/run):
#   1. the same set-up as scripts/serve.sh (Python packages, wkhtmltopdf and
#      chromium, PostgreSQL, Odoo 19), plus axe-core 4 from npm;
#   2. lint: ruff check, ruff format --check, pylint with the mandatory
#      pylint-odoo checks (.pylintrc-mandatory);
#   3. a fresh database with every suite addon, its demo data and the
#      Russian translations; any WARNING/ERROR/CRITICAL line in that log
#      fails the run unless a regex of scripts/log-allowlist.txt matches it;
#   4. the benchmark's smoke: tests/bench/generate.py on a small region in a
#      copy of that database, then every figure of tests/bench/run.py --smoke
#      (fails on an exception or a mismatch, never on a ratio);
#   5. pytest (pytest-odoo) over addons/*/tests and tests/, HttpCase and
#      browser tests included. Its summary line is the last line printed.
# Exits non-zero when any of 2-5 fails.
#
#   bash scripts/test.sh
#
# Settings (environment variables) besides those of scripts/lib.sh:
#   MGP_TEST_DB        database dropped and re-created by each run  (mgp_test)
#   MGP_TEST_PORT      HTTP port written to the test configuration  (8079)
#   MGP_TEST_LANG      language loaded into the test database, not
#                      the default one (tests run in en_US)         (ru_RU)
#   MGP_TEST_DATA_DIR  Odoo data directory (filestore) of the runs  ($HOME/.local/share/mgp/test-data)
#   MGP_SKIP_LINT=1    skip step 2 (for quick local iterations)
#   MGP_SKIP_BENCH=1   skip step 4 (for quick local iterations)
#   PYTEST_ADDOPTS     extra pytest options, e.g. "-k calendar -x"
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$MGP_ROOT"

MGP_TEST_DB=${MGP_TEST_DB:-mgp_test}
MGP_TEST_PORT=${MGP_TEST_PORT:-8079}
MGP_TEST_LANG=${MGP_TEST_LANG:-ru_RU}
MGP_TEST_DATA_DIR=${MGP_TEST_DATA_DIR:-$HOME/.local/share/mgp/test-data}
ALLOWLIST=$MGP_ROOT/scripts/log-allowlist.txt
started=$(date +%s)
failures=()

# ---------------------------------------------------------------- 1. set-up
mgp_pip_requirements
mgp_system_packages wkhtmltopdf:wkhtmltopdf chromium:chromium \
    pg_dump:postgresql-client pg_restore:postgresql-client pg_basebackup:postgresql-client
# tests/test_read_replica.py makes a primary and a replica cluster of its own
# with the server's initdb/pg_ctl (Debian keeps them in /usr/lib/postgresql)
if ! command -v pg_ctl >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
    _mgp_apt_install postgresql || mgp_warn "no PostgreSQL server binaries: the replica test will fail"
fi
mgp_postgres
mgp_odoo
mgp_axe_core
"$PYTHON" -c 'import websocket' 2>/dev/null ||
    mgp_warn "websocket-client is missing: browser tests will be skipped"
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 ||
    command -v google-chrome >/dev/null 2>&1 ||
    mgp_warn "no Chromium/Chrome on PATH: browser tests will be skipped"

ADDONS=$(mgp_suite_addons)
[ -n "$ADDONS" ] || mgp_die "no addon with a __manifest__.py in $MGP_ADDONS_DIR"
ADDONS_PATH=$(mgp_addons_path)

WORK=$(mktemp -d "${TMPDIR:-/tmp}/mgp-test.XXXXXX")
CONF=$WORK/odoo.conf
INSTALL_LOG=$WORK/install.log
mkdir -p "$MGP_TEST_DATA_DIR"
cat >"$CONF" <<EOF
[options]
db_host = $PGHOST
db_port = $PGPORT
db_user = $MGP_DB_USER
db_name = $MGP_TEST_DB
dbfilter = ^${MGP_TEST_DB}\$
addons_path = $ADDONS_PATH
data_dir = $MGP_TEST_DATA_DIR
http_interface = 127.0.0.1
http_port = $MGP_TEST_PORT
max_cron_threads = 0
EOF

# ---------------------------------------------------------------- 2. lint
LINT_DIRS=("$MGP_ADDONS_DIR" "$MGP_ROOT/tests")
if [ "${MGP_SKIP_LINT:-0}" = 1 ]; then
    mgp_step "Lint skipped (MGP_SKIP_LINT=1)"
else
    mgp_step "Lint: ruff check"
    "$PYTHON" -m ruff check --no-cache --config "$MGP_ROOT/pyproject.toml" "${LINT_DIRS[@]}" ||
        failures+=("ruff check")
    mgp_step "Lint: ruff format --check"
    "$PYTHON" -m ruff format --check --no-cache --config "$MGP_ROOT/pyproject.toml" \
        "${LINT_DIRS[@]}" || failures+=("ruff format")
    mgp_step "Lint: pylint (mandatory pylint-odoo checks)"
    "$PYTHON" -m pylint --rcfile="$MGP_ROOT/.pylintrc-mandatory" --recursive=y \
        "${LINT_DIRS[@]}" || failures+=("pylint")
fi

# ---------------------------------------------------------------- 3. install
mgp_step "Fresh database $MGP_TEST_DB: installing $ADDONS with demo data"
dropdb --if-exists --force "$MGP_TEST_DB" || mgp_die "cannot drop the database $MGP_TEST_DB"
rm -rf "$MGP_TEST_DATA_DIR/filestore/$MGP_TEST_DB"
install_started=$(date +%s)
# Two steps: --load-language while creating a database would make that
# language the default of every user; the tests run in en_US, as Odoo's own,
# with the suite's translations loaded (and checked) on top.
if ! "$PYTHON" -m odoo -c "$CONF" -d "$MGP_TEST_DB" -i "$ADDONS" --with-demo \
    --stop-after-init --no-http --log-level=warn >"$INSTALL_LOG" 2>&1; then
    cat "$INSTALL_LOG"
    mgp_die "installing the suite failed (log above, kept in $INSTALL_LOG)"
fi
if [ -n "$MGP_TEST_LANG" ] && ! "$PYTHON" -m odoo -c "$CONF" -d "$MGP_TEST_DB" \
    --load-language="$MGP_TEST_LANG" --stop-after-init --no-http --log-level=warn \
    >>"$INSTALL_LOG" 2>&1; then
    cat "$INSTALL_LOG"
    mgp_die "loading the language $MGP_TEST_LANG failed (log above, kept in $INSTALL_LOG)"
fi
mgp_info "installed in $(($(date +%s) - install_started)) s; log: $INSTALL_LOG"

# Odoo's log lines: "<date> <time> <pid> <LEVEL> <db> <logger>: <message>"
problems=$WORK/log-problems.txt
grep -E '^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:,]+ [0-9]+ (WARNING|ERROR|CRITICAL) ' \
    "$INSTALL_LOG" >"$problems" || true
if [ -s "$problems" ] && [ -f "$ALLOWLIST" ]; then
    grep -Ev '^[[:space:]]*(#|$)' "$ALLOWLIST" >"$WORK/allow.re" || true
    if [ -s "$WORK/allow.re" ]; then
        grep -Ev -f "$WORK/allow.re" "$problems" >"$problems.left" || true
        mv "$problems.left" "$problems"
    fi
fi
if [ -s "$problems" ]; then
    mgp_warn "the install log has WARNING/ERROR/CRITICAL lines not allowed by
       scripts/log-allowlist.txt (full log: $INSTALL_LOG):"
    sed 's/^/    /' "$problems" >&2
    failures+=("install log")
else
    mgp_info "install log: no WARNING/ERROR/CRITICAL line (outside the allow-list)"
fi

# ---------------------------------------------------------------- 4. benchmark smoke
# The benchmark must always run: its generator and every figure of run.py on
# a small region, in a copy of the fresh database (fails on an exception or a
# cross-check mismatch, never on a ratio).
if [ "${MGP_SKIP_BENCH:-0}" = 1 ]; then
    mgp_step "Benchmark smoke skipped (MGP_SKIP_BENCH=1)"
else
    BENCH_DB=${MGP_TEST_DB}_bench
    mgp_step "Benchmark smoke on a small generated region ($BENCH_DB)"
    bench_started=$(date +%s)
    dropdb --if-exists --force "$BENCH_DB"
    rm -rf "$MGP_TEST_DATA_DIR/filestore/$BENCH_DB"
    if createdb -T "$MGP_TEST_DB" "$BENCH_DB" &&
        { [ ! -d "$MGP_TEST_DATA_DIR/filestore/$MGP_TEST_DB" ] ||
            cp -r "$MGP_TEST_DATA_DIR/filestore/$MGP_TEST_DB" \
                "$MGP_TEST_DATA_DIR/filestore/$BENCH_DB"; } &&
        MGP_TEST_DATA_DIR=$MGP_TEST_DATA_DIR "$PYTHON" tests/bench/generate.py \
            --db "$BENCH_DB" --cases 2000 --centres 4 --regions 2 --specialists 2 \
            --ngos 5 --employers 20 --ngo-cases 100 --employer-plans 100 \
            >"$WORK/bench-generate.log" 2>&1 &&
        MGP_TEST_DATA_DIR=$MGP_TEST_DATA_DIR "$PYTHON" tests/bench/run.py \
            --db "$BENCH_DB" --smoke --port $((MGP_TEST_PORT + 1)) \
            >"$WORK/bench-run.log" 2>&1; then
        sed 's/^/    /' "$WORK/bench-run.log"
        mgp_info "benchmark smoke passed in $(($(date +%s) - bench_started)) s"
    else
        tail -n 40 "$WORK/bench-generate.log" "$WORK/bench-run.log" >&2 || true
        mgp_warn "the benchmark smoke failed (logs above)"
        failures+=("benchmark smoke")
    fi
    dropdb --if-exists --force "$BENCH_DB" || true
    rm -rf "$MGP_TEST_DATA_DIR/filestore/$BENCH_DB"
fi

# ---------------------------------------------------------------- 5. pytest
TEST_PATHS=()
for dir in "$MGP_ADDONS_DIR"/*/tests; do
    [ -d "$dir" ] && [ -f "$(dirname "$dir")/__manifest__.py" ] && TEST_PATHS+=("$dir")
done
TEST_PATHS+=("$MGP_ROOT/tests")

if [ ${#failures[@]} -gt 0 ]; then
    mgp_warn "already failed: ${failures[*]} (see above); this run exits non-zero
       whatever pytest reports"
fi
mgp_info "set-up, lint and install took $(($(date +%s) - started)) s"
mgp_step "pytest"

set +e
"$PYTHON" -m pytest -p no:cacheprovider -rfEs \
    --odoo-database="$MGP_TEST_DB" --odoo-config="$CONF" --odoo-http \
    --ignore="$MGP_ROOT/tests/bench" \
    "${TEST_PATHS[@]}"
rc=$?
set -e
# nothing is printed after pytest's summary line
[ $rc -eq 5 ] && exit 1 # no test collected
[ $rc -ne 0 ] && exit "$rc"
[ ${#failures[@]} -gt 0 ] && exit 1
rm -rf "$WORK"
exit 0
