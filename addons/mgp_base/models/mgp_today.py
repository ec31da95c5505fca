# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The centre's day.

A date of the register — a decision, an answer, a term's start, the default
of a wizard — is the day of the centre whose record it is, not of the user's
browser: two users of one centre in different time zones (or the cron, which
has none) act on the same day, so that a step taken by one just after the
other's is never «before» it, and a term counted from it is the same for both.
"""

from odoo import fields

#: the time zone of a centre that has not set one
DEFAULT_TZ = "Europe/Moscow"


def centre_tz(records):
    """The time zone of the centre of ``records`` (or of the user's current
    company for an empty recordset or a model without centre)."""
    company = records.env.company
    if "company_id" in records._fields and records[:1]:
        # the centre of the record: only its time zone is read
        company = records[:1].sudo().company_id or company
    return company.sudo().partner_id.tz or DEFAULT_TZ


def centre_today(records, timestamp=None):
    """Today (or the day of ``timestamp``) in the centre's time zone.

    Usable as a field default (``default=centre_today``), as
    :func:`odoo.fields.Date.context_today` is.
    """
    return fields.Date.context_today(
        records.with_context(tz=centre_tz(records)), timestamp=timestamp
    )
