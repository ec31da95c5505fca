# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The engine's «today» is the centre's day: two users of one centre in
different time zones act on the same day, so that a step taken by one just
after the other's is never «before» it (e.g. a complaint decided by a
manager in Moscow time at 00:30 and answered by a user in UTC)."""

from datetime import date

from freezegun import freeze_time

from .common import MgpCommon


class TestCentreToday(MgpCommon):
    def _today(self, user):
        request = self.env["mgp.mse.request"].create(
            {"partner_id": self.person.id, "company_id": self.company.id}
        )
        return request.with_user(user)._mgp_today()

    @freeze_time("2026-12-03 21:30:00")
    def test_same_day_for_every_user(self):
        self.specialist.tz = "Europe/Moscow"
        self.manager.tz = "UTC"
        self.company.partner_id.tz = False
        # 00:30 on 04.12 in Moscow, the day of a centre without a time zone
        self.assertEqual(self._today(self.specialist), date(2026, 12, 4))
        self.assertEqual(self._today(self.manager), date(2026, 12, 4))
        # a centre in Kaliningrad time: still 03.12 there, for both
        self.company.partner_id.tz = "Europe/Kaliningrad"
        self.assertEqual(self._today(self.specialist), date(2026, 12, 3))
        self.assertEqual(self._today(self.manager), date(2026, 12, 3))

    @freeze_time("2026-12-03 21:30:00")
    def test_defaults_are_the_centres_day(self):
        """A wizard's default date is the centre's day too: a user in UTC
        answering late in the evening gets the centre's date, not his own."""
        self.specialist.tz = "UTC"
        self.company.partner_id.tz = False
        Wizard = self.env["mgp.mse.answer.wizard"].with_user(self.specialist)
        self.assertEqual(
            Wizard.default_get(["date_answer"])["date_answer"], date(2026, 12, 4)
        )
