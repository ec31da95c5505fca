# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Registers are kept (issue 18 §3).

An issued, numbered or counted record — a case past the need decision, an
order, a certificate, a sent plan, a contract in force, an answered request,
a deadline, a complaint, a correction, an entry of the NGO registry — is a
record of the register: nobody deletes it, administrators and the superuser
included. It is cancelled or archived with a reason instead.

* :class:`MgpRegisterMixin` — refuses to delete the records its hook
  :meth:`~MgpRegisterMixin._mgp_register_kept` names, and freezes the fields
  :meth:`~MgpRegisterMixin._mgp_register_frozen_fields` names on them (only
  the record's actions change them, through the engine's private path).
* :class:`MgpRegisterArchiveMixin` — adds the archiving with a reason to a
  register whose records have no cancellation of their own.

The only way around the refusal is :func:`released`, a Python context
manager a client cannot reach (a record's bookkeeping deleted together with
a record that is not kept, tests cleaning up committed data).
"""

import contextvars
from contextlib import contextmanager
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .mgp_today import centre_today

# {model name: frozenset of ids} released for deletion in the running call
_RELEASED = contextvars.ContextVar("mgp_register_released", default=None)


@contextmanager
def released(records):
    """Let ``records`` be deleted in this call (never reachable from a client)."""
    grants = dict(_RELEASED.get() or {})
    grants[records._name] = grants.get(records._name, frozenset()) | frozenset(
        records.ids
    )
    token = _RELEASED.set(grants)
    try:
        yield records
    finally:
        _RELEASED.reset(token)


class MgpRegisterMixin(models.AbstractModel):
    """A register whose kept records are never deleted nor rewritten."""

    _name = "mgp.register.mixin"
    _description = "Record Kept in a Register"

    # ------------------------------------------------------------------
    # Hooks
    # ------------------------------------------------------------------
    def _mgp_register_kept(self):
        """The records of ``self`` the register keeps (default: all)."""
        return self

    def _mgp_register_frozen_fields(self):
        """Fields a client may not change on a kept record."""
        return ()

    def _mgp_register_cancel_hint(self):
        """How such a record is taken out of use instead of deleted."""
        return self.env._("Cancel or archive it with a reason instead.")

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    def write(self, vals):
        frozen = set(self._mgp_register_frozen_fields()) & set(vals)
        if frozen and self and not self._mgp_register_write_granted():
            kept = self._mgp_register_kept()
            changed = {
                name for name in frozen if kept._mgp_register_changes(name, vals)
            }
            if changed:
                self.check_access("write")
                raise UserError(self._mgp_register_frozen_message(changed))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_register_kept(self):
        granted = (_RELEASED.get() or {}).get(self._name, frozenset())
        kept = self.browse(set(self._ids) - granted)._mgp_register_kept()
        if kept:
            raise UserError(
                self.env._(
                    "%(records)s belong to the register of %(model)s and are "
                    "never deleted. %(hint)s",
                    records=", ".join(kept[:5].sudo().mapped("display_name")),
                    model=self.env["ir.model"]._get(self._name).name,
                    hint=kept._mgp_register_cancel_hint(),
                )
            )

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _mgp_register_write_granted(self):
        """The record's own actions (the engine's private path)."""
        granted = getattr(self, "_mgp_is_granted", None)
        return bool(granted and granted())

    def _mgp_register_changes(self, name, vals):
        field = self._fields[name]
        if field.type in ("one2many", "many2many"):
            return bool(self)
        new = field.convert_to_cache(vals[name], self.browse(), validate=False)
        # compare with the stored value, whatever the writer may read
        return any(
            field.convert_to_cache(record[name], record, validate=False) != new
            for record in self.sudo()
        )

    def _mgp_register_frozen_message(self, names):
        labels = ", ".join(
            f"«{self._fields[name]._description_string(self.env)}»"
            for name in sorted(names)
        )
        return self.env._(
            "%(fields)s of a registered %(model)s cannot be changed: it is a "
            "record of the register.",
            fields=labels,
            model=self.env["ir.model"]._get(self._name).name,
        )


class MgpRegisterArchiveMixin(models.AbstractModel):
    """A register whose records are archived with a reason (they stay)."""

    _name = "mgp.register.archive.mixin"
    _inherit = ["mgp.register.mixin"]
    _description = "Record of a Register Archived with a Reason"

    _mgp_register_archive_group = "mgp_base.group_manager"

    mgp_archived = fields.Boolean(
        string="Archived", readonly=True, copy=False, index=True
    )
    mgp_archive_reason = fields.Text(
        string="Reason of the archiving", readonly=True, copy=False
    )
    mgp_archive_date = fields.Date(string="Archived on", readonly=True, copy=False)
    mgp_archived_by_id = fields.Many2one(
        "res.users", string="Archived by", readonly=True, copy=False
    )

    def _mgp_register_cancel_hint(self):
        return self.env._("Archive it with a reason instead.")

    def write(self, vals):
        names = {
            "mgp_archived",
            "mgp_archive_reason",
            "mgp_archive_date",
            "mgp_archived_by_id",
        } & set(vals)
        if names and self and not self._mgp_register_write_granted():
            self.check_access("write")
            raise UserError(
                self.env._("A record is archived only by its action, with a reason.")
            )
        return super().write(vals)

    def action_mgp_archive(self, reason):
        """Archive the records with ``reason``: they stay in the register,
        marked archived; their open deadlines are cancelled."""
        if not (
            self.env.su or self.env.user.has_group(self._mgp_register_archive_group)
        ):
            raise UserError(
                self.env._("You are not allowed to archive records of this register.")
            )
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Give the reason of the archiving."))
        if self.filtered("mgp_archived"):
            raise UserError(self.env._("The record is already archived."))
        self.check_access("write")
        today = centre_today(self)
        for record in self:
            record._mgp_engine_write(
                {
                    "mgp_archived": True,
                    "mgp_archive_reason": reason,
                    "mgp_archive_date": today,
                    "mgp_archived_by_id": self.env.user.id,
                }
            )
            if hasattr(record, "_mgp_deadline_cancel"):
                record._mgp_deadline_cancel()
            if hasattr(record, "message_post"):
                record.message_post(
                    body=self.env._("Archived: %s", reason),
                    subtype_xmlid="mail.mt_note",
                )
        return True

    def action_mgp_open_archive_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Archive with a reason"),
            "res_model": "mgp.register.archive.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"active_model": self._name, "active_id": self.id},
        }


# The earliest date a record of the registers bears: an action, a plan or a
# contract dated before it is a typing error (1900) or a forgery.
MIN_REGISTER_DATE = date(2000, 1, 1)
# How far ahead a term of a contract may reach.
MAX_TERM_YEARS = 30


def check_date_range(env, value, label, future=False):
    """Refuse ``value`` before :data:`MIN_REGISTER_DATE`, or after today
    (``future=False``: the date of something done) or after
    :data:`MAX_TERM_YEARS` years from now (``future=True``: a term).

    :return: the date as ``datetime.date`` (``False`` when empty)
    """
    value = fields.Date.to_date(value)
    if not value:
        return False
    today = centre_today(env["res.users"])
    latest = today + relativedelta(years=MAX_TERM_YEARS) if future else today
    if value < MIN_REGISTER_DATE or value > latest:
        raise ValidationError(
            env._(
                "%(label)s (%(date)s) is outside the accepted range: from "
                "%(earliest)s to %(latest)s.",
                label=label,
                date=value.strftime("%d.%m.%Y"),
                earliest=MIN_REGISTER_DATE.strftime("%d.%m.%Y"),
                latest=latest.strftime("%d.%m.%Y"),
            )
        )
    return value
