# shellcheck shell=bash
# Shared functions of scripts/serve.sh and scripts/test.sh.
# Source it; it defines functions and settings, and runs nothing.
#
# Settings (environment variables, all optional):
#   PYTHON              Python interpreter                    (python3)
#   PGHOST, PGPORT      PostgreSQL server                     (127.0.0.1, 5432)
#   MGP_DB_USER         PostgreSQL role Odoo connects as      ($PGUSER, else $USER, else root)
#   PGPASSWORD          its password, when the server asks for one
#   ODOO_SOURCE         where to get Odoo 19 when `import odoo` fails: an URL or
#                       a local path of a source tarball, a git URL (optionally
#                       URL@branch), or a local source directory
#                       (https://nightly.odoo.com/19.0/nightly/src/odoo_19.0.latest.tar.gz)
#   ODOO_HOME           where that source is unpacked         ($HOME/.local/share/mgp/odoo)
#   MGP_ADDONS_DIR      the suite's addons directory          (<repo>/addons)
#   MGP_NODE_DIR        npm packages of the tests (axe-core)  ($HOME/.local/share/mgp/node)
#   MGP_AXE_VERSION     axe-core version installed with npm   (4)
#   MGP_CONFIG_DIR      the served configuration and its master password,
#                       outside the repository                ($HOME/.config/mgp)
#   MGP_PROXY_MODE      1: behind a reverse proxy (proxy_mode = True)   (0)

MGP_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
: "${HOME:=$(cd ~ 2>/dev/null && pwd || echo /tmp)}"
export HOME
PYTHON=${PYTHON:-python3}
export PGHOST=${PGHOST:-127.0.0.1}
export PGPORT=${PGPORT:-5432}
MGP_DB_USER=${MGP_DB_USER:-${PGUSER:-${USER:-$(id -un 2>/dev/null || echo root)}}}
export PGUSER=$MGP_DB_USER
MGP_ADDONS_DIR=${MGP_ADDONS_DIR:-$MGP_ROOT/addons}
ODOO_SOURCE=${ODOO_SOURCE:-https://nightly.odoo.com/19.0/nightly/src/odoo_19.0.latest.tar.gz}
ODOO_HOME=${ODOO_HOME:-$HOME/.local/share/mgp/odoo}
MGP_NODE_DIR=${MGP_NODE_DIR:-$HOME/.local/share/mgp/node}
MGP_AXE_VERSION=${MGP_AXE_VERSION:-4}
MGP_CONFIG_DIR=${MGP_CONFIG_DIR:-$HOME/.config/mgp}
MGP_PROXY_MODE=${MGP_PROXY_MODE:-0}
export DEBIAN_FRONTEND=noninteractive
export PIP_DISABLE_PIP_VERSION_CHECK=1
if [ "$(id -u)" -eq 0 ]; then export PIP_ROOT_USER_ACTION=ignore; fi

# ---------------------------------------------------------------- messages

mgp_step() { printf '==> %s\n' "$*"; }
mgp_info() { printf '    %s\n' "$*"; }
mgp_warn() { printf 'WARNING (mgp): %s\n' "$*" >&2; }
mgp_die() {
    printf 'ERROR (mgp): %s\n' "$*" >&2
    exit 1
}

# ---------------------------------------------------------------- privileges

# Run a command as root: directly when we are root, else through a sudo that
# does not ask for a password. Returns 1 when neither is possible.
mgp_as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        sudo -n "$@"
    else
        return 1
    fi
}

mgp_can_be_root() {
    [ "$(id -u)" -eq 0 ] || { command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; }
}

# Run a command as the `postgres` system user (the cluster's superuser).
mgp_as_postgres() {
    id postgres >/dev/null 2>&1 || return 1
    if [ "$(id -un)" = postgres ]; then
        "$@"
    elif [ "$(id -u)" -eq 0 ]; then
        if command -v runuser >/dev/null 2>&1; then
            runuser -u postgres -- "$@"
        else
            su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
        fi
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        sudo -n -u postgres "$@"
    else
        return 1
    fi
}

# ---------------------------------------------------------------- (a) Python packages

mgp_pip_requirements() {
    mgp_step "Python packages (requirements.txt)"
    command -v "$PYTHON" >/dev/null 2>&1 || mgp_die "$PYTHON not found: install Python 3.10-3.13"
    "$PYTHON" -c 'import sys; sys.exit(not ((3, 10) <= sys.version_info[:2] <= (3, 13)))' ||
        mgp_warn "$("$PYTHON" -V 2>&1) is outside the tested range 3.10-3.13"
    "$PYTHON" -m pip --version >/dev/null 2>&1 ||
        mgp_die "pip is missing for $PYTHON (Debian: apt-get install python3-pip, or use a venv)"
    if ! "$PYTHON" -m pip install -q -r "$MGP_ROOT/requirements.txt"; then
        mgp_die "pip could not install requirements.txt; with a system Python that refuses
       pip (externally-managed-environment), use a virtual environment:
       python3 -m venv .venv && . .venv/bin/activate && bash scripts/serve.sh"
    fi
}

# ---------------------------------------------------------------- (b) system packages

_MGP_APT_UPDATED=
_mgp_apt_install() {
    command -v apt-get >/dev/null 2>&1 || return 1
    mgp_can_be_root || return 1
    if [ -z "$_MGP_APT_UPDATED" ]; then
        mgp_as_root apt-get update -qq >/dev/null || return 1
        _MGP_APT_UPDATED=1
    fi
    mgp_as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# mgp_system_packages CMD:PACKAGE ... -- installs PACKAGE (Debian name) when
# CMD is not on PATH; warns when it cannot.
mgp_system_packages() {
    mgp_step "System packages"
    local pair cmd pkg missing=()
    for pair in "$@"; do
        cmd=${pair%%:*}
        pkg=${pair#*:}
        command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    mgp_info "installing ${missing[*]}"
    if ! _mgp_apt_install "${missing[@]}"; then
        mgp_warn "could not install ${missing[*]} (needs apt-get and root or
       password-less sudo); install them by hand: PDF reports need wkhtmltopdf,
       browser tests need chromium, the scripts need the PostgreSQL client tools."
    fi
}

# ---------------------------------------------------------------- (c) PostgreSQL

_mgp_pg_ready() { pg_isready -q -h "$PGHOST" -p "$PGPORT" >/dev/null 2>&1; }

_mgp_pg_is_local() {
    case "$PGHOST" in
        127.0.0.1 | localhost | ::1 | /*) return 0 ;;
        *) return 1 ;;
    esac
}

mgp_postgres() {
    mgp_step "PostgreSQL at $PGHOST:$PGPORT, role $MGP_DB_USER"
    command -v pg_isready >/dev/null 2>&1 || _mgp_apt_install postgresql-client ||
        mgp_die "the PostgreSQL client tools (pg_isready, psql) are missing;
       install them (Debian: apt-get install postgresql-client)"
    [ "$MGP_DB_USER" = postgres ] &&
        mgp_die "Odoo refuses to connect as the role 'postgres': set MGP_DB_USER to another role"

    if ! _mgp_pg_ready && _mgp_pg_is_local; then
        if [ ! -d /etc/postgresql ] && command -v apt-get >/dev/null 2>&1 && mgp_can_be_root; then
            mgp_info "no local PostgreSQL server found: installing one"
            _mgp_apt_install postgresql || mgp_warn "could not install postgresql"
        fi
        if [ -d /etc/postgresql ] && command -v pg_ctlcluster >/dev/null 2>&1; then
            local version
            for version in $(ls /etc/postgresql); do
                [ -d "/etc/postgresql/$version/main" ] || continue
                mgp_info "starting the local cluster $version/main"
                mgp_as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start ||
                    mgp_as_postgres pg_ctlcluster --skip-systemctl-redirect "$version" main start ||
                    mgp_warn "could not start the cluster $version/main"
            done
        fi
        local i
        for i in $(seq 1 30); do
            _mgp_pg_ready && break
            sleep 1
        done
    fi
    _mgp_pg_ready || mgp_die "PostgreSQL does not answer at $PGHOST:$PGPORT (pg_isready);
       start it, or point PGHOST/PGPORT at a running server"

    if ! psql -X -q -d postgres -tAc 'select 1' >/dev/null 2>&1; then
        mgp_info "creating the PostgreSQL role $MGP_DB_USER"
        createuser -h "$PGHOST" -p "$PGPORT" -U postgres -s "$MGP_DB_USER" 2>/dev/null ||
            mgp_as_postgres createuser -p "$PGPORT" -s "$MGP_DB_USER" 2>/dev/null ||
            true
        psql -X -q -d postgres -tAc 'select 1' >/dev/null 2>&1 ||
            mgp_die "cannot connect to PostgreSQL as role $MGP_DB_USER and could not create it:
       create it by hand (sudo -u postgres createuser -s $MGP_DB_USER),
       or set MGP_DB_USER (and PGPASSWORD) to a role that may create databases"
    fi
    local can_create
    can_create=$(psql -X -q -d postgres -tAc \
        "select rolsuper or rolcreatedb from pg_roles where rolname = current_user")
    [ "$can_create" = t ] ||
        mgp_warn "role $MGP_DB_USER may not create databases (ALTER ROLE ... CREATEDB)"
}

# mgp_db_exists NAME
mgp_db_exists() {
    [ "$(psql -X -q -d postgres -tAc "select 1 from pg_database where datname = '$1'")" = 1 ]
}

# ---------------------------------------------------------------- (d) Odoo

_mgp_odoo_ok() {
    (cd / && "$PYTHON" -c 'import odoo.release as r; assert r.version_info[0] == 19' \
        >/dev/null 2>&1)
}

# Odoo imports, but can it load its base addon (are its dependencies there)?
_mgp_odoo_base_ok() {
    local error
    error=$(cd / && "$PYTHON" -c 'import odoo.addons.base' 2>&1) || mgp_die "Odoo 19 is installed but cannot load its base addon:
$(printf '%s\n' "$error" | tail -3)
       install Odoo's Python dependencies (pip install -r <odoo source>/requirements.txt)"
}

# Download/clone/copy ODOO_SOURCE into ODOO_HOME (unless it is a directory,
# used in place). Prints the source directory.
_mgp_odoo_fetch() {
    local src=$ODOO_SOURCE ref=19.0 kind
    if [ -d "$src" ]; then
        printf '%s\n' "$src"
        return 0
    fi
    if [ -f "$ODOO_HOME/setup.py" ]; then
        mgp_info "reusing the Odoo source in $ODOO_HOME" >&2
        printf '%s\n' "$ODOO_HOME"
        return 0
    fi
    mkdir -p "$(dirname "$ODOO_HOME")"
    rm -rf "$ODOO_HOME.partial"
    case "$src" in
        *.tar.gz | *.tgz | *.tar.xz | *.tar.bz2 | *.tar) kind=archive ;;
        git+* | git@* | ssh://* | *.git | *.git@*) kind=git ;;
        https://github.com/*/* | https://gitlab.com/*/*)
            # owner/name[@branch] only: anything longer is a file to download
            case "${src#https://*/*/}" in */*) kind=archive ;; *) kind=git ;; esac ;;
        *) kind=archive ;;
    esac
    case "$kind" in
        git)
            src=${src#git+}
            case "${src##*/}" in *@*) ref=${src##*@} && src=${src%@*} ;; esac
            command -v git >/dev/null 2>&1 || mgp_die "git is needed to fetch $src"
            mgp_info "cloning $src (branch $ref)" >&2
            git clone -q --depth 1 --branch "$ref" "$src" "$ODOO_HOME.partial" >&2 ||
                return 1
            ;;
        *)
            local archive=$src tmp
            tmp=$(mktemp -d)
            if [ ! -f "$src" ]; then
                archive=$tmp/odoo.tar.gz
                mgp_info "downloading $src" >&2
                if command -v curl >/dev/null 2>&1; then
                    curl -fL --retry 3 -o "$archive" "$src" >&2 || return 1
                else
                    "$PYTHON" -c 'import sys, urllib.request as u; u.urlretrieve(sys.argv[1], sys.argv[2])' \
                        "$src" "$archive" >&2 || return 1
                fi
            fi
            mkdir -p "$ODOO_HOME.partial"
            tar -xf "$archive" -C "$ODOO_HOME.partial" --strip-components=1 >&2 || return 1
            rm -rf "$tmp"
            ;;
    esac
    [ -f "$ODOO_HOME.partial/setup.py" ] || {
        mgp_warn "$ODOO_SOURCE does not look like an Odoo source tree (no setup.py)"
        return 1
    }
    rm -rf "$ODOO_HOME"
    mv "$ODOO_HOME.partial" "$ODOO_HOME"
    printf '%s\n' "$ODOO_HOME"
}

# Install Odoo's Python requirements, tolerating the pins that no longer
# build on recent Pythons: the whole file first; when that fails, line by
# line, a pin that fails taken at its newest version together with the
# installed packages that depend on it.
_mgp_odoo_requirements() {
    local dir=$1 line name reqs constraints
    local unpinned=()
    reqs=$(mktemp)
    constraints=$(mktemp)
    # python-ldap needs the LDAP headers and only serves auth_ldap.
    grep -vE '^\s*(#|$)|^python-ldap' "$dir/requirements.txt" >"$reqs" || true
    # Old sdists pinned by Odoo import pkg_resources at build time: build them
    # with a setuptools that still has it (PIP_CONSTRAINT reaches pip's
    # isolated build environments too).
    echo 'setuptools<70' >"$constraints"
    local PIP_CONSTRAINT="${PIP_CONSTRAINT:+$PIP_CONSTRAINT }$constraints"
    export PIP_CONSTRAINT
    if ! "$PYTHON" -m pip install -q -r "$reqs"; then
        mgp_info "Odoo's requirements failed as a whole; installing them one by one"
        while IFS= read -r line; do
            "$PYTHON" -m pip install -q "$line" >/dev/null 2>&1 && continue
            name=$(printf '%s' "$line" | sed -E 's/[=<>!~;[ ].*//')
            if "$PYTHON" -m pip install -q -U "$name" >/dev/null 2>&1; then
                unpinned+=("$name")
                mgp_info "unpinned: $line"
            else
                mgp_warn "could not install Odoo requirement: $line"
            fi
        done <"$reqs"
        for name in ${unpinned[@]+"${unpinned[@]}"}; do
            local dependents
            dependents=$("$PYTHON" -m pip show "$name" 2>/dev/null |
                sed -n 's/^Required-by: //p' | tr ',' ' ' | sed 's/\bodoo\b//g')
            if [ -n "${dependents// /}" ]; then
                # shellcheck disable=SC2086 # a list of names
                "$PYTHON" -m pip install -q -U $dependents >/dev/null 2>&1 ||
                    mgp_warn "could not upgrade $dependents (they depend on $name)"
            fi
        done
    fi
    rm -f "$reqs" "$constraints"
}

# mgp_odoo_addons -- the OCA addons of requirements-odoo.txt (after Odoo).
mgp_odoo_addons() {
    [ -f "$MGP_ROOT/requirements-odoo.txt" ] || return 0
    "$PYTHON" -m pip install -q --no-deps -r "$MGP_ROOT/requirements-odoo.txt" ||
        mgp_die "pip could not install requirements-odoo.txt (OCA addons)"
}

mgp_odoo() {
    mgp_step "Odoo 19"
    if _mgp_odoo_ok; then
        _mgp_odoo_base_ok
        mgp_odoo_addons
        mgp_info "$(cd / && "$PYTHON" -c 'import odoo, odoo.release as r; print("Odoo", r.version, "in", odoo.__path__[0])')"
        return 0
    fi
    mgp_info "import odoo failed: installing Odoo 19 from $ODOO_SOURCE"
    local dir
    dir=$(_mgp_odoo_fetch) || mgp_die "could not get the Odoo source from ODOO_SOURCE=$ODOO_SOURCE;
       set ODOO_SOURCE to a reachable source tarball, git URL or source directory"
    _mgp_odoo_requirements "$dir"
    # "compat" editable mode: `import odoo` works and Odoo finds its own addons
    # (strict mode logs a WARNING on every run).
    "$PYTHON" -m pip install -q --use-pep517 --config-settings editable_mode=compat \
        -e "$dir" || mgp_die "pip could not install Odoo from $dir"
    # Odoo's lxml_html_clean pin drags lxml to a version without wheels for
    # old Pythons: keep the pair that works.
    if "$PYTHON" -c 'import sys; sys.exit(sys.version_info >= (3, 12))'; then
        "$PYTHON" -m pip install -q "lxml==4.9.3" "lxml_html_clean==0.4.3" ||
            mgp_warn "could not pin lxml==4.9.3 lxml_html_clean==0.4.3"
    fi
    # A leftover egg-info in the source tree shows up as a second distribution.
    [ "$dir" = "$ODOO_HOME" ] && rm -rf "$dir/odoo.egg-info"
    command -v pyenv >/dev/null 2>&1 && pyenv rehash >/dev/null 2>&1 || true
    _mgp_odoo_ok || mgp_die "Odoo was installed from $dir but \`import odoo\` still fails
       (or is not 19.x); see the pip messages above"
    # Odoo's pins may have moved packages that the suite needs newer.
    "$PYTHON" -m pip install -q -r "$MGP_ROOT/requirements.txt" ||
        mgp_die "pip could not install requirements.txt next to Odoo"
    mgp_odoo_addons
    _mgp_odoo_base_ok
    mgp_info "$(cd / && "$PYTHON" -c 'import odoo, odoo.release as r; print("Odoo", r.version, "in", odoo.__path__[0])')"
}

# ---------------------------------------------------------------- (e) axe-core

# axe-core 4, the accessibility rules engine of the browser tests
# (tests/test_a11y.py), from its npm package into MGP_NODE_DIR, outside the
# repository. Exports MGP_AXE_CORE (the path of axe.min.js) for the tests.
mgp_axe_core() {
    mgp_step "axe-core 4 (accessibility tests) in $MGP_NODE_DIR"
    local axe=$MGP_NODE_DIR/node_modules/axe-core/axe.min.js
    if [ ! -f "$axe" ]; then
        if ! command -v npm >/dev/null 2>&1; then
            _mgp_apt_install nodejs npm ||
                mgp_warn "npm is missing (Debian: apt-get install nodejs npm)"
        fi
        if command -v npm >/dev/null 2>&1; then
            mkdir -p "$MGP_NODE_DIR"
            npm install --prefix "$MGP_NODE_DIR" --no-audit --no-fund --silent \
                "axe-core@$MGP_AXE_VERSION" >/dev/null ||
                mgp_warn "npm could not install axe-core@$MGP_AXE_VERSION"
        fi
    fi
    if [ -f "$axe" ]; then
        export MGP_AXE_CORE=$axe
        mgp_info "axe-core $(sed -n 's/^ *"version": "\([^"]*\)".*/\1/p' \
            "$MGP_NODE_DIR/node_modules/axe-core/package.json" | head -1)"
    else
        mgp_warn "axe-core is missing: the accessibility tests will fail"
    fi
}

# ---------------------------------------------------------------- suite layout

# Comma-separated, sorted names of the suite's addons (directories of
# MGP_ADDONS_DIR with a __manifest__.py).
mgp_suite_addons() {
    local manifest names=()
    for manifest in "$MGP_ADDONS_DIR"/*/__manifest__.py; do
        [ -f "$manifest" ] || continue
        names+=("$(basename "$(dirname "$manifest")")")
    done
    [ ${#names[@]} -gt 0 ] || return 0
    printf '%s\n' "${names[@]}" | LC_ALL=C sort | paste -sd, -
}

# The addons path: the suite first, then Odoo's own addons directories.
mgp_addons_path() {
    local odoo_dirs
    odoo_dirs=$(cd / && "$PYTHON" - <<'PY'
import os

from odoo.tools import config

dirs = []
for path in (config.addons_base_dir, config.addons_community_dir):
    path = os.path.realpath(path)
    if os.path.isdir(path) and path not in dirs and config._is_addons_path(path):
        dirs.append(path)
print(",".join(dirs))
PY
)
    [ -n "$odoo_dirs" ] || mgp_die "cannot find Odoo's addons directories"
    printf '%s,%s\n' "$MGP_ADDONS_DIR" "$odoo_dirs"
}

# mgp_port_busy PORT [HOST] -- true when something listens there.
mgp_port_busy() {
    "$PYTHON" - "$1" "${2:-127.0.0.1}" <<'PY'
import socket
import sys

with socket.socket() as s:
    s.settimeout(1)
    sys.exit(0 if s.connect_ex((sys.argv[2], int(sys.argv[1]))) == 0 else 1)
PY
}

# ---------------------------------------------------------------- served configuration

# Prints the path of the master password file (MGP_CONFIG_DIR/master-password,
# mode 600), generating a random password the first time. It is never the
# default `admin`, and never in the repository.
mgp_master_password() {
    local file=$MGP_CONFIG_DIR/master-password
    if [ ! -s "$file" ]; then
        mkdir -p "$MGP_CONFIG_DIR" && chmod 700 "$MGP_CONFIG_DIR" ||
            mgp_die "cannot create $MGP_CONFIG_DIR (set MGP_CONFIG_DIR)"
        (umask 077 && "$PYTHON" -c 'import secrets; print(secrets.token_urlsafe(24))' \
            >"$file.partial") && mv "$file.partial" "$file" ||
            mgp_die "cannot write the master password to $file"
        mgp_info "generated the master password of the database manager in $file" >&2
    fi
    chmod 600 "$file"
    printf '%s\n' "$file"
}

# mgp_server_config FILE DB PORT [INTERFACE] -- writes (mode 600) the Odoo
# configuration the suite is served with: only database DB, no database
# manager nor database list (list_db = False and the server-wide module
# mgp_server_guard), the master password of mgp_master_password (hashed),
# proxy_mode from MGP_PROXY_MODE, the read replica of MGP_DB_REPLICA_HOST/PORT.
mgp_server_config() {
    local file=$1 db=$2 port=$3 interface=${4:-127.0.0.1}
    local password_file hash addons_path proxy_mode=False
    [ "$MGP_PROXY_MODE" = 1 ] && proxy_mode=True
    password_file=$(mgp_master_password)
    hash=$(cd / && "$PYTHON" -c 'import sys
from odoo.tools.config import crypt_context
print(crypt_context.hash(sys.stdin.read().strip()))' <"$password_file") ||
        mgp_die "cannot hash the master password"
    addons_path=$(mgp_addons_path)
    mkdir -p "$(dirname "$file")"
    (
        umask 077
        cat >"$file.partial" <<EOF
[options]
; generated by scripts/lib.sh (mgp_server_config): edits are overwritten
addons_path = $addons_path
db_host = $PGHOST
db_port = $PGPORT
db_user = $MGP_DB_USER
db_password = ${PGPASSWORD:-False}
db_name = $db
dbfilter = ^$db\$
list_db = False
admin_passwd = $hash
server_wide_modules = base,rpc,web,mgp_server_guard,queue_job
http_interface = $interface
http_port = $port
proxy_mode = $proxy_mode
EOF
        # the job runner of OCA queue_job (long work of mgp_queue)
        printf '\n[queue_job]\nchannels = %s\n' "${MGP_QUEUE_CHANNELS:-root:2}" >>"$file.partial"
        # read-only routes and @api.readonly methods on a streaming replica
        if [ -n "${MGP_DB_REPLICA_HOST:-}" ]; then
            printf 'db_replica_host = %s\ndb_replica_port = %s\n' \
                "$MGP_DB_REPLICA_HOST" "${MGP_DB_REPLICA_PORT:-$PGPORT}" >>"$file.partial"
        fi
    ) && mv "$file.partial" "$file" || mgp_die "cannot write the configuration $file"
    chmod 600 "$file"
}
