# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Every public action of a transition table, called over JSON-RPC with a
hostile context (issue 17 §1): a mixin for an ``HttpCase`` on an addon's
test fixtures.

For every action of the table and every state it starts from, the action
is called twice from the same starting record (each call inside a
savepoint rolled back afterwards): once with a clean context, once with
:meth:`HostileWalkMixin._hostile_context` — a ``default_<field>`` with a
plausible wrong value of every protected and create-only field of the
acting model and of every model of the suite, plus the outcome keys
(``active_test``, ``tracking_disable``, ``install_mode``, ``import_file``,
``mail_create_nolog``, ``mail_notrack``…). Both calls must end alike (the
same result, or the same error) and leave the same stored values on the
acted record, on the suite's records it points to or that point to it, and
on every record the call created (found by id above the largest id before,
per model of the suite), with as many messages, tracking values,
activities, followers and attachments. Every role that may not take the
action is refused (``AccessError``/``UserError``), under the hostile
context too, and nothing is written.
"""

import datetime
import logging
import re
from contextlib import closing
from urllib.parse import urljoin

from odoo import fields
from odoo.tools import SQL, mute_logger

from odoo.addons.mgp_base.models.mgp_transition import forced_state

# what a JSON-RPC client may add, besides the defaults of fields
HOSTILE_FLAGS = {
    "active_test": False,
    "tracking_disable": True,
    "install_mode": True,
    "import_file": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
    "mail_auto_subscribe_no_notify": True,
}
# what the web client sends anyway: it stays
BASE_CONTEXT = {"lang": "en_US", "tz": "Europe/Moscow"}
# models outside the suite whose new records are counted
COUNTED = (
    "mail.message",
    "mail.tracking.value",
    "mail.activity",
    "mail.followers",
    "mail.mail",
    "ir.attachment",
    "res.partner",
)
# differ between two calls by nature (identity, randomness, bookkeeping)
NOT_COMPARED = {"id", "create_date", "write_date", "__last_update"}
REFUSALS = (
    "odoo.exceptions.AccessError",
    "odoo.exceptions.UserError",
    "odoo.exceptions.ValidationError",
)
DIGITS = re.compile(r"\d+")

_logger = logging.getLogger(__name__)


def _jsonable(value):
    """An argument as a JSON-RPC client sends it."""
    if hasattr(value, "_name") and hasattr(value, "ids"):
        return value.id if len(value) == 1 else value.ids
    if isinstance(value, datetime.datetime):
        return fields.Datetime.to_string(value)
    if isinstance(value, datetime.date):
        return fields.Date.to_string(value)
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    return value


def _masked(value):
    """Text without its numbers (sequence numbers, ids in links)."""
    return DIGITS.sub("#", value) if isinstance(value, str) else value


class HostileWalkMixin:
    """Mix into an ``HttpCase`` with the addon's common fixtures; define
    :meth:`_hostile_specs`."""

    maxDiff = None
    # the models whose tables the class walks
    HOSTILE_MODELS = ()
    # (model, action): why the action cannot be driven generically
    HOSTILE_NOT_DRIVEN = {}
    # (model, action): why no source state lets it through from a fixture
    HOSTILE_REFUSED_ONLY = {}
    # attribute names of the fixtures' users tried as refused roles
    HOSTILE_ROLES = ("specialist", "manager", "admin")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = getattr(cls, "company", None) or cls.env.company
        groups = {"base.group_portal": "portal", "base.group_user": "internal"}
        # no password: the test's authentication does not check it
        cls.hostile_users = cls.env["res.users"].create(
            [
                {
                    "name": f"Hostile {kind}",
                    "login": f"hostile_{kind}_{cls.__name__.lower()}",
                    "group_ids": [(6, 0, cls.env.ref(group).ids)],
                    "company_id": company.id,
                    "company_ids": [(6, 0, company.ids)],
                }
                for group, kind in groups.items()
            ]
        )
        cls._hostile_contexts = {}
        cls._hostile_tables_cache = None

    # ------------------------------------------------------------------
    # To define
    # ------------------------------------------------------------------
    def _hostile_specs(self):
        """``[(builders, {action: (user, args)})]``: ``builders`` is a record
        (put in each source state by force) or ``{state or action:
        callable}`` building the starting record of that state or action
        (built once; forced into the state when it is in another one; the
        rest: the first builder's record, forced)."""
        raise NotImplementedError

    # ------------------------------------------------------------------
    # The hostile context
    # ------------------------------------------------------------------
    @classmethod
    def _hostile_suite_models(cls):
        return [
            cls.env[name]
            for name in sorted(cls.env.registry)
            if hasattr(cls.env[name], "_mgp_protected_field_names")
            and not cls.env[name]._abstract
        ]

    @classmethod
    def _hostile_value(cls, field):
        """A plausible wrong value of ``field``, or ``None``."""
        env = cls.env
        if field.type == "selection":
            values = field.get_values(env)
            return values[-1] if values else None
        if field.type == "date":
            return "2020-01-01"
        if field.type == "datetime":
            return "2020-01-01 00:00:00"
        if field.type == "integer":
            return 7
        if field.type in ("float", "monetary"):
            return 7.0
        if field.type == "boolean":
            return not (field.default and field.default(env[field.model_name]))
        if field.type in ("char", "text", "html"):
            return "HOSTILE"
        if field.type in ("many2one", "many2many"):
            other = (
                env[field.comodel_name]
                .sudo()
                .with_context(active_test=False)
                .search([], order="id desc", limit=1)
            )
            if not other:
                return None
            return other.id if field.type == "many2one" else [(6, 0, other.ids)]
        return None

    def _hostile_context(self, model):
        """``default_…`` of every protected and create-only field of
        ``model`` first, then of every model of the suite; the outcome
        keys; the language stays."""
        context = self._hostile_contexts.get(model)
        if context is not None:
            return context
        context = dict(BASE_CONTEXT)
        for Model in [self.env[model], *self._hostile_suite_models()]:
            names = (
                Model._mgp_protected_field_names()
                | Model._mgp_create_only_field_names()
            )
            for name in sorted(names):
                field = Model._fields.get(name)
                key = f"default_{name}"
                if field is None or key in context:
                    continue
                value = self._hostile_value(field)
                if value is not None:
                    context[key] = value
        context.update(HOSTILE_FLAGS)
        self._hostile_contexts[model] = context
        return context

    # ------------------------------------------------------------------
    # Snapshots
    # ------------------------------------------------------------------
    def _hostile_tables(self):
        """{model: table} of the suite's stored models and the counted
        ones."""
        if self._hostile_tables_cache is None:
            tables = {}
            for name in sorted(self.env.registry):
                Model = self.env[name]
                if Model._abstract or not Model._auto or Model._table_query:
                    continue
                if name in COUNTED or (Model._original_module or "").startswith("mgp_"):
                    tables[name] = Model._table
            type(self)._hostile_tables_cache = tables
        return self._hostile_tables_cache

    def _hostile_max_ids(self):
        """{model: the last id its sequence gave} (sequences are not rolled
        back: an id above it is a record created since)."""
        tables = self._hostile_tables()
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "SELECT sequencename, COALESCE(last_value, 0) FROM pg_sequences"
                " WHERE schemaname = current_schema() AND sequencename IN %s",
                tuple(f"{table}_id_seq" for table in tables.values()),
            )
        )
        last = dict(self.env.cr.fetchall())
        return {name: last.get(f"{table}_id_seq", 0) for name, table in tables.items()}

    def _hostile_new_ids(self, before):
        tables = self._hostile_tables()
        after = self._hostile_max_ids()
        new = {}
        for name, top in after.items():
            if top > before[name]:
                self.env.cr.execute(
                    SQL(
                        "SELECT id FROM %s WHERE id > %s ORDER BY id",
                        SQL.identifier(tables[name]),
                        before[name],
                    )
                )
                ids = [row[0] for row in self.env.cr.fetchall()]
                if ids:
                    new[name] = ids
        return new

    def _hostile_scope(self, record):
        """{model: ids}: the record and the suite's records it points to or
        that point to it (one step)."""
        tables = self._hostile_tables()
        record = record.sudo().with_context(active_test=False)
        scope = {record._name: set(record.ids)}
        for name, field in record._fields.items():
            if (
                field.store
                and field.type in ("many2one", "one2many", "many2many")
                and field.comodel_name in tables
                and field.comodel_name not in COUNTED
            ):
                scope.setdefault(field.comodel_name, set()).update(record[name].ids)
        return {model: sorted(ids) for model, ids in scope.items() if ids}

    def _hostile_read(self, model, ids, new):
        Model = self.env[model].sudo().with_context(active_test=False)
        records = Model.browse(ids).exists()
        if model in COUNTED:
            return len(records)
        names = [
            name
            for name, field in Model._fields.items()
            if field.store
            and name not in NOT_COMPARED
            and "token" not in name
            and "uuid" not in name
            and field.type not in ("binary", "properties", "properties_definition")
        ]
        now = datetime.datetime.now()

        def ref(comodel, value):
            return (
                ("new", new.get(comodel, {}).get(value))
                if value in new.get(comodel, {})
                else ("old", value)
            )

        rows = []
        for row in records.read(names, load=None):
            values = {}
            for name in names:
                field, value = Model._fields[name], row[name]
                if field.type == "many2one" and value:
                    value = ref(field.comodel_name, value)
                elif field.type in ("one2many", "many2many"):
                    value = sorted(ref(field.comodel_name, v) for v in value)
                elif name == "res_id" and row.get("res_model") and value:
                    value = ref(row["res_model"], value)
                elif field.type in ("char", "text", "html"):
                    value = _masked(value)
                elif (
                    field.type == "datetime"
                    and value
                    and abs(value - now) < datetime.timedelta(hours=2)
                ):
                    value = "now"
                values[name] = value
            rows.append(values)
        return rows

    def _hostile_snapshot(self, scope, before):
        self.env.invalidate_all()
        new_ids = self._hostile_new_ids(before)
        new = {
            model: {id_: index for index, id_ in enumerate(ids)}
            for model, ids in new_ids.items()
        }
        return {
            "written": {
                model: self._hostile_read(model, ids, new)
                for model, ids in scope.items()
            },
            "created": {
                model: self._hostile_read(model, ids, new)
                for model, ids in new_ids.items()
            },
        }

    # ------------------------------------------------------------------
    # Calls
    # ------------------------------------------------------------------
    def _hostile_login(self, user):
        if getattr(self, "_hostile_uid", None) != user.id:
            self.authenticate(user.login, user.login)
            self._hostile_uid = user.id

    def _hostile_rpc(self, record, action, args, context):
        """Call ``action`` on ``record`` over ``/web/dataset/call_kw``:
        ``("ok", result)`` or ``("error", exception name, message)``,
        without their numbers."""
        self.env.flush_all()
        route = f"/web/dataset/call_kw/{record._name}/{action}"
        with mute_logger("odoo.http", "odoo.sql_db"):
            response = self.opener.post(
                urljoin(self.base_url(), route),
                json={
                    "id": 0,
                    "jsonrpc": "2.0",
                    "method": "call",
                    "params": {
                        "model": record._name,
                        "method": action,
                        "args": [record.ids, *_jsonable(list(args))],
                        "kwargs": {"context": context},
                    },
                },
                timeout=60,
            )
        response.raise_for_status()
        answer = response.json()
        if "error" in answer:
            data = answer["error"]["data"]
            return ("error", data["name"], _masked(data["message"]))
        return ("ok", _masked(repr(answer.get("result"))))

    def _hostile_call(self, record, action, user, args, context):
        """The outcome and the snapshot of one call, rolled back."""
        scope = self._hostile_scope(record)
        self._hostile_login(user)
        before = self._hostile_max_ids()
        with closing(self.env.cr.savepoint()):
            outcome = self._hostile_rpc(record, action, args, context)
            snapshot = self._hostile_snapshot(scope, before)
        self.env.invalidate_all()
        return outcome, snapshot

    # ------------------------------------------------------------------
    # The walk
    # ------------------------------------------------------------------
    def _hostile_force(self, record, state):
        with forced_state(record):
            record.sudo()._mgp_engine_write({record._mgp_state_field: state})
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.env.invalidate_all()

    def _hostile_may(self, record, transition, user):
        mine = record.with_user(user)
        if transition.group:
            return mine._mgp_has_group(transition.group)
        return mine.has_access("write")

    def _hostile_refused_roles(self, record, transition):
        users = [getattr(self, name, None) for name in self.HOSTILE_ROLES]
        users = [user for user in users if user] + list(self.hostile_users)
        return [
            user
            for user in dict.fromkeys(users)
            if not self._hostile_may(record, transition, user)
        ]

    def _hostile_walk(self):
        """Walk every spec; return {(model, action): states it passed}."""
        passed, driven = {}, set()
        for builders, calls in self._hostile_specs():
            if not isinstance(builders, dict):
                builders = {None: builders}
            first, base = next(iter(builders.items()))
            if not hasattr(base, "_name"):
                base = base()
            built = {first: base}
            model = base._name
            table = base._mgp_transition_table()
            self.assertIn(model, self.HOSTILE_MODELS)
            actions = {name for name in table if name.startswith("action_")}
            not_driven = {a for m, a in self.HOSTILE_NOT_DRIVEN if m == model}
            self.assertEqual(
                set(calls) | not_driven,
                actions,
                f"{model}: every public action of the table is called",
            )
            # a builder by action, else by state, else the first record
            by_start = {}
            for action in calls:
                for state in table[action].sources:
                    key = action if action in builders else state
                    by_start.setdefault((key, state), []).append(action)
            for (key, state), start_actions in by_start.items():
                if key not in built:
                    build = builders.get(key)
                    built[key] = build() if build else base
                record = built[key]
                if record[record._mgp_state_field] != state:
                    self._hostile_force(record, state)
                start = self._hostile_snapshot(
                    self._hostile_scope(record), self._hostile_max_ids()
                )
                for action in start_actions:
                    driven.add((model, action))
                    if self._hostile_action(
                        record, action, state, calls[action], start
                    ):
                        passed.setdefault((model, action), []).append(state)
        self._hostile_check_passed(driven, passed)
        return passed

    def _hostile_action(self, record, action, state, call, start):
        """Clean and hostile calls compared; refused roles refused. Whether
        the clean call went through."""
        user, args = call
        transition = record._mgp_transition_get(action)
        hostile_context = self._hostile_context(record._name)
        with self.subTest(model=record._name, action=action, state=state):
            clean = self._hostile_call(record, action, user, args, dict(BASE_CONTEXT))
            hostile = self._hostile_call(record, action, user, args, hostile_context)
            self.assertEqual(hostile, clean)
            for other in self._hostile_refused_roles(record, transition):
                outcome, after = self._hostile_call(
                    record, action, other, args, hostile_context
                )
                self.assertEqual(outcome[0], "error", f"{other.login} may not")
                self.assertIn(outcome[1], REFUSALS, f"{other.login}: {outcome}")
                self.assertEqual(after, start, f"{other.login} wrote nothing")
        if clean[0][0] != "ok":
            _logger.info(
                "%s.%s refused from «%s»: %s", record._name, action, state, clean[0]
            )
        return clean[0][0] == "ok"

    def _hostile_check_passed(self, driven, passed):
        """Every driven action went through from at least one state, except
        those listed with their reason."""
        refused_only = set(self.HOSTILE_REFUSED_ONLY)
        never = {key for key in driven if key not in passed}
        self.assertEqual(
            never,
            refused_only & driven,
            "actions refused from every fixture, not listed with a reason",
        )
