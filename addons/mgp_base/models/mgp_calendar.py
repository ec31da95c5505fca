# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import bisect
import datetime

import holidays
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import ormcache

from .mgp_today import centre_today

# How far around the loaded exception days the precomputed index reaches.
_INDEX_MARGIN_YEARS = 1


class MgpCalendar(models.Model):
    """Working-day service of the Russian production calendar.

    Public (``@api.model``) methods answer questions about working days from
    the weekly rule (Monday to Friday) corrected by ``mgp.calendar.day``
    exceptions: federal ones (``state_id`` empty) and regional ones.
    Records of this model only hold the settings of the library refresh.
    """

    _name = "mgp.calendar"
    _description = "Working-Day Calendar"
    _inherit = ["mail.thread"]

    name = fields.Char(required=True)
    country_id = fields.Many2one(
        "res.country",
        required=True,
        default=lambda self: self.env.ref("base.ru", raise_if_not_found=False),
    )
    years_back = fields.Integer(
        default=1, help="How many past years the refresh loads from the library."
    )
    years_ahead = fields.Integer(
        default=1, help="How many future years the refresh loads from the library."
    )
    last_refresh = fields.Datetime(readonly=True, tracking=True)
    day_count = fields.Integer(compute="_compute_day_count")

    def _compute_day_count(self):
        count = self.env["mgp.calendar.day"].search_count([])
        for calendar in self:
            calendar.day_count = count

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_refresh_from_library(self):
        for calendar in self:
            year = centre_today(calendar).year
            years = range(year - calendar.years_back, year + calendar.years_ahead + 1)
            calendar._refresh_years(list(years))
            calendar.last_refresh = fields.Datetime.now()
        return True

    def action_open_days(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "mgp_base.mgp_calendar_day_action"
        )
        return action

    @api.model
    def _cron_refresh_from_library(self):
        calendars = self.search([], limit=10)
        calendars.action_refresh_from_library()

    def _refresh_years(self, years):
        """Load federal days off and transferred working days of ``years``.

        Manual days are never touched: a library day is skipped when a manual
        day exists on the same date for the whole country. Library days that
        the library no longer knows are removed.
        """
        self.ensure_one()
        code = (self.country_id.code or "RU").upper()
        try:
            lib = holidays.country_holidays(code, years=years, language="ru")
        except NotImplementedError as exc:
            raise UserError(
                self.env._("The holidays library has no calendar for %s.", code)
            ) from exc
        wanted = {}
        for day, name in lib.items():
            wanted[day] = ("holiday", name)
        for day in getattr(lib, "weekend_workdays", ()):
            if day.year in years:
                wanted[day] = ("workday", self.env._("Working day (transferred)"))
        Day = self.env["mgp.calendar.day"].with_context(mgp_calendar_refresh=True)
        date_from = datetime.date(min(years), 1, 1)
        date_to = datetime.date(max(years), 12, 31)
        existing = Day.with_context(active_test=False).search(
            [
                ("state_id", "=", False),
                ("date", ">=", date_from),
                ("date", "<=", date_to),
            ]
        )
        by_date = {rec.date: rec for rec in existing}
        to_create = []
        for day, (day_type, name) in sorted(wanted.items()):
            rec = by_date.pop(day, None)
            if not rec:
                to_create.append(
                    {
                        "date": day,
                        "day_type": day_type,
                        "name": name,
                        "source": "library",
                    }
                )
            elif rec.source == "library" and (rec.day_type, rec.name) != (
                day_type,
                name,
            ):
                rec.write({"day_type": day_type, "name": name})
        # library days the library dropped; manual days stay
        stale = Day.browse([rec.id for rec in by_date.values()]).filtered(
            lambda d: d.source == "library"
        )
        stale.unlink()
        Day.create(to_create)
        return True

    # ------------------------------------------------------------------
    # Working-day service
    # ------------------------------------------------------------------
    @api.model
    @ormcache("state_id")
    def _get_calendar_index(self, state_id):
        """Exceptions and a sorted index of working days for one region.

        :return: tuple ``(exceptions, first, last, ordinals)`` where
            ``exceptions`` maps a date ordinal to True (working) or False,
            ``ordinals`` lists the working days between ``first`` and
            ``last`` (ordinals, inclusive) in ascending order.
        """
        domain = [("state_id", "=", False)]
        if state_id:
            domain = ["|", ("state_id", "=", False), ("state_id", "=", state_id)]
        rows = (
            self.env["mgp.calendar.day"]
            .sudo()  # the calendar is public knowledge for every user
            .search_fetch(domain, ["date", "day_type", "state_id"], order="date")
        )
        exceptions = {}
        # federal first, then regional days override them
        for row in sorted(rows, key=lambda r: bool(r.state_id)):
            exceptions[row.date.toordinal()] = row.day_type == "workday"
        today = datetime.date.today()
        years = [d.year for d in rows.mapped("date")] or [today.year]
        first = datetime.date(
            min(min(years), today.year - 1) - _INDEX_MARGIN_YEARS, 1, 1
        ).toordinal()
        last = datetime.date(
            max(max(years), today.year + 1) + _INDEX_MARGIN_YEARS, 12, 31
        ).toordinal()
        ordinals = tuple(
            o
            for o in range(first, last + 1)
            if exceptions.get(o, (o - 1) % 7 < 5)  # ordinal 1 is a Monday
        )
        return exceptions, first, last, ordinals

    @api.model
    def _index(self, state_id):
        if isinstance(state_id, models.BaseModel):
            state_id = state_id.id
        # the transaction keeps the index at hand: cheaper than the ormcache
        cache = self.env.cr.cache.setdefault("mgp_calendar_index", {})
        key = state_id or False
        index = cache.get(key)
        if index is None:
            index = cache[key] = self._get_calendar_index(key)
        return index

    @api.model
    def _invalidate_index(self):
        self.env.cr.cache.pop("mgp_calendar_index", None)
        self.env.registry.clear_cache()

    @api.model
    def is_working_day(self, day, state_id=False):
        """Whether ``day`` is a working day (in region ``state_id``)."""
        day = fields.Date.to_date(day)
        exceptions = self._index(state_id)[0]
        ordinal = day.toordinal()
        return exceptions.get(ordinal, day.weekday() < 5)

    @api.model
    def add_working_days(self, day, n, state_id=False):
        """The ``n``-th working day after ``day``; ``n=1`` is the next one.

        A negative ``n`` counts backwards (the ``|n|``-th working day before).
        """
        if type(day) is not datetime.date:
            day = fields.Date.to_date(day)
        if not n:
            return day
        exceptions, first, last, ordinals = self._index(state_id)
        ordinal = day.toordinal()
        if first <= ordinal <= last:
            if n > 0:
                pos = bisect.bisect_right(ordinals, ordinal) + n - 1
            else:
                pos = bisect.bisect_left(ordinals, ordinal) + n
            if 0 <= pos < len(ordinals):
                return datetime.date.fromordinal(ordinals[pos])
        # outside the indexed years: walk day by day
        step = 1 if n > 0 else -1
        remaining = abs(n)
        while remaining:
            ordinal += step
            if exceptions.get(ordinal, (ordinal - 1) % 7 < 5):
                remaining -= 1
        return datetime.date.fromordinal(ordinal)

    @api.model
    def count_working_days(self, date_from, date_to, state_id=False):
        """Working days in the interval ``(date_from, date_to]``."""
        date_from = fields.Date.to_date(date_from)
        date_to = fields.Date.to_date(date_to)
        if date_to <= date_from:
            return 0
        exceptions, first, last, ordinals = self._index(state_id)
        start, end = date_from.toordinal(), date_to.toordinal()
        if first <= start and end <= last:
            return bisect.bisect_right(ordinals, end) - bisect.bisect_right(
                ordinals, start
            )
        return sum(
            1 for o in range(start + 1, end + 1) if exceptions.get(o, (o - 1) % 7 < 5)
        )

    # ------------------------------------------------------------------
    # Terms in calendar days and months (ГК РФ ст. 191–193)
    # ------------------------------------------------------------------
    @api.model
    def working_day_on_or_after(self, day, state_id=False):
        """``day`` itself when it is a working day, else the next working
        day: where a term that ends on a day off ends (ГК РФ ст. 193)."""
        day = fields.Date.to_date(day)
        if self.is_working_day(day, state_id):
            return day
        return self.add_working_days(day, 1, state_id)

    @api.model
    def add_calendar_days(self, day, n, state_id=False):
        """End of a term of ``n`` calendar days counted from ``day`` (the
        term starts the next day, ГК РФ ст. 191), moved to the next working
        day when it falls on a day off (ст. 193)."""
        day = fields.Date.to_date(day)
        end = datetime.date.fromordinal(day.toordinal() + n)
        return self.working_day_on_or_after(end, state_id)

    @api.model
    def add_months(self, day, n, state_id=False):
        """End of a term of ``n`` months counted from ``day``: the same day
        of the last month, or its last day when it has none (ГК РФ ст. 192),
        moved to the next working day when it is a day off (ст. 193)."""
        day = fields.Date.to_date(day)
        return self.working_day_on_or_after(day + relativedelta(months=n), state_id)

    @api.model
    def day_of_next_month(self, day, day_of_month, state_id=False):
        """The ``day_of_month``-th day of the month following the month of
        ``day`` («не позднее 10 числа месяца, следующего за отчетным»; the
        last day of a shorter month), moved to the next working day when it
        is a day off (ГК РФ ст. 193)."""
        day = fields.Date.to_date(day)
        end = day + relativedelta(months=1, day=max(day_of_month, 1))
        return self.working_day_on_or_after(end, state_id)
