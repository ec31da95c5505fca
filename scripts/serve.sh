#!/usr/bin/env bash
# Sets up everything the mgp suite needs, creates or updates its database with
# demo data in Russian, and serves it on http://localhost:8069.
# Safe to run again: each step does only what is missing.
#
#   bash scripts/serve.sh
#
# Settings (environment variables) besides those of scripts/lib.sh:
#   MGP_DB               database to create or update               (mgp)
#   MGP_HTTP_PORT        HTTP port                                  (8069)
#   MGP_HTTP_INTERFACE   interface to listen on; 0.0.0.0 for others (127.0.0.1)
#   MGP_LANG             language of the database and its users     (ru_RU)
#   MGP_TZ               time zone given to the users, once         (Europe/Moscow)
#   MGP_SKIP_SERVE=1     set up and update the database, then stop
#   MGP_PROXY_MODE=1     served behind a reverse proxy (proxy_mode)
#
# The server runs with the configuration MGP_CONFIG_DIR/odoo-<db>.conf
# ($HOME/.config/mgp), written on each run: no database manager nor list, and
# a master password generated once into MGP_CONFIG_DIR/master-password.
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$MGP_ROOT"

MGP_DB=${MGP_DB:-mgp}
MGP_HTTP_PORT=${MGP_HTTP_PORT:-8069}
MGP_HTTP_INTERFACE=${MGP_HTTP_INTERFACE:-127.0.0.1}
MGP_LANG=${MGP_LANG:-ru_RU}
MGP_TZ=${MGP_TZ:-Europe/Moscow}

mgp_pip_requirements                                         # (a)
mgp_system_packages wkhtmltopdf:wkhtmltopdf                  # (b)
mgp_postgres                                                 # (c)
mgp_odoo                                                     # (d)

ADDONS=$(mgp_suite_addons)
[ -n "$ADDONS" ] || mgp_die "no addon with a __manifest__.py in $MGP_ADDONS_DIR"
ADDONS_PATH=$(mgp_addons_path)
ODOO_ARGS=(
    --addons-path="$ADDONS_PATH"
    --db_host="$PGHOST" --db_port="$PGPORT" --db_user="$MGP_DB_USER"
    -d "$MGP_DB"
)

if mgp_port_busy "$MGP_HTTP_PORT"; then
    mgp_die "port $MGP_HTTP_PORT is already in use (is the suite already running?);
       stop that server, or set MGP_HTTP_PORT"
fi

# (e) database: create with demo data, or update the suite's addons
if mgp_db_exists "$MGP_DB"; then
    mgp_step "Updating database $MGP_DB: $ADDONS"
    # -i installs the addons added to the suite since; -u updates the others.
    "$PYTHON" -m odoo "${ODOO_ARGS[@]}" -i "$ADDONS" -u "$ADDONS" --with-demo \
        --load-language="$MGP_LANG" --stop-after-init --no-http --log-level=warn ||
        mgp_die "updating the database $MGP_DB failed (see the log above)"
else
    mgp_step "Creating database $MGP_DB with demo data (a few minutes): $ADDONS"
    "$PYTHON" -m odoo "${ODOO_ARGS[@]}" -i "$ADDONS" --with-demo \
        --load-language="$MGP_LANG" --stop-after-init --no-http --log-level=warn ||
        mgp_die "creating the database $MGP_DB failed (see the log above);
       fix the cause, then run this again (dropdb $MGP_DB to start afresh)"
fi
# Once per database (marked by the system parameter mgp.serve_localized): the
# suite's language becomes the default of new contacts and users, and the
# language and time zone of every existing user. Later runs leave users' own
# choices alone.
MGP_LANG=$MGP_LANG MGP_TZ=$MGP_TZ "$PYTHON" -m odoo shell "${ODOO_ARGS[@]}" --no-http \
    --log-level=warn <<'PY' >/dev/null || mgp_die "setting the language failed"
import os

lang, tz = os.environ["MGP_LANG"], os.environ["MGP_TZ"]
params = env["ir.config_parameter"]
if not params.get_param("mgp.serve_localized"):
    env["res.lang"]._activate_lang(lang)
    env["ir.default"].set("res.partner", "lang", lang)
    users = env["res.users"].with_context(active_test=False).search([])
    users.write({"lang": lang, "tz": tz})
    env["res.company"].search([]).partner_id.write({"lang": lang, "tz": tz})
    params.set_param("mgp.serve_localized", lang)
    env.cr.commit()
PY

# (f) serve
if [ "${MGP_SKIP_SERVE:-0}" = 1 ]; then
    mgp_step "Database $MGP_DB is ready (MGP_SKIP_SERVE=1: not serving)"
    exit 0
fi
MGP_CONF=$MGP_CONFIG_DIR/odoo-$MGP_DB.conf
mgp_server_config "$MGP_CONF" "$MGP_DB" "$MGP_HTTP_PORT" "$MGP_HTTP_INTERFACE"
cat <<EOF
==> Configuration $MGP_CONF (database manager disabled; master password in
    $MGP_CONFIG_DIR/master-password)
==> Serving database $MGP_DB on http://localhost:$MGP_HTTP_PORT/odoo  (Ctrl+C stops it)
    Log in as:
      admin       / admin         administrator
      manager     / manager       centre manager        (demo)
      specialist1 / specialist1   centre specialist     (demo)
      specialist2 / specialist2   centre specialist     (demo)
      employer    / employer      portal: employer      (demo)
      employer2   / employer2     portal: employer      (demo)
      ngo1        / ngo1          portal: NGO           (demo)
      citizen     / citizen       portal: citizen       (demo)
EOF
exec "$PYTHON" -m odoo -c "$MGP_CONF"
