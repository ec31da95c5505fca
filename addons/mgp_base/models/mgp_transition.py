# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
# pylint: disable=consider-merging-classes-inherited
"""Declarative transitions: the one primitive that changes a record's state.

Each model declares its table, ``_mgp_transitions``: a dict of transition
names (the public ``action_*`` that carries it, or an internal name for the
steps the engine or a cron takes) to :class:`Transition`. Tables of every
class of the model are merged along the MRO, so an addon extends a table by
``_inherit`` alone.

* Every public ``action_*`` named in the table is checked before its body
  runs (the group, the row lock, the state): in a state the table does not
  list it is refused with a Russian message, and nothing is written.
* :meth:`MgpProtectedMixin._mgp_transition` carries the transition: the
  check again (one lock semantics: ``SELECT … FOR UPDATE``, a parallel
  action waits and then sees the new state), one write of the state and
  every value of the step, the deadlines it closes, cancels and opens, the
  notice it posts to the person.
* The state field is written by nothing else: a write of a changed state
  outside a transition is refused, superuser included.

Example::

    _mgp_transitions = {
        "action_send": Transition(
            ("draft",), "sent", group="mgp_base.group_specialist",
            close=("req_send",), open=("req_answer",),
        ),
    }

    def action_send(self, date_sent=None):
        for request in self:
            request._mgp_transition("action_send", {"date_sent": ...}, date=...)
"""

import contextvars
import dataclasses
from contextlib import contextmanager

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

# {model name: frozenset of record ids} in a transition being carried
_IN_TRANSITION = contextvars.ContextVar("mgp_in_transition", default=None)


@dataclasses.dataclass(frozen=True)
class Transition:
    """One row of a model's transition table.

    :param sources: the states the transition starts from
    :param target: the state it ends in, a tuple of the states the action
        chooses from (given as ``target=`` to the primitive), or ``None``
        when the state stays (a step within a state)
    :param group: the XML id of the group that carries it (a tuple: any of
        them); ``None``: whoever may write the record
    :param close: deadline codes closed on the transition's date
    :param cancel: deadline codes cancelled (``True``: every open one)
    :param open: deadline codes opened from the transition's date
    :param notice: XML id of the mail template posted to the person
    :param launchers: the buttons that open the dialog leading to the
        transition (a method name, or the XML id of a window action); a
        view's launcher button is shown by the same rule as the transition
        (``'action_x' not in mgp_transitions_allowed``)
    """

    sources: tuple
    target: str | tuple | None = None
    group: str | tuple | None = None
    close: tuple = ()
    cancel: tuple | bool = ()
    open: tuple = ()
    notice: str | None = None
    launchers: tuple = ()

    @property
    def targets(self):
        if self.target is None:
            return ()
        return (self.target,) if isinstance(self.target, str) else tuple(self.target)


@contextmanager
def _in_transition(model, ids):
    carried = dict(_IN_TRANSITION.get() or {})
    carried[model] = carried.get(model, frozenset()) | frozenset(ids)
    token = _IN_TRANSITION.set(carried)
    try:
        yield
    finally:
        _IN_TRANSITION.reset(token)


@contextmanager
def forced_state(records):
    """Let ``records`` change state outside a transition: for data fixes and
    test fixtures only, never in an action (Python only: no client reaches
    it)."""
    with _in_transition(records._name, records.ids):
        yield records


class MgpProtectedMixin(models.AbstractModel):
    _inherit = "mgp.protected.mixin"

    _mgp_state_field = "state"
    _mgp_transitions = {}

    # the views show a transition's button by the table, never by a copy of
    # its source states: invisible="'action_x' not in mgp_transitions_allowed"
    mgp_transitions_allowed = fields.Json(
        string="Allowed Actions",
        compute="_compute_mgp_transitions_allowed",
        help="The actions of the transition table the current user may take "
        "on the record in its current state.",
    )

    @api.depends(
        lambda self: (
            [self._mgp_state_field] if self._mgp_state_field in self._fields else []
        )
    )
    @api.depends_context("uid")
    def _compute_mgp_transitions_allowed(self):
        """The table's public actions allowed from each record's state to the
        user: the candidates read once per state, no query per record."""
        table = self._mgp_transition_table()
        state_field = self._mgp_state_field
        if not table or state_field not in self._fields:
            self.mgp_transitions_allowed = []
            return
        by_state = {}
        for record in self:
            state = record[state_field]
            if state not in by_state:
                by_state[state] = [
                    (name, transition.group)
                    for name, transition in table.items()
                    if name.startswith("action_") and state in transition.sources
                ]
            # the same question as the transition's check (a model may let
            # other users act on some of its records)
            record.mgp_transitions_allowed = [
                name for name, group in by_state[state] if record._mgp_may_act(group)
            ]

    # ------------------------------------------------------------------
    # The table
    # ------------------------------------------------------------------
    @classmethod
    def _mgp_transition_table(cls):
        """The transitions declared by every class of the model."""
        cache = cls.__dict__.get("_mgp_transition_cache")
        if cache is None:
            cache = {}
            for klass in reversed(cls.__mro__):
                cache.update(vars(klass).get("_mgp_transitions") or {})
            if getattr(cls, "pool", None) is not None:  # a registry class
                cls._mgp_transition_cache = cache
        return cache

    @api.model
    def _mgp_transition_get(self, name):
        transition = self._mgp_transition_table().get(name)
        if transition is None:
            raise UserError(
                self.env._(
                    "The transition %(name)s is not declared on %(model)s.",
                    name=name,
                    model=self._name,
                )
            )
        return transition

    # ------------------------------------------------------------------
    # Checks
    # ------------------------------------------------------------------
    def _mgp_has_group(self, group):
        """Whether the user has ``group`` (an XML id, or a tuple: any of them;
        ``None``: everyone)."""
        if not group:
            return True
        groups = (group,) if isinstance(group, str) else tuple(group)
        return any(self.env.user.has_group(g) for g in groups)

    def _mgp_may_act(self, group):
        """Whether the user may act as ``group`` on these records: the check
        of a transition's group and what its buttons show. The user's groups;
        a model widens it for some of its records by overriding this."""
        return self._mgp_has_group(group)

    def _mgp_check_group(self, group, message=None):
        if self.env.su or self._mgp_may_act(group):
            return
        raise UserError(
            message
            or self.env._(
                "You are not allowed to perform this action on %s.", self._description
            )
        )

    def _mgp_state_label(self, state):
        field = self._fields[self._mgp_state_field]
        return dict(field._description_selection(self.env)).get(state, state)

    def _mgp_lock(self):
        """Lock the rows: concurrent actions on the same record run one by
        one (the second waits, then sees the first one's state)."""
        if not self.ids:
            return
        self.check_access("write")
        self.env.cr.execute(
            SQL(
                "SELECT id FROM %s WHERE id IN %s FOR UPDATE",
                SQL.identifier(self._table),
                tuple(self.ids),
            )
        )
        self.invalidate_recordset()

    def _mgp_state_refused_message(self, state):
        return self.env._(
            "This action is not possible for %(record)s in state «%(state)s».",
            record=self.display_name,
            state=self._mgp_state_label(state),
        )

    def _mgp_transition_check(self, name):
        """Check the group and, under a row lock, the state of every record
        for the transition ``name``."""
        transition = self._mgp_transition_get(name)
        if transition.group:
            self._mgp_check_group(transition.group)
        self._mgp_lock()
        state_field = self._mgp_state_field
        for record in self:
            if record[state_field] not in transition.sources:
                raise UserError(record._mgp_state_refused_message(record[state_field]))
        return transition

    def _mgp_transition_allowed(self, name):
        """Whether the table lets ``self`` (one record) take ``name`` now,
        without locking (for views and portals)."""
        self.ensure_one()
        transition = self._mgp_transition_table().get(name)
        if not transition or self[self._mgp_state_field] not in transition.sources:
            return False
        return self._mgp_has_group(transition.group)

    def _mgp_transition_guard(self, method_name):
        """Run before a public action (see ``_mgp_clean_call``): an action
        named in the table is refused in a state the table does not list."""
        if method_name in self._mgp_transition_table():
            self._mgp_transition_check(method_name)

    def _mgp_check_transition(self, states, group=None, lock=True):
        """Check ``group`` and, under a row lock, that the state is one of
        ``states`` (for a check within a transition's action; the state is
        written by :meth:`_mgp_transition` only)."""
        if group:
            self._mgp_check_group(group)
        if lock:
            self._mgp_lock()
        for record in self:
            if record[self._mgp_state_field] not in states:
                raise UserError(
                    record._mgp_state_refused_message(record[self._mgp_state_field])
                )
        return True

    # ------------------------------------------------------------------
    # The primitive
    # ------------------------------------------------------------------
    def _mgp_transition(
        self, name, vals=None, target=None, date=None, start=None, notify=True
    ):
        """Carry the transition ``name`` on ``self``.

        :param vals: the other values of the step, written with the state in
            one write
        :param target: the state, when the transition lists several
        :param date: the date of the step (deadlines closed on it; default
            today in the centre)
        :param start: the start of the deadlines opened (default ``date``)
        :param notify: post the transition's notice to the person
        :return: ``self``
        """
        if not self:
            return self
        transition = self._mgp_transition_check(name)
        targets = transition.targets
        if len(targets) > 1:
            if target not in targets:
                raise UserError(
                    self.env._(
                        "The transition %(name)s of %(model)s needs one of the "
                        "states %(states)s.",
                        name=name,
                        model=self._name,
                        states=", ".join(targets),
                    )
                )
        else:
            target = targets[0] if targets else None
        values = dict(vals or {})
        if target:
            values[self._mgp_state_field] = target
        if values:
            with _in_transition(self._name, self.ids):
                self._mgp_engine_write(values)
        self._mgp_transition_deadlines(transition, date, start)
        if notify and transition.notice:
            template = self.env.ref(transition.notice, raise_if_not_found=False)
            for record in self:
                record._mgp_notify(template)
        return self

    def _mgp_transition_deadline_codes(self, transition):
        """Hook: the deadline codes (close, cancel, open) the transition
        touches on this record (a model narrows them per record)."""
        return transition.close, transition.cancel, transition.open

    def _mgp_transition_deadlines(self, transition, date=None, start=None):
        """Close, cancel and open the transition's deadlines (records with
        deadlines only): set-based for the records that share the codes and
        the day (a scheduled action ending a thousand cases closes their
        deadlines in one write)."""
        if not (transition.close or transition.cancel or transition.open):
            return
        if "deadline_ids" not in self._fields:
            return
        groups = {}
        for record in self:
            close, cancel, to_open = record._mgp_transition_deadline_codes(transition)
            day = fields.Date.to_date(date) or record._mgp_today()
            key = (
                tuple(close),
                cancel if cancel is True else tuple(cancel),
                tuple(to_open),
                day,
            )
            groups.setdefault(key, []).append(record.id)
        for (close, cancel, to_open, day), ids in groups.items():
            records = self.browse(ids)
            if close:
                records._mgp_deadline_close(list(close), day)
            if cancel is True:
                records._mgp_deadline_cancel()
            elif cancel:
                records._mgp_deadline_cancel(list(cancel))
            for record in records if to_open else ():
                for code in to_open:
                    record._mgp_deadline_open(code, fields.Date.to_date(start) or day)

    # ------------------------------------------------------------------
    # The state is written by a transition only
    # ------------------------------------------------------------------
    def _mgp_in_transition(self):
        carried = (_IN_TRANSITION.get() or {}).get(self._name)
        return bool(carried) and set(self._ids) <= carried

    def write(self, vals):
        state_field = self._mgp_state_field
        if (
            state_field in vals
            and self
            and self._mgp_transition_table()
            and not self._mgp_in_transition()
            and not self._mgp_unchanged(state_field, vals[state_field])
        ):
            # a client meets the guard's own message first; code that
            # writes a state outside its transition is a defect
            if not self._mgp_is_granted():
                self._mgp_raise_protected({state_field}, "write")
            raise UserError(
                self.env._(
                    "The state of %(model)s changes only through its actions.",
                    model=self.env["ir.model"]._get(self._name).name,
                )
            )
        return super().write(vals)
