# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The case engine shared by the services.

:class:`MgpCaseMixin` — a case of a service: person or employer, centre,
responsible user, per-centre numbering, action dates, notification of the
person. Its guard (:mod:`.mgp_protected_mixin`), transitions
(:mod:`.mgp_transition`) and one open case per key
(:mod:`.mgp_case_one_open`) live in their own files.
"""

from odoo import api, fields, models, tools
from odoo.exceptions import UserError, ValidationError

from odoo.addons.base.models.ir_sequence import _update_nogap

from .mgp_today import centre_today


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

    @api.model
    def _mgp_prepare_create_vals(self, vals_list):
        vals_list = super()._mgp_prepare_create_vals(vals_list)
        field, code = self._mgp_number_field, self._mgp_number_code
        if code:
            Company = self.env["res.company"]
            # the numbers of each centre drawn at once, in the order of the
            # records (a batch of an import: one lock of the sequence)
            by_company = {}
            for vals in vals_list:
                if vals.get(field, "/") in ("/", False):
                    company = Company.browse(vals.get("company_id")) or self.env.company
                    by_company.setdefault(company, []).append(vals)
            for company, numbered in by_company.items():
                numbers = self._mgp_next_numbers(code, company, len(numbered))
                for vals, number in zip(numbered, numbers, strict=True):
                    vals[field] = number
        return vals_list

    # ------------------------------------------------------------------
    # Dates
    # ------------------------------------------------------------------
    def _mgp_today(self):
        """Today in the centre's time zone: the same day for every user who
        acts on the centre's records, whatever his own time zone (a centre
        without one keeps Moscow time)."""
        return centre_today(self)

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
    # Windows, notes and the portal's notices (one helper each)
    # ------------------------------------------------------------------
    def _mgp_window(self, model, name, context=None, res_id=None, target="new"):
        """The window action opening ``model`` (a wizard in a dialog by
        default, or the record ``res_id``)."""
        action = {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": target,
            "context": dict(context or {}),
        }
        if res_id:
            action["res_id"] = res_id
        return action

    def _mgp_post_note(self, body, record=None):
        """An internal note of the centre in the record's chatter."""
        return (record or self).message_post(body=body, subtype_xmlid="mail.mt_note")

    def _mgp_portal_notices(self, limit=50):
        """The notices sent on the record (its public comments), newest
        first, for the portal page of whoever may read it."""
        self.ensure_one()
        self.check_access("read")
        # the caller may read the record; only its public comments are
        # shown, never the centre's internal notes
        return (
            self.env["mail.message"]
            .sudo()
            .search(
                [
                    ("model", "=", self._name),
                    ("res_id", "=", self.id),
                    ("message_type", "=", "comment"),
                    ("subtype_id", "=", self.env.ref("mail.mt_comment").id),
                ],
                order="date desc, id desc",
                limit=limit,
            )
        )

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
        self.env.registry.clear_cache()
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
        return self._mgp_sequence_for_company(code, company).next_by_id()

    @api.model
    def _mgp_next_many_for_company(self, code, company, count):
        """The ``count`` next numbers of the centre's sequence ``code``, as
        drawn one by one: a gap-free sequence without date ranges is locked
        and moved on once for all of them."""
        if count <= 0:
            return []
        sequence = self._mgp_sequence_for_company(code, company)
        if sequence.use_date_range or sequence.implementation != "no_gap":
            return [sequence.next_by_id() for _index in range(count)]
        sequence.browse().check_access("read")
        step = sequence.number_increment
        first = _update_nogap(sequence, step * count)
        return [sequence.get_next_char(first + index * step) for index in range(count)]

    @api.model
    @tools.ormcache("code", "company_id")
    def _mgp_sequence_id(self, code, company_id):
        """The id of the centre's sequence ``code`` (0 when it has none yet),
        kept by the registry until a sequence is created, renamed, moved or
        archived (every numbered record asks for it)."""
        sequence = self.sudo().search(  # the same answer for everyone: shared
            [("code", "=", code), ("company_id", "=", company_id)], limit=1
        )
        return sequence.id

    def write(self, vals):
        if set(vals) & {"code", "company_id", "active"}:
            self.env.registry.clear_cache()
        return super().write(vals)

    def unlink(self):
        self.env.registry.clear_cache()
        return super().unlink()

    @api.model
    def _mgp_sequence_for_company(self, code, company):
        sequence = self.browse(self._mgp_sequence_id(code, company.id))
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
        return sequence


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
