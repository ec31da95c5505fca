# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The case engine shared by both services.

* :class:`MgpProtectedMixin` — fields that only an action, a manager's
  decision or the engine may set (states, decisions and their dates,
  numbers, validity, assignment, closure, company). ``create`` and ``write``
  refuse them from every caller — whatever the context or the group — except
  code running as superuser (scheduled actions, migrations) and the engine's
  private path :meth:`~MgpProtectedMixin._mgp_engine_write`, which a client
  cannot reach: the grant lives in a Python context variable of the running
  call, never in the ORM context that JSON-RPC carries.
* :class:`MgpCaseMixin` — a case of a service: person or employer, centre,
  responsible user, per-centre numbering, transition check under a row lock,
  action dates, notification of the person.
"""

import contextvars
import functools
from contextlib import contextmanager

from psycopg2.errors import UniqueViolation

from odoo import api, fields, models
from odoo.exceptions import ConcurrencyError, UserError, ValidationError
from odoo.tools import SQL, sql

# {model name: frozenset of record ids, plus CREATE for new records}
_ENGINE_GRANTS = contextvars.ContextVar("mgp_engine_grants", default=None)
CREATE = "create"


# Context keys that change what an action creates or writes (defaults of
# any field, archived records seen as active, silenced tracking, import and
# install modes, sizes instead of file contents): a JSON-RPC client sends
# any context, an action runs without them.
OUTCOME_KEYS = frozenset(
    {
        "active_test",
        "tracking_disable",
        "mail_notrack",
        "mail_create_nolog",
        "mail_create_nosubscribe",
        "mail_auto_subscribe_no_notify",
        "mail_activity_automation_skip",
        "install_mode",
        "install_filename",
        "import_file",
        "bin_size",
        "force_company",
    }
)


def mgp_clean_context(context):
    """``context`` without ``default_*`` keys and :data:`OUTCOME_KEYS`, or
    ``None`` when it has none of them."""
    if not any(key.startswith("default_") or key in OUTCOME_KEYS for key in context):
        return None
    return {
        key: value
        for key, value in context.items()
        if not (key.startswith("default_") or key in OUTCOME_KEYS)
    }


def _mgp_clean_env(records):
    clean = mgp_clean_context(records.env.context)
    return records if clean is None else records.with_env(records.env(context=clean))


def _mgp_clean_call(method):
    """Run the public action ``method`` with a clean context."""

    @functools.wraps(method)
    def action(self, *args, **kwargs):
        return method(_mgp_clean_env(self), *args, **kwargs)

    action._mgp_clean_call = True
    return action


@contextmanager
def _granted(model, ids):
    grants = dict(_ENGINE_GRANTS.get() or {})
    grants[model] = grants.get(model, frozenset()) | frozenset(ids)
    token = _ENGINE_GRANTS.set(grants)
    try:
        yield
    finally:
        _ENGINE_GRANTS.reset(token)


class Base(models.AbstractModel):
    """The suite's public actions run with a clean context."""

    _inherit = "base"

    def _register_hook(self):
        """Wrap every ``action_*`` method the suite's addons define, on any
        model (wizards included), so that no ``default_*`` or outcome key of
        the caller's context (:func:`mgp_clean_context`) reaches what it
        creates or writes."""
        super()._register_hook()
        cls = type(self)
        names = {
            name
            for klass in cls.__mro__
            if klass.__module__.startswith("odoo.addons.mgp_")
            for name in vars(klass)
            if name.startswith("action_") and callable(vars(klass)[name])
        }
        for name in names:
            method = getattr(cls, name)
            if not getattr(method, "_mgp_clean_call", False):
                setattr(cls, name, _mgp_clean_call(method))


class MgpProtectedMixin(models.AbstractModel):
    """Fields set only by the record's actions and the engine.

    Declare ``_mgp_protected_fields`` (never given by a client, neither on
    create nor on write) and ``_mgp_create_only_fields`` (given on create,
    never changed afterwards): each class declares only its own fields, the
    lists of every class of the model (every addon that ``_inherit`` it) are
    merged along the MRO by :meth:`_mgp_protected_field_names` and
    :meth:`_mgp_create_only_field_names`. Actions set them through
    :meth:`_mgp_engine_write` / :meth:`_mgp_engine_create` after their checks.
    """

    _name = "mgp.protected.mixin"
    _description = "Fields Set Only by Actions"

    _mgp_protected_fields = ()
    _mgp_create_only_fields = ()

    @classmethod
    def _mgp_merged_names(cls, attribute):
        """The union of ``attribute`` over every class of the model."""
        cache = cls.__dict__.get("_mgp_merged_cache")
        if cache is None:
            cache = {}
            if getattr(cls, "pool", None) is not None:  # a registry class
                cls._mgp_merged_cache = cache
        if attribute not in cache:
            cache[attribute] = frozenset(
                name
                for klass in cls.__mro__
                for name in vars(klass).get(attribute) or ()
            )
        return cache[attribute]

    @api.model
    def _mgp_protected_field_names(self):
        """Protected fields declared by every addon extending the model."""
        return self._mgp_merged_names("_mgp_protected_fields")

    @api.model
    def _mgp_create_only_field_names(self):
        """Create-only fields declared by every addon extending the model."""
        return self._mgp_merged_names("_mgp_create_only_fields")

    @api.model
    def fields_get(self, allfields=None, attributes=None):
        """Clients see the protected fields as read-only."""
        res = super().fields_get(allfields, attributes)
        for name in self._mgp_protected_field_names():
            if name in res and (attributes is None or "readonly" in attributes):
                res[name]["readonly"] = True
        return res

    # ------------------------------------------------------------------
    # The private path of the actions
    # ------------------------------------------------------------------
    def _mgp_engine_write(self, vals):
        """Write protected ``vals`` after an action's checks (in a clean
        context: the caller's keys change nothing)."""
        with _granted(self._name, self.ids):
            return _mgp_clean_env(self).write(vals)

    @api.model
    def _mgp_engine_create(self, vals_list):
        """Create records with protected values set by the engine.

        The records take their values from ``vals_list`` and the fields'
        own defaults only: no ``default_*`` key of any field, nor any
        outcome key of the caller's context, reaches them."""
        if isinstance(vals_list, dict):
            vals_list = [vals_list]
        with _granted(self._name, [CREATE]):
            return _mgp_clean_env(self).create(vals_list).with_env(self.env)

    def _mgp_engine_unlink(self):
        with _granted(self._name, self.ids):
            return self.unlink()

    def _mgp_is_granted(self, create=False):
        if self.env.su:
            return True  # the suite's own code running as superuser
        grants = (_ENGINE_GRANTS.get() or {}).get(self._name)
        if not grants:
            return False
        if create:
            return CREATE in grants
        return set(self._ids) <= grants

    # ------------------------------------------------------------------
    # Numbering
    # ------------------------------------------------------------------
    @api.model
    def _mgp_next_number(self, code, company=None):
        """Next number of the centre's own sequence ``code``."""
        company = company or self.env.company
        # numbering is the centre's bookkeeping, whatever the user's rights
        return self.env["ir.sequence"].sudo()._mgp_next_for_company(code, company)

    # ------------------------------------------------------------------
    # Guards
    # ------------------------------------------------------------------
    def _mgp_protected_message(self, field_names):
        labels = ", ".join(
            f"«{self._fields[name]._description_string(self.env)}»"
            for name in sorted(field_names)
        )
        return self.env._(
            "%(fields)s of %(model)s can only be set through the record's "
            "actions by a user entitled to them.",
            fields=labels,
            model=self.env["ir.model"]._get(self._name).name,
        )

    def _mgp_raise_protected(self, field_names, operation):
        # a user who may not act on the record at all gets the access error
        self.check_access(operation)
        raise UserError(self._mgp_protected_message(field_names))

    @api.model
    def _mgp_field_default(self, name):
        field = self._fields[name]
        if field.default is None:
            return False
        return field.convert_to_cache(field.default(self), self, validate=False)

    def _mgp_unchanged(self, name, value):
        """Whether writing ``value`` to ``name`` changes none of ``self``."""
        field = self._fields[name]
        if field.type in ("one2many", "many2many"):
            return False
        new = field.convert_to_cache(value, self.browse(), validate=False)
        # compare with the stored value, whatever the reader may see
        return all(
            field.convert_to_cache(record[name], record, validate=False) == new
            for record in self.sudo()
        )

    def _mgp_blocked_on_create(self, vals):
        blocked = set()
        for name in self._mgp_protected_field_names() & set(vals):
            field = self._fields[name]
            value = vals[name]
            if field.type in ("one2many", "many2many"):
                if value:
                    blocked.add(name)
                continue
            cached = field.convert_to_cache(value, self.browse(), validate=False)
            if cached and cached != self._mgp_field_default(name):
                blocked.add(name)
        return blocked

    def _mgp_strip_protected_defaults(self):
        """A ``default_<field>`` context key is client data: ignore it."""
        names = self._mgp_protected_field_names()
        context = self.env.context
        if not any(key[8:] in names for key in context if key.startswith("default_")):
            return self
        clean = {
            key: value
            for key, value in context.items()
            if not (key.startswith("default_") and key[8:] in names)
        }
        return self.with_env(self.env(context=clean))

    def _mgp_check_selection_values(self, vals):
        """A value outside a selection is refused in Russian, never a
        ``ValueError`` of the ORM. Only the suite's fixed lists: a dynamic
        selection (a partner's language…) is Odoo's own to check."""
        for name, value in vals.items():
            field = self._fields.get(name)
            if (
                field is None
                or field.type != "selection"
                or not value
                or not isinstance(field.selection, list)
            ):
                continue
            if value not in field.get_values(self.env):
                raise ValidationError(
                    self.env._(
                        "«%(value)s» is not a possible value of the field "
                        "«%(field)s» of %(model)s.",
                        value=value,
                        field=field._description_string(self.env),
                        model=self.env["ir.model"]._get(self._name).name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if not self._mgp_is_granted(create=True):
            self = self._mgp_strip_protected_defaults()
            blocked = set()
            for vals in vals_list:
                blocked |= self._mgp_blocked_on_create(vals)
            if blocked:
                self.browse()._mgp_raise_protected(blocked, "create")
        # the defaults too, context ones included, are checked (without
        # adding them to the values: the models' own create fills them)
        for vals in vals_list:
            self._mgp_check_selection_values(
                self._add_missing_default_values(dict(vals))
            )
        vals_list = self._mgp_prepare_create_vals(vals_list)
        return super().create(vals_list)

    @api.model
    def _mgp_prepare_create_vals(self, vals_list):
        """Hook: values the engine adds on create (numbers…)."""
        return vals_list

    def write(self, vals):
        names = (
            self._mgp_protected_field_names() | self._mgp_create_only_field_names()
        ) & set(vals)
        if names and self and not self._mgp_is_granted():
            blocked = {
                name for name in names if not self._mgp_unchanged(name, vals[name])
            }
            if blocked:
                self._mgp_raise_protected(blocked, "write")
        self._mgp_check_selection_values(vals)
        return super().write(vals)


class MgpCaseMixin(models.AbstractModel):
    """A case of a service: person, centre, responsible user, number, state.

    Configure ``_mgp_number_code`` (the ``ir.sequence`` code numbering the
    cases per centre) and ``_mgp_protected_fields``. Actions start with
    :meth:`_mgp_check_transition`, check their dates with
    :meth:`_mgp_check_action_date`, write through :meth:`_mgp_engine_write`
    and notify with :meth:`_mgp_notify`.

    One open case per key: ``_mgp_one_open_fields`` (e.g. the person, or the
    worker and the employer) and ``_mgp_closed_states`` (the states of a
    finished case) make a second open case with the same key refused with
    a message naming the open one — checked before create and write, and
    held under concurrency by a partial unique index (:meth:`init`).
    """

    _name = "mgp.case.mixin"
    _description = "Case of an Accompaniment Service"
    _inherit = ["mgp.protected.mixin", "mgp.deadline.mixin"]

    _mgp_number_field = "name"
    _mgp_number_code = None
    _mgp_partner_field = "partner_id"
    _mgp_create_only_fields = ("company_id",)
    _mgp_one_open_fields = ()
    _mgp_closed_states = ()

    name = fields.Char(
        string="Number", required=True, copy=False, readonly=True, default="/"
    )
    partner_id = fields.Many2one(
        "res.partner", string="Person", index=True, tracking=True
    )
    company_id = fields.Many2one(
        "res.company",
        string="Centre",
        required=True,
        index=True,
        readonly=True,
        default=lambda self: self.env.company,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Specialist",
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
    )

    # ------------------------------------------------------------------
    # One open case per key
    # ------------------------------------------------------------------
    def _mgp_one_open_index_name(self):
        return sql.make_identifier(f"{self._table}_mgp_one_open")

    def _mgp_one_open_definition(self):
        return SQL(
            "(%s) WHERE state NOT IN %s",
            SQL(", ").join(SQL.identifier(name) for name in self._mgp_one_open_fields),
            tuple(self._mgp_closed_states),
        )

    def init(self):
        super().init()
        if self._abstract or not self._auto or not self._mgp_one_open_fields:
            return
        cr = self.env.cr
        name = self._mgp_one_open_index_name()
        definition = self._mgp_one_open_definition()
        comment = cr.mogrify(definition.code, definition.params).decode()
        _indexdef, current = sql.index_definition(cr, name)
        if current == comment:
            return
        if _indexdef:
            sql.drop_index(cr, name, self._table)
        # a database holding duplicates keeps working: the schema logger
        # names the index that could not be built
        self.pool.post_constraint(
            cr,
            lambda cr: sql.add_index(
                cr, name, self._table, definition, unique=True, comment=comment
            ),
            name,
        )

    def _mgp_one_open_message(self, case):
        return self.env._(
            "%(person)s already has an open case %(case)s (%(centre)s): "
            "finish it before opening another one.",
            person=case[self._mgp_one_open_fields[0]].display_name,
            case=case.name,
            centre=case.company_id.name,
        )

    def _mgp_check_one_open(self, keys):
        """Refuse ``keys`` (dicts of ``_mgp_one_open_fields`` → id, for the
        open cases to be) when another open case has one of them."""
        names = self._mgp_one_open_fields
        keys = [key for key in keys if all(key.get(name) for name in names)]
        if not keys:
            return
        seen = set()
        for key in keys:
            values = tuple(key[name] for name in names)
            if values in seen:
                # two open cases in one call
                raise UserError(
                    self.env._("The same open case is given twice in one call.")
                )
            seen.add(values)
        domain = fields.Domain.OR(
            fields.Domain.AND(fields.Domain(name, "=", key[name]) for name in names)
            for key in keys
        )
        domain &= fields.Domain("state", "not in", list(self._mgp_closed_states))
        if self:
            domain &= fields.Domain("id", "not in", self.ids)
        # an open case of another centre counts too, whoever may read it
        other = self.sudo().search(domain, limit=1)
        if other:
            raise UserError(self._mgp_one_open_message(other))

    def _mgp_one_open_key(self, vals, record=None):
        state = vals.get("state") or (
            record.state if record else self._mgp_field_default("state")
        )
        if state in self._mgp_closed_states:
            return {}
        key = {}
        for name in self._mgp_one_open_fields:
            value = vals[name] if name in vals else record and record[name]
            key[name] = value.id if isinstance(value, models.BaseModel) else value
        return key

    @api.model_create_multi
    def create(self, vals_list):
        if not self._mgp_one_open_fields:
            return super().create(vals_list)
        self.browse()._mgp_check_one_open(
            [self._mgp_one_open_key(vals) for vals in vals_list]
        )
        try:
            with self.env.cr.savepoint():
                return super().create(vals_list)
        except UniqueViolation as exc:
            if exc.diag.constraint_name != self._mgp_one_open_index_name():
                raise
            # a parallel transaction opened the same case first: the
            # request is retried and then refused by the check above
            raise ConcurrencyError(self._mgp_one_open_generic_message()) from exc

    def write(self, vals):
        names = {"state", *self._mgp_one_open_fields}
        if self._mgp_one_open_fields and names & set(vals):
            keys = [self._mgp_one_open_key(vals, record) for record in self]
            self._mgp_check_one_open(keys)
        return super().write(vals)

    def _mgp_one_open_generic_message(self):
        return self.env._(
            "Another open case with the same %(fields)s is being registered: "
            "finish it before opening another one.",
            fields=", ".join(
                self._fields[name]._description_string(self.env)
                for name in self._mgp_one_open_fields
            ),
        )

    def _sql_error_to_message(self, exc):
        if (
            self._mgp_one_open_fields
            and exc.diag.constraint_name == self._mgp_one_open_index_name()
        ):
            return self._mgp_one_open_generic_message()
        return super()._sql_error_to_message(exc)

    @api.model
    def _mgp_prepare_create_vals(self, vals_list):
        vals_list = super()._mgp_prepare_create_vals(vals_list)
        field, code = self._mgp_number_field, self._mgp_number_code
        if code:
            Company = self.env["res.company"]
            for vals in vals_list:
                if vals.get(field, "/") in ("/", False):
                    company = Company.browse(vals.get("company_id")) or self.env.company
                    vals[field] = self._mgp_next_number(code, company)
        return vals_list

    # ------------------------------------------------------------------
    # Transitions
    # ------------------------------------------------------------------
    def _mgp_check_group(self, group, message=None):
        if self.env.su or self.env.user.has_group(group):
            return
        raise UserError(
            message
            or self.env._(
                "You are not allowed to perform this action on %s.", self._description
            )
        )

    def _mgp_state_label(self, state):
        field = self._fields["state"]
        return dict(field._description_selection(self.env)).get(state, state)

    def _mgp_check_transition(self, states, group=None, lock=True):
        """Check the group and, under a row lock, the current state.

        The lock makes a repeated or parallel action wait for the first one;
        it then sees the new state (or the transaction is retried) and is
        refused, so the work is done once.
        """
        if group:
            self._mgp_check_group(group)
        if lock and self.ids:
            self.check_access("write")
            # a row lock: concurrent actions on the same case run one by one
            self.env.cr.execute(
                SQL(
                    "SELECT id FROM %s WHERE id IN %s FOR UPDATE",
                    SQL.identifier(self._table),
                    tuple(self.ids),
                )
            )
            self.invalidate_recordset()
        for record in self:
            if record.state not in states:
                raise UserError(
                    self.env._(
                        "This action is not possible for %(record)s in state "
                        "«%(state)s».",
                        record=record.display_name,
                        state=record._mgp_state_label(record.state),
                    )
                )
        return True

    # ------------------------------------------------------------------
    # Dates
    # ------------------------------------------------------------------
    def _mgp_today(self):
        """Today in the centre's time zone."""
        company = self[:1].company_id or self.env.company
        # the centre's time zone, whichever centre the user may read
        tz = company.sudo().partner_id.tz or self.env.user.tz or "Europe/Moscow"
        return fields.Date.context_today(self.with_context(tz=tz))

    def _mgp_check_action_date(self, action_date, after=(), label=None):
        """Refuse ``action_date`` in the future or before a previous step.

        :param after: pairs (date, description of the previous step)
        :return: the date as ``datetime.date`` (today when not given)
        """
        self.ensure_one()
        action_date = fields.Date.to_date(action_date) or self._mgp_today()
        label = label or self.env._("The date")
        if action_date > self._mgp_today():
            raise ValidationError(
                self.env._(
                    "%(label)s (%(date)s) cannot be in the future.",
                    label=label,
                    date=action_date.strftime("%d.%m.%Y"),
                )
            )
        for previous, step in after:
            previous = fields.Date.to_date(previous)
            if previous and action_date < previous:
                raise ValidationError(
                    self.env._(
                        "%(label)s (%(date)s) cannot precede %(step)s (%(previous)s).",
                        label=label,
                        date=action_date.strftime("%d.%m.%Y"),
                        step=step,
                        previous=previous.strftime("%d.%m.%Y"),
                    )
                )
        return action_date

    # ------------------------------------------------------------------
    # Notifications
    # ------------------------------------------------------------------
    def _mgp_notify(self, template, partner=None):
        """Post ``template`` to the person: the portal chatter, and e-mail
        when the person has an address."""
        self.ensure_one()
        if not template:
            return False
        partner = partner or self[self._mgp_partner_field]
        kwargs = {"partner_ids": partner.ids} if partner.email else {}
        self.message_post_with_source(
            template, message_type="comment", subtype_xmlid="mail.mt_comment", **kwargs
        )
        return True


class IrSequence(models.Model):
    _inherit = "ir.sequence"

    mgp_per_centre = fields.Boolean(
        string="One per centre",
        help="A template of the suite: each centre (company) numbers its own "
        "documents with a copy of it, created with the centre.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        sequences = super().create(vals_list)
        templates = sequences.filtered(lambda s: s.mgp_per_centre and not s.company_id)
        if templates:
            # every centre, archived ones included
            companies = self.env["res.company"].search(
                [("active", "in", (True, False))]
            )
            templates._mgp_replicate(companies)
        return sequences

    def _mgp_replicate(self, companies):
        """Give each of ``companies`` its own copy of the template sequences
        ``self`` (numbers of a centre start at 1)."""
        existing = {
            (seq.code, seq.company_id.id)
            for seq in self.search(
                [
                    ("code", "in", self.mapped("code")),
                    ("company_id", "in", companies.ids),
                ]
            )
        }
        vals_list = [
            {
                "name": template.name,
                "code": template.code,
                "prefix": template.prefix,
                "suffix": template.suffix,
                "padding": template.padding,
                # documents of a centre are numbered without gaps; parallel
                # numbering waits for the row lock (or is retried)
                "implementation": "no_gap",
                "use_date_range": template.use_date_range,
                "number_increment": template.number_increment,
                "company_id": company.id,
                "mgp_per_centre": True,
            }
            for template in self
            for company in companies
            if (template.code, company.id) not in existing
        ]
        return self.create(vals_list) if vals_list else self.browse()

    @api.model
    def _mgp_next_for_company(self, code, company):
        sequence = self.search(
            [("code", "=", code), ("company_id", "=", company.id)], limit=1
        )
        if not sequence:
            template = self.search(
                [("code", "=", code), ("company_id", "=", False)], limit=1
            )
            if not template:
                raise UserError(self.env._("The numbering %s is missing.", code))
            # Centres created before the suite: the first document creates
            # the copy. The template's row lock serialises this; a parallel
            # transaction waits and is then retried (serialization failure).
            self.env.cr.execute(
                "UPDATE ir_sequence SET write_date = now() at time zone 'UTC' "
                "WHERE id = %s",
                [template.id],
            )
            sequence = template._mgp_replicate(company)
        return sequence.next_by_id()


class MgpDeadline(models.Model):
    """The engine's deadlines are its own bookkeeping: no client sets them
    (the engine writes them as superuser); only the responsible user may be
    changed."""

    _name = "mgp.deadline"
    _inherit = ["mgp.deadline", "mgp.protected.mixin"]
    _mgp_protected_fields = (
        "name",
        "code",
        "rule_id",
        "res_model",
        "res_id",
        "date_start",
        "date_due",
        "date_at_risk",
        "date_done",
        "state",
        "is_late",
        "sla_status",
        "external",
        "working_days",
        "at_risk_notified",
        "late_notified",
    )
    _mgp_create_only_fields = ("company_id",)

    @api.model_create_multi
    def create(self, vals_list):
        if not self._mgp_is_granted(create=True):
            # a deadline is opened by its case's action, never by hand
            self.browse()._mgp_raise_protected({"res_model", "res_id"}, "create")
        return super().create(vals_list)
