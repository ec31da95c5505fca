# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import UserError

from .common import AccompanimentCommon


class TestNeedToKnowCentre(AccompanimentCommon):
    """A specialist of another centre cannot take a person of this one into
    a case (that centre's sharing decides), and learns nothing of him by
    trying: neither his name nor whether he is disabled."""

    def test_case_for_a_person_of_another_centre_refused(self):
        Case = self.Case.with_user(self.specialist_other)
        count = self.Case.search_count([])
        for person in (self.person, self.person_2):
            with self.assertRaises(UserError) as caught:
                Case.create(
                    {
                        "partner_id": person.id,
                        "company_id": self.company_other.id,
                        "plan_agreed_date": date(2025, 11, 5),
                    }
                )
            message = str(caught.exception)
            self.assertNotIn(person.name, message)
            self.assertIn("another employment centre", message)
        self.assertEqual(self.Case.search_count([]), count)
        self.assertFalse(
            self.person.with_user(self.specialist_other)._mgp_person_data_allowed()
        )

    def test_case_of_the_centre_still_opened(self):
        case = self._case(date(2025, 11, 5))
        self.assertEqual(case.partner_id, self.person)
