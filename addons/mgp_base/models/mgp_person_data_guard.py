# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
# pylint: disable=consider-merging-classes-inherited
"""Need to know on the read paths that bypass ``read``.

``_read_format`` masks the person data a user may not read, ``_search``
filters what a domain on them finds. Grouping, aggregating and ordering
compute in SQL, outside both: a group key or an ``array_agg`` returns the
СНИЛС itself, an order returns ids in СНИЛС order. One check serves every
one of them (``read_group``, ``formatted_read_group``, ``web_read_group``,
``search``/``search_read`` with an ``order``, over every API, on
``res.partner`` and through a path such as ``partner_id.mgp_snils`` from any
other model): grouping, aggregating or ordering by a person's data is
refused unless the user has the need to know for every person concerned.
A backstop on ``res.partner`` refuses the SQL of such a term that reached no
check. Onchange answers and exports mask the data instead (their rows keep
the other columns).
"""

import contextvars
from contextlib import contextmanager

from odoo import api, models
from odoo.exceptions import AccessError

from .res_partner import PERSON_DATA_FIELDS

PERSON_MODEL = "res.partner"
# set while a checked read_group / ordered search builds its SQL
_CHECKED = contextvars.ContextVar("mgp_person_terms_checked", default=False)


@contextmanager
def _checked():
    token = _CHECKED.set(True)
    try:
        yield
    finally:
        _CHECKED.reset(token)


def _spec_fields(spec):
    """The field path of a groupby, aggregate or order term."""
    term = spec.strip().split()[0] if spec and spec.strip() else ""
    return term.split(":", 1)[0]


def _order_terms(order):
    return [_spec_fields(part) for part in (order or "").split(",") if part.strip()]


class Base(models.AbstractModel):
    _inherit = "base"

    @api.model
    def _read_group(
        self,
        domain,
        groupby=(),
        aggregates=(),
        having=(),
        offset=0,
        limit=None,
        order=None,
    ):
        terms = [
            *map(_spec_fields, groupby),
            *(_spec_fields(spec) for spec in aggregates if spec != "__count"),
            *_order_terms(order),
        ]
        if self._mgp_check_person_terms(domain, terms):
            with _checked():
                return super()._read_group(
                    domain, groupby, aggregates, having, offset, limit, order
                )
        return super()._read_group(
            domain, groupby, aggregates, having, offset, limit, order
        )

    @api.model
    def _read_grouping_sets(self, domain, grouping_sets, aggregates=(), order=None):
        terms = [
            *(_spec_fields(spec) for specs in grouping_sets for spec in specs),
            *(_spec_fields(spec) for spec in aggregates if spec != "__count"),
            *_order_terms(order),
        ]
        if self._mgp_check_person_terms(domain, terms):
            with _checked():
                return super()._read_grouping_sets(
                    domain, grouping_sets, aggregates, order
                )
        return super()._read_grouping_sets(domain, grouping_sets, aggregates, order)

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None, **kwargs):
        if (
            order
            and not self.env.su
            and self._mgp_check_person_terms(
                domain,
                _order_terms(order),
                active_test=kwargs.get("active_test", True),
            )
        ):
            with _checked():
                return super()._search(
                    domain, offset=offset, limit=limit, order=order, **kwargs
                )
        return super()._search(
            domain, offset=offset, limit=limit, order=order, **kwargs
        )

    def onchange(self, values, field_names, fields_spec):
        """An onchange answers what the form shows: a person's data only to
        whoever may read them (the values the caller sent come back)."""
        result = super().onchange(values, field_names, fields_spec)
        if not self.env.su and result.get("value"):
            self._mgp_mask_onchange(fields_spec, result["value"], values)
        return result

    # ------------------------------------------------------------------
    # The check
    # ------------------------------------------------------------------
    @api.model
    def _mgp_person_path(self, path, depth=0):
        """The path to the person (``""`` for the record itself) when the
        field ``path`` ends in a person's data, else ``None``."""
        model, prefix = self, []
        names = path.split(".") if path else []
        for index, name in enumerate(names):
            field = model._fields.get(name)
            if field is None:
                return None
            if model._name == PERSON_MODEL and name in PERSON_DATA_FIELDS:
                return ".".join(prefix)
            if field.related and depth < 5:
                rest = ".".join([*field.related.split("."), *names[index + 1 :]])
                found = model._mgp_person_path(rest, depth + 1)
                return (
                    None if found is None else ".".join(filter(None, [*prefix, found]))
                )
            if field.type != "many2one" or index == len(names) - 1:
                return None
            prefix.append(name)
            model = self.env[field.comodel_name]
        return None

    @api.model
    def _mgp_check_person_terms(self, domain, terms, active_test=True):
        """Refuse grouping, aggregating or ordering by a person's data unless
        the user may read the data of every person concerned.

        :return: whether a term concerned a person's data (and passed)
        """
        if not terms:
            return False
        paths = {
            found for found in map(self._mgp_person_path, terms) if found is not None
        }
        if not paths:
            return False
        if self.env.su or self.env.user.has_group("mgp_base.group_admin"):
            return True
        records = self.browse(
            self.with_context(active_test=active_test)._search(domain or [])
        )
        partners = self.env[PERSON_MODEL]
        for path in paths:
            # only the ids of the persons, to check the user's need to know
            partners |= records if not path else records.sudo().mapped(path)
        partners = partners.with_env(self.env)
        if partners - partners._mgp_person_data_allowed():
            raise AccessError(self._mgp_person_terms_message())
        return True

    @api.model
    def _mgp_person_terms_message(self):
        return self.env._(
            "You may group, total or sort by a person's data (SNILS, "
            "disability, IPRA, working conditions) only among the citizens "
            "whose data you need for your cases."
        )

    @api.model
    def _mgp_person_terms_checked(self):
        return _CHECKED.get()

    # ------------------------------------------------------------------
    # Onchange answers
    # ------------------------------------------------------------------
    def _mgp_mask_onchange(self, fields_spec, value, sent):
        """Blank in ``value`` (an onchange answer) the person data of
        persons the user may not read, walking the many2one specs."""
        if self._name == PERSON_MODEL:
            names = PERSON_DATA_FIELDS.intersection(value).difference(sent or {})
            if names:
                origin = self._origin if self else self
                record_ids = [rid for rid in (origin.ids or []) if rid]
                if not record_ids and isinstance(value.get("id"), int):
                    record_ids = [value["id"]]
                persons = self.browse(record_ids)
                # a new record holds only what the caller sent
                if persons and persons - persons._mgp_person_data_allowed():
                    for name in names:
                        value[name] = (
                            [] if self._fields[name].type == "many2many" else False
                        )
        for name, spec in (fields_spec or {}).items():
            field = self._fields.get(name)
            sub = (spec or {}).get("fields")
            if not (field and sub and field.type == "many2one"):
                continue
            sub_value = value.get(name)
            if isinstance(sub_value, dict) and isinstance(sub_value.get("id"), int):
                comodel = self.env[field.comodel_name]
                comodel.browse(sub_value["id"])._mgp_mask_onchange(sub, sub_value, {})


class ResPartner(models.Model):
    _inherit = "res.partner"

    # the SQL of a group key, an aggregate or an order on a person's data:
    # refused when it reached no check (a path the check does not know)
    def _read_group_groupby(self, alias, groupby_spec, query):
        self._mgp_person_term_backstop(_spec_fields(groupby_spec).split(".", 1)[0])
        return super()._read_group_groupby(alias, groupby_spec, query)

    def _read_group_select(self, aggregate_spec, query):
        self._mgp_person_term_backstop(_spec_fields(aggregate_spec))
        return super()._read_group_select(aggregate_spec, query)

    def _order_field_to_sql(self, alias, field_name, direction, nulls, query):
        self._mgp_person_term_backstop(field_name.split(".", 1)[0])
        return super()._order_field_to_sql(alias, field_name, direction, nulls, query)

    def _mgp_person_term_backstop(self, fname):
        if (
            fname in PERSON_DATA_FIELDS
            and not self.env.su
            and not _CHECKED.get()
            and not self.env.user.has_group("mgp_base.group_admin")
        ):
            raise AccessError(self._mgp_person_terms_message())

    def _export_rows(self, fields, *, _is_toplevel_call=True):
        """Exported columns of a person's data stay empty for the persons
        whose data the user may not read; the export of the others is
        journaled."""
        columns = [
            index
            for index, path in enumerate(fields)
            if path and path[0] in PERSON_DATA_FIELDS
        ]
        if not columns or self.env.su:
            return super()._export_rows(fields, _is_toplevel_call=_is_toplevel_call)
        allowed = self._mgp_person_data_allowed()
        self._mgp_journal_read(
            allowed, {fields[index][0] for index in columns}, path="export"
        )
        lines = []
        # consecutive runs of allowed / refused persons keep the export order
        run, run_allowed = self.browse(), None
        for record in [*self, None]:
            is_allowed = record is not None and record in allowed
            if record is not None and (
                run_allowed is None or is_allowed == run_allowed
            ):
                run |= record
                run_allowed = is_allowed
                continue
            if run:
                rows = super(ResPartner, run)._export_rows(
                    fields, _is_toplevel_call=_is_toplevel_call
                )
                if not run_allowed:
                    for row in rows:
                        for index in columns:
                            row[index] = ""
                lines += rows
            run, run_allowed = (record or self.browse()), is_allowed
        return lines
