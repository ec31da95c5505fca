# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import AccessError, ValidationError
from odoo.tools import mute_logger

from .common import MgpCommon


class TestCalendar(MgpCommon):
    def test_transferred_saturday_is_a_working_day(self):
        self.assertEqual(
            self.Calendar.add_working_days(date(2025, 10, 31), 1), date(2025, 11, 1)
        )
        self.assertTrue(self.Calendar.is_working_day(date(2025, 11, 1)))

    def test_transferred_monday_is_a_day_off(self):
        self.assertFalse(self.Calendar.is_working_day(date(2025, 11, 3)))
        self.assertFalse(self.Calendar.is_working_day(date(2025, 11, 4)))
        self.assertEqual(
            self.Calendar.add_working_days(date(2025, 11, 1), 1), date(2025, 11, 5)
        )

    def test_new_year_holidays(self):
        self.assertFalse(self.Calendar.is_working_day(date(2025, 12, 31)))
        self.assertFalse(self.Calendar.is_working_day(date(2026, 1, 9)))
        self.assertEqual(
            self.Calendar.add_working_days(date(2025, 12, 30), 1), date(2026, 1, 12)
        )

    def test_count_working_days(self):
        self.assertEqual(
            self.Calendar.count_working_days(date(2025, 12, 31), date(2026, 1, 31)),
            15,
        )
        # the interval is (date_from, date_to]
        self.assertEqual(
            self.Calendar.count_working_days(date(2025, 10, 30), date(2025, 10, 31)),
            1,
        )
        self.assertEqual(
            self.Calendar.count_working_days(date(2025, 10, 31), date(2025, 10, 31)),
            0,
        )

    def test_add_and_count_agree(self):
        start = date(2025, 12, 25)
        for n in range(1, 40):
            due = self.Calendar.add_working_days(start, n)
            self.assertEqual(self.Calendar.count_working_days(start, due), n)
            self.assertTrue(self.Calendar.is_working_day(due))

    def test_backwards(self):
        self.assertEqual(
            self.Calendar.add_working_days(date(2026, 1, 12), -1), date(2025, 12, 30)
        )

    def test_outside_loaded_years(self):
        # far from any loaded year the weekly rule applies
        self.assertEqual(
            self.Calendar.add_working_days(date(2040, 6, 1), 1), date(2040, 6, 4)
        )
        self.assertEqual(
            self.Calendar.count_working_days(date(2040, 6, 1), date(2040, 6, 8)), 5
        )

    def test_regional_holiday(self):
        self.env["mgp.calendar.day"].create(
            {
                "date": date(2026, 3, 10),
                "day_type": "holiday",
                "name": "Региональный праздник",
                "state_id": self.state.id,
            }
        )
        self.assertEqual(
            self.Calendar.add_working_days(date(2026, 3, 9), 1, self.state.id),
            date(2026, 3, 11),
        )
        self.assertEqual(
            self.Calendar.add_working_days(date(2026, 3, 9), 1), date(2026, 3, 10)
        )
        other_region = self.env.ref("base.state_ru_mos")
        self.assertEqual(
            self.Calendar.add_working_days(date(2026, 3, 9), 1, other_region.id),
            date(2026, 3, 10),
        )

    def test_manual_edit_survives_refresh(self):
        Day = self.env["mgp.calendar.day"]
        # make 2025-11-04 (a federal holiday from the library) a working day
        holiday = Day.search([("date", "=", "2025-11-04"), ("state_id", "=", False)])
        self.assertEqual(holiday.source, "library")
        holiday.write({"day_type": "workday", "name": "Решение администратора"})
        self.assertEqual(holiday.source, "manual")
        # an extra day off added by hand
        Day.create({"date": date(2025, 11, 7), "name": "Дополнительный выходной"})
        self.calendar._refresh_years([2025])
        self.assertEqual(holiday.day_type, "workday")
        self.assertEqual(holiday.name, "Решение администратора")
        self.assertTrue(self.Calendar.is_working_day(date(2025, 11, 4)))
        self.assertFalse(self.Calendar.is_working_day(date(2025, 11, 7)))
        extra = Day.search([("date", "=", "2025-11-07")])
        self.assertEqual(extra.source, "manual")

    def test_refresh_is_idempotent_and_restores_library_days(self):
        Day = self.env["mgp.calendar.day"]
        count = Day.search_count([])
        self.calendar._refresh_years([2025])
        self.assertEqual(Day.search_count([]), count)
        Day.search([("date", "=", "2025-11-03")]).unlink()
        self.assertTrue(self.Calendar.is_working_day(date(2025, 11, 3)))
        self.calendar.action_refresh_from_library()
        self.assertFalse(self.Calendar.is_working_day(date(2025, 11, 3)))
        self.assertTrue(self.calendar.last_refresh)

    def test_cron_refresh(self):
        self.env.ref("mgp_base.ir_cron_mgp_calendar_refresh").method_direct_trigger()
        this_year = date.today().year
        self.assertTrue(
            self.env["mgp.calendar.day"].search_count(
                [("year", "=", this_year + 1), ("source", "=", "library")]
            )
        )

    def test_duplicate_day_refused(self):
        self.env["mgp.calendar.day"].create(
            {"date": date(2026, 5, 15), "state_id": self.state.id}
        )
        with self.assertRaises(ValidationError), mute_logger("odoo.sql_db"):
            self.env["mgp.calendar.day"].create(
                {"date": date(2026, 5, 15), "state_id": self.state.id}
            )

    def test_specialist_cannot_edit_calendar(self):
        day = self.env["mgp.calendar.day"].search([], limit=1)
        with self.assertRaises(AccessError):
            day.with_user(self.specialist).write({"name": "x"})
        with self.assertRaises(AccessError):
            self.env["mgp.calendar.day"].with_user(self.specialist).create(
                {"date": date(2026, 6, 1)}
            )
        # but the service answers for everybody
        self.assertTrue(
            self.Calendar.with_user(self.specialist).is_working_day(date(2026, 6, 1))
        )
        self.env["mgp.calendar.day"].with_user(self.admin).create(
            {"date": date(2026, 6, 1)}
        )
        self.assertFalse(self.Calendar.is_working_day(date(2026, 6, 1)))
