# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from psycopg2.errors import UniqueViolation

from odoo.exceptions import UserError
from odoo.tools import mute_logger

from .common import AccompanimentCommon


class TestOneOpenCase(AccompanimentCommon):
    """One open service-1 case per person (issue 17, part 5)."""

    def test_second_open_case_refused_naming_the_open_one(self):
        first = self._case()
        with self.assertRaises(UserError) as refused:
            self.Case.with_user(self.specialist).create(
                {
                    "partner_id": self.person.id,
                    "company_id": self.company.id,
                    "plan_agreed_date": date(2025, 11, 3),
                }
            )
        self.assertIn(first.name, str(refused.exception))
        self.assertIn(self.person.name, str(refused.exception))
        self.assertEqual(
            self.Case.search_count([("partner_id", "=", self.person.id)]), 1
        )
        # another centre's specialist is refused too
        with self.assertRaises(UserError):
            self.Case.with_user(self.specialist_other).create(
                {
                    "partner_id": self.person.id,
                    "company_id": self.company_other.id,
                    "plan_agreed_date": date(2025, 11, 3),
                }
            )

    def test_new_case_after_the_end(self):
        first = self._case()
        first.with_user(self.specialist).action_terminate("withdrawn")
        second = self._case(date(2025, 11, 3))
        self.assertEqual(second.state, "new")
        self.assertNotEqual(first, second)

    def test_two_in_one_call_refused(self):
        with self.assertRaises(UserError):
            self.Case.with_user(self.specialist).create(
                [
                    {
                        "partner_id": self.person.id,
                        "company_id": self.company.id,
                        "plan_agreed_date": date(2025, 10, 31),
                    }
                ]
                * 2
            )

    @mute_logger("odoo.sql_db")
    def test_index_holds_whatever_the_python_check(self):
        first = self._case()
        first.with_user(self.specialist).action_terminate("withdrawn")
        self._case(date(2025, 11, 3))
        # the database refuses what a bypassed check would let through
        with self.assertRaises(UniqueViolation), self.env.cr.savepoint():
            self.env.cr.execute(
                "UPDATE mgp_accompaniment SET state = 'new' WHERE id = %s",
                [first.id],
            )
