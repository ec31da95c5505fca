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
from contextlib import contextmanager

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

# {model name: frozenset of record ids, plus CREATE for new records}
_ENGINE_GRANTS = contextvars.ContextVar("mgp_engine_grants", default=None)
CREATE = "create"


@contextmanager
def _granted(model, ids):
    grants = dict(_ENGINE_GRANTS.get() or {})
    grants[model] = grants.get(model, frozenset()) | frozenset(ids)
    token = _ENGINE_GRANTS.set(grants)
    try:
        yield
    finally:
        _ENGINE_GRANTS.reset(token)


class MgpProtectedMixin(models.AbstractModel):
    """Fields set only by the record's actions and the engine.

    Declare ``_mgp_protected_fields`` (never given by a client, neither on
    create nor on write) and ``_mgp_create_only_fields`` (given on create,
    never changed afterwards). Actions set them through
    :meth:`_mgp_engine_write` / :meth:`_mgp_engine_create` after their checks.
    """

    _name = "mgp.protected.mixin"
    _description = "Fields Set Only by Actions"

    _mgp_protected_fields = ()
    _mgp_create_only_fields = ()

    @api.model
    def fields_get(self, allfields=None, attributes=None):
        """Clients see the protected fields as read-only."""
        res = super().fields_get(allfields, attributes)
        for name in self._mgp_protected_fields:
            if name in res and (attributes is None or "readonly" in attributes):
                res[name]["readonly"] = True
        return res

    # ------------------------------------------------------------------
    # The private path of the actions
    # ------------------------------------------------------------------
    def _mgp_engine_write(self, vals):
        """Write protected ``vals`` after an action's checks."""
        with _granted(self._name, self.ids):
            return self.write(vals)

    @api.model
    def _mgp_engine_create(self, vals_list):
        """Create records with protected values set by the engine."""
        if isinstance(vals_list, dict):
            vals_list = [vals_list]
        with _granted(self._name, [CREATE]):
            return self.create(vals_list)

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
        for name in set(self._mgp_protected_fields) & set(vals):
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
        names = set(self._mgp_protected_fields)
        context = self.env.context
        if not any(key[8:] in names for key in context if key.startswith("default_")):
            return self
        clean = {
            key: value
            for key, value in context.items()
            if not (key.startswith("default_") and key[8:] in names)
        }
        return self.with_env(self.env(context=clean))

    @api.model_create_multi
    def create(self, vals_list):
        if not self._mgp_is_granted(create=True):
            self = self._mgp_strip_protected_defaults()
            blocked = set()
            for vals in vals_list:
                blocked |= self._mgp_blocked_on_create(vals)
            if blocked:
                self.browse()._mgp_raise_protected(blocked, "create")
        vals_list = self._mgp_prepare_create_vals(vals_list)
        return super().create(vals_list)

    @api.model
    def _mgp_prepare_create_vals(self, vals_list):
        """Hook: values the engine adds on create (numbers…)."""
        return vals_list

    def write(self, vals):
        names = (
            set(self._mgp_protected_fields) | set(self._mgp_create_only_fields)
        ) & set(vals)
        if names and self and not self._mgp_is_granted():
            blocked = {
                name for name in names if not self._mgp_unchanged(name, vals[name])
            }
            if blocked:
                self._mgp_raise_protected(blocked, "write")
        return super().write(vals)


class MgpCaseMixin(models.AbstractModel):
    """A case of a service: person, centre, responsible user, number, state.

    Configure ``_mgp_number_code`` (the ``ir.sequence`` code numbering the
    cases per centre) and ``_mgp_protected_fields``. Actions start with
    :meth:`_mgp_check_transition`, check their dates with
    :meth:`_mgp_check_action_date`, write through :meth:`_mgp_engine_write`
    and notify with :meth:`_mgp_notify`.
    """

    _name = "mgp.case.mixin"
    _description = "Case of an Accompaniment Service"
    _inherit = ["mgp.protected.mixin", "mgp.deadline.mixin"]

    _mgp_number_field = "name"
    _mgp_number_code = None
    _mgp_partner_field = "partner_id"
    _mgp_create_only_fields = ("company_id",)

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
        tz = company.partner_id.tz or self.env.user.tz or "Europe/Moscow"
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
