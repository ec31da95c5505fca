# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Fields that only an action, a manager's decision or the engine may set.

:class:`MgpProtectedMixin` — states, decisions and their dates, numbers,
validity, assignment, closure, company: ``create`` and ``write`` refuse them
from every caller — whatever the context or the group — except code running
as superuser (scheduled actions, migrations) and the engine's private path
:meth:`~MgpProtectedMixin._mgp_engine_write`, which a client cannot reach:
the grant lives in a Python context variable of the running call, never in
the ORM context that JSON-RPC carries. Every public ``action_*`` of the
suite runs in a clean context (:class:`Base`).
"""

import contextvars
import functools
from contextlib import contextmanager

from odoo import api, models
from odoo.exceptions import UserError, ValidationError

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


def mgp_message_lang(records):
    """The language the suite's messages on ``records`` are written in when
    the caller gave none (a scheduled action, the installation of the demo,
    a call without a context): the centre's, when it is active."""
    if records.env.context.get("lang"):
        return None
    # the record's centre, only to choose the language of its messages
    record = records[:1].sudo()
    company = (
        record.company_id
        if "company_id" in records._fields and record.company_id
        else records.env.company
    )
    # the centre's language, whichever centre the user may read
    lang = company.sudo().partner_id.lang
    if not lang or lang == "en_US" or not records.env["res.lang"]._get_data(code=lang):
        return None
    return lang


def _mgp_clean_env(records):
    clean = mgp_clean_context(records.env.context)
    lang = mgp_message_lang(records)
    if lang:
        clean = dict(records.env.context if clean is None else clean, lang=lang)
    return records if clean is None else records.with_env(records.env(context=clean))


def _mgp_clean_call(method):
    """Run the public action ``method`` with a clean context."""

    @functools.wraps(method)
    def action(self, *args, **kwargs):
        records = _mgp_clean_env(self)
        # an action of a transition table is refused, before its body
        # runs, in a state the table does not list (mgp_transition.py)
        guard = getattr(records, "_mgp_transition_guard", None)
        if guard is not None:
            guard(method.__name__)
        return method(records, *args, **kwargs)

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

    # a stored field the record computes (a related one included) is the
    # record's own: a client never sets it (issue 18 re-probe: totals,
    # refunds, terms, centres written over RPC). A model that leaves Odoo's
    # own computed fields to Odoo (res.partner) sets it False.
    _mgp_computed_protected = True

    @api.model
    def _mgp_computed_field_names(self):
        """Stored read-only fields computed without an inverse."""
        cls = type(self)
        cache = cls.__dict__.get("_mgp_computed_cache")
        if cache is None:
            cache = frozenset(
                name
                for name, field in self._fields.items()
                if self._mgp_computed_protected
                and field.store
                and field.compute
                and not field.inverse
                and field.readonly
                and name not in models.MAGIC_COLUMNS
                and not name.startswith(("message_", "activity_"))
            )
            if getattr(cls, "pool", None) is not None:  # a registry class
                cls._mgp_computed_cache = cache
        return cache

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

    @api.model
    def _mgp_next_numbers(self, code, company=None, count=1):
        """The ``count`` next numbers of the centre's own sequence ``code``."""
        company = company or self.env.company
        # numbering is the centre's bookkeeping, whatever the user's rights
        Sequence = self.env["ir.sequence"].sudo()
        return Sequence._mgp_next_many_for_company(code, company, count)

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

    @api.model
    def _mgp_fixed_selections(self):
        """The selection fields with a fixed list (checked on create)."""
        return {
            name
            for name, field in self._fields.items()
            if field.type == "selection" and isinstance(field.selection, list)
        }

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
            # what the record computes is computed, whatever a client sends
            computed = self._mgp_computed_field_names()
            if computed and any(computed.intersection(vals) for vals in vals_list):
                vals_list = [
                    {
                        name: value
                        for name, value in vals.items()
                        if name not in computed
                    }
                    for vals in vals_list
                ]
            blocked = set()
            for vals in vals_list:
                blocked |= self._mgp_blocked_on_create(vals)
            if blocked:
                self.browse()._mgp_raise_protected(blocked, "create")
        # the defaults too, context ones included, are checked (without
        # adding them to the values: the models' own create fills them);
        # those of the fields a batch of values leaves out, read once
        names = self._mgp_fixed_selections()
        defaults = {}
        for vals in vals_list:
            self._mgp_check_selection_values(vals)
            missing = frozenset(names.difference(vals))
            if missing and missing not in defaults:
                defaults[missing] = self.default_get(list(missing))
                self._mgp_check_selection_values(defaults[missing])
        vals_list = self._mgp_prepare_create_vals(vals_list)
        taken = self._mgp_persons_taken(vals_list)
        records = super().create(vals_list)
        if taken:
            records._mgp_journal_taken(taken)
        return records

    @api.model
    def _mgp_persons_taken(self, vals_list):
        """The persons a user takes into a new record of a source of need to
        know (a case, a request, a referral…) whose data he could not read
        before: the record gives him their data, so the taking is journaled
        (152-ФЗ ст. 19: who widened his access to whom, by which record)."""
        if self.env.su:
            return set()
        Partner = self.env["res.partner"]
        field = dict(Partner._mgp_person_data_sources()).get(self._name)
        if not field:
            return set()
        ids = {vals.get(field) for vals in vals_list} - {False, None}
        if not ids:
            return set()
        persons = Partner.browse(ids)
        # those he registered himself he reads (the record's create reads
        # the person anyway: no query of its own)
        persons -= persons.sudo().filtered(
            lambda person: person.create_uid == self.env.user
        )
        if not persons:
            return set()
        # the records created before in the transaction count for his access
        self.flush_model()
        return set((persons - persons._mgp_person_data_allowed()).ids)

    def _mgp_journal_taken(self, partner_ids):
        from .mgp_access_log import journal_add  # noqa: PLC0415 (a cycle)

        field = dict(self.env["res.partner"]._mgp_person_data_sources())[self._name]
        for record in self:
            partner_id = record.sudo()[field].id  # the id just written
            if partner_id in partner_ids:
                journal_add(
                    self.env,
                    [partner_id],
                    "take",
                    (),
                    res_model=record._name,
                    res_id=record.id,
                )

    @api.model
    def _mgp_prepare_create_vals(self, vals_list):
        """Hook: values the engine adds on create (numbers…)."""
        return vals_list

    def write(self, vals):
        names = (
            self._mgp_protected_field_names()
            | self._mgp_create_only_field_names()
            | self._mgp_computed_field_names()
        ) & set(vals)
        if names and self and not self._mgp_is_granted():
            blocked = {
                name for name in names if not self._mgp_unchanged(name, vals[name])
            }
            if blocked:
                self._mgp_raise_protected(blocked, "write")
        self._mgp_check_selection_values(vals)
        return super().write(vals)
