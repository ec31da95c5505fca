# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class MgpCalendarDay(models.Model):
    """One exception to the Monday-to-Friday week.

    ``holiday`` makes a day a day off, ``workday`` makes it a working day
    (a Saturday worked because of a transfer). Days without a region apply
    to the whole country; regional days apply on top of them. Editing a day
    loaded from the library turns it into a manual day, which the library
    refresh never overwrites.
    """

    _name = "mgp.calendar.day"
    _description = "Working-Day Calendar Exception"
    _order = "date desc, state_id"
    _rec_name = "date"

    date = fields.Date(required=True, index=True)
    day_type = fields.Selection(
        [("holiday", "Day off"), ("workday", "Working day")],
        string="Type",
        required=True,
        default="holiday",
    )
    name = fields.Char(string="Description", translate=False)
    state_id = fields.Many2one(
        "res.country.state",
        string="Region",
        index=True,
        ondelete="cascade",
        help="Leave empty for a day of the whole country.",
    )
    source = fields.Selection(
        [("library", "Library"), ("manual", "Manual")],
        required=True,
        default="manual",
        readonly=True,
    )
    weekday = fields.Selection(
        [
            ("0", "Monday"),
            ("1", "Tuesday"),
            ("2", "Wednesday"),
            ("3", "Thursday"),
            ("4", "Friday"),
            ("5", "Saturday"),
            ("6", "Sunday"),
        ],
        compute="_compute_weekday",
    )
    year = fields.Integer(compute="_compute_year", store=True)

    _date_region_uniq = models.UniqueIndex(
        "(date, COALESCE(state_id, 0))",
        "There is already an exception on this date for this region.",
    )

    @api.depends("date")
    def _compute_weekday(self):
        for day in self:
            day.weekday = str(day.date.weekday()) if day.date else False

    @api.depends("date")
    def _compute_year(self):
        for day in self:
            day.year = day.date.year if day.date else 0

    @api.constrains("date", "state_id")
    def _check_unique_day(self):
        for day in self:
            if self.search_count(
                [
                    ("date", "=", day.date),
                    ("state_id", "=", day.state_id.id),
                    ("id", "!=", day.id),
                ],
                limit=1,
            ):
                raise ValidationError(
                    self.env._(
                        "There is already an exception on %(date)s for this region.",
                        date=day.date,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("date") and self.search_count(
                [
                    ("date", "=", vals["date"]),
                    ("state_id", "=", vals.get("state_id") or False),
                ],
                limit=1,
            ):
                raise ValidationError(
                    self.env._(
                        "There is already an exception on %(date)s for this region.",
                        date=vals["date"],
                    )
                )
        if not self.env.context.get("mgp_calendar_refresh"):
            for vals in vals_list:
                vals["source"] = "manual"
        records = super().create(vals_list)
        self.env["mgp.calendar"]._invalidate_index()
        return records

    def write(self, vals):
        if not self.env.context.get("mgp_calendar_refresh") and (
            {"date", "day_type", "state_id"} & set(vals)
        ):
            vals = dict(vals, source="manual")
        result = super().write(vals)
        self.env["mgp.calendar"]._invalidate_index()
        return result

    def unlink(self):
        result = super().unlink()
        self.env["mgp.calendar"]._invalidate_index()
        return result
