# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
# pylint: disable=consider-merging-classes-inherited
"""One open case per key (a person, or a worker and an employer).

``_mgp_one_open_fields`` and ``_mgp_closed_states`` of :class:`MgpCaseMixin
<odoo.addons.mgp_base.models.mgp_case_engine.MgpCaseMixin>` make a second
open case with the same key refused with a message naming the open one —
checked before create and write, and held under concurrency by a partial
unique index (:meth:`init`).
"""

from psycopg2.errors import UniqueViolation

from odoo import api, fields, models
from odoo.exceptions import ConcurrencyError, UserError
from odoo.tools import SQL, sql


class MgpCaseMixin(models.AbstractModel):
    _inherit = "mgp.case.mixin"

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
