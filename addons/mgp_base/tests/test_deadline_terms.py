# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Terms of every kind (working days, calendar days, months, a day of the
following month), dated and per region, always through ``mgp.calendar``."""

from datetime import date

from psycopg2.errors import UniqueViolation

from odoo.exceptions import AccessError, ValidationError
from odoo.tools import mute_logger

from odoo.addons.mgp_base.models.mgp_deadline_rule import deadline_rules_read_once

from .common import MgpCommon

START = date(2025, 12, 26)  # a Friday before the New Year holidays


class TestDeadlineTerms(MgpCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Rule = cls.env["mgp.deadline.rule"]
        cls.rule = cls.Rule.create(
            {
                "code": "t_term",
                "name": "Тестовая процедура",
                "service": "other",
                "days": 15,
            }
        )
        cls.person_region = cls.env["res.partner"].create(
            {"name": "Региональный", "company_id": cls.company_region.id}
        )

    def _due(self, start=START, state=False):
        return self.Rule._mgp_due_date("t_term", start, state and state.id)

    def _variant(self, **vals):
        return self.Rule.create(
            dict({"code": "t_term", "name": "Вариант", "service": "other"}, **vals)
        )

    def test_default_unit_is_working_days(self):
        self.assertEqual(self.rule.unit, "working_days")
        self.assertFalse(self.rule.state_id)
        self.assertFalse(self.rule.date_from)

    def test_same_code_in_every_unit(self):
        """The figures of issue 17 for a start on 26.12.2025."""
        # 29, 30 December; 12–16, 19–23, 26–28 January
        self.assertEqual(self._due(), date(2026, 1, 28))
        # 10.01.2026 is a Saturday: the term ends on Monday (ГК РФ ст. 193)
        self.rule.unit = "calendar_days"
        self.assertEqual(self._due(), date(2026, 1, 12))
        # «не позднее 10 числа месяца, следующего за …»: 10.01 is a day off
        self.rule.write({"unit": "day_of_next_month", "days": 10})
        self.assertEqual(self._due(), date(2026, 1, 12))
        # a working 10th stays as it is: 10.02.2026 is a Tuesday
        self.assertEqual(self._due(date(2026, 1, 20)), date(2026, 2, 10))
        # the 31st of a shorter month is its last day: 30.04.2026, Thursday
        self.rule.days = 31
        self.assertEqual(self._due(date(2026, 3, 5)), date(2026, 4, 30))

    def test_months(self):
        self.rule.write({"unit": "months", "days": 12})
        # 10.01.2026, the same day twelve months on, is a Saturday
        self.assertEqual(self._due(date(2025, 1, 10)), date(2026, 1, 12))
        # a working end stays: 15.01.2026 is a Thursday
        self.assertEqual(self._due(date(2025, 1, 15)), date(2026, 1, 15))
        # no 31st in May's term end of two months from 31.03: the last day,
        # 31.05.2026 is a Sunday, so Monday 1 June
        self.rule.days = 2
        self.assertEqual(self._due(date(2026, 3, 31)), date(2026, 6, 1))
        self.assertEqual(self._due(date(2026, 3, 30)), date(2026, 6, 1))
        self.assertEqual(self._due(date(2025, 12, 31)), date(2026, 3, 2))

    def test_deadline_engine_counts_every_unit(self):
        """The case's deadline uses the unit; the at-risk day stays in
        working days before the due date, never before the start."""
        self.rule.write({"unit": "calendar_days", "at_risk_days": 2})
        deadline = self.env["mgp.deadline"]._open_for(
            self.person, "t_term", date_start=START, user=self.specialist
        )
        self.assertEqual(deadline.date_due, date(2026, 1, 12))
        # two working days before 12.01.2026: 30 and 29 December
        self.assertEqual(deadline.date_at_risk, date(2025, 12, 29))
        self.assertEqual(deadline.working_days, 15)
        self.assertEqual(deadline.unit, "calendar_days")
        self.assertEqual(deadline.rule_id, self.rule)
        # the threshold never goes before the start
        self.rule.write({"unit": "months", "days": 1, "at_risk_days": 30})
        deadline = self.env["mgp.deadline"]._open_for(
            self.person_region, "t_term", date_start=START, user=self.specialist
        )
        self.assertEqual(deadline.date_due, date(2026, 1, 26))
        self.assertEqual(deadline.date_at_risk, START)

    def test_regional_variant_replaces_the_federal_one(self):
        regional = self._variant(state_id=self.state.id, days=20)
        self.assertEqual(self._due(), date(2026, 1, 28))
        # 15 working days to 28.01, five more: 29, 30 January, 2, 3, 4 February
        self.assertEqual(self._due(state=self.state), date(2026, 2, 4))
        other_state = self.env.ref("base.state_ru_vla")
        self.assertEqual(self._due(state=other_state), date(2026, 1, 28))
        # the deadline engine: the region of the case's centre
        Deadline = self.env["mgp.deadline"]
        federal_deadline = Deadline._open_for(
            self.person, "t_term", date_start=START, user=self.specialist
        )
        regional_deadline = Deadline._open_for(
            self.person_region, "t_term", date_start=START, user=self.specialist
        )
        self.assertEqual(federal_deadline.rule_id, self.rule)
        self.assertEqual(regional_deadline.rule_id, regional)
        self.assertEqual(regional_deadline.date_due, date(2026, 2, 4))
        # an archived regional variant no longer applies
        regional.active = False
        self.assertEqual(self._due(state=self.state), date(2026, 1, 28))

    def test_rules_read_once_in_a_batch(self):
        """Inside ``deadline_rules_read_once()`` (a batch of an import) the
        variants of a code are searched once; each deadline still gets the
        variant of its region and start."""
        regional = self._variant(state_id=self.state.id, days=20)
        Deadline = self.env["mgp.deadline"]
        with deadline_rules_read_once():
            self.assertEqual(self._due(), date(2026, 1, 28))
            with self.assertQueryCount(0):
                variants = self.Rule._mgp_variants("t_term")
                self.assertEqual(
                    self.Rule._get_rule("t_term", START, self.state.id), regional
                )
            self.assertEqual(self._due(state=self.state), date(2026, 2, 4))
            self.assertEqual(variants, self.rule | regional)
            regional_deadline = Deadline._open_for(
                self.person_region, "t_term", date_start=START, user=self.specialist
            )
        self.assertEqual(regional_deadline.rule_id, regional)
        # outside the block every look-up reads the rules again
        regional.active = False
        self.assertEqual(self._due(state=self.state), date(2026, 1, 28))

    def test_variant_from_a_date(self):
        dated = self._variant(date_from=date(2026, 3, 1), unit="calendar_days", days=10)
        # before 1 March the older variant applies
        self.assertEqual(self.Rule._get_rule("t_term", date(2026, 2, 27)), self.rule)
        # 8 March is a Sunday: Monday 9 March is off
        self.assertEqual(self._due(date(2026, 2, 27)), date(2026, 3, 23))
        # from 1 March the new one: 2.03 + 10 days = 12.03.2026, a Thursday
        self.assertEqual(self.Rule._get_rule("t_term", date(2026, 3, 2)), dated)
        self.assertEqual(self._due(date(2026, 3, 2)), date(2026, 3, 12))
        self.assertEqual(self._due(date(2026, 3, 1)), date(2026, 3, 11))
        # a regional variant from a later date: the federal ones until then
        later = self._variant(
            state_id=self.state.id, date_from=date(2026, 6, 1), days=1
        )
        self.assertEqual(
            self.Rule._get_rule("t_term", date(2026, 5, 29), self.state.id), dated
        )
        self.assertEqual(
            self.Rule._get_rule("t_term", date(2026, 6, 1), self.state.id), later
        )
        self.assertEqual(self._due(date(2026, 6, 1), self.state), date(2026, 6, 2))

    def test_no_variant_in_force(self):
        self.rule.date_from = date(2026, 1, 1)
        with self.assertRaises(ValidationError):
            self._due(date(2025, 12, 31))
        with self.assertRaises(ValidationError):
            self.Rule._mgp_due_date("t_no_such_code", START)

    def test_regional_calendar_exception(self):
        """A regional day off moves the end of a calendar-day term there."""
        self.rule.write({"unit": "calendar_days", "days": 10})
        self.assertEqual(self._due(date(2026, 3, 2)), date(2026, 3, 12))
        self.env["mgp.calendar.day"].create(
            {"date": date(2026, 3, 12), "state_id": self.state.id}
        )
        self.assertEqual(self._due(date(2026, 3, 2), self.state), date(2026, 3, 13))
        self.assertEqual(self._due(date(2026, 3, 2)), date(2026, 3, 12))
        deadline = self.env["mgp.deadline"]._open_for(
            self.person_region, "t_term", date(2026, 3, 2), user=self.specialist
        )
        self.assertEqual(deadline.date_due, date(2026, 3, 13))

    def test_one_variant_per_code_region_and_day(self):
        self._variant(state_id=self.state.id)
        self._variant(date_from=date(2026, 1, 1))
        self._variant(state_id=self.state.id, date_from=date(2026, 1, 1))
        for vals in (
            {},
            {"state_id": self.state.id},
            {"date_from": date(2026, 1, 1)},
            {"state_id": self.state.id, "date_from": date(2026, 1, 1)},
        ):
            with self.subTest(vals=vals), mute_logger("odoo.sql_db"):
                with self.assertRaises(UniqueViolation):
                    self._variant(**vals)
                    self.env.flush_all()

    def test_length_checks(self):
        with self.assertRaises(ValidationError):
            self.rule.write({"unit": "day_of_next_month", "days": 32})
        with self.assertRaises(ValidationError):
            self.rule.write({"unit": "day_of_next_month", "days": 0})
        with self.assertRaises(ValidationError):
            self.rule.write({"days": 2, "at_risk_days": 3})
        # in months the threshold (working days) may exceed the length
        self.rule.write({"unit": "months", "days": 2, "at_risk_days": 10})
        self.assertEqual(self.rule.at_risk_days, 10)

    def test_administrators_edit_variants(self):
        variant = self._variant_as(self.admin)
        variant.write({"legal_source": "Закон области", "standard": False})
        self.assertEqual(variant.display_name, "[t_term] Вариант (Калужская область)")
        rule_as_specialist = self.rule.with_user(self.specialist)
        self.assertEqual(rule_as_specialist.unit, "working_days")
        with self.assertRaises(AccessError):
            rule_as_specialist.write({"unit": "months"})

    def _variant_as(self, user):
        return self.Rule.with_user(user).create(
            {
                "code": "t_term",
                "name": "Вариант",
                "service": "other",
                "state_id": self.state.id,
                "unit": "calendar_days",
                "days": 30,
            }
        )

    def test_standard_rules_of_the_data(self):
        """The terms seed 000 sets are flagged, with their source."""
        standard = self.Rule.search([("standard", "=", True)]).mapped("code")
        for code in (
            "s1_need_decision",
            "s1_no_need_notice",
            "s1_mse_request",
            "s1_mse_answer",
            "s1_need_decision_mse",
            "s1_assignment",
            "s2_offer_response",
            "s2_analysis",
            "s2_plan",
        ):
            self.assertIn(code, standard)
        for code in ("s1_certificate", "s1_certificate_send", "s1_results", "s2_offer"):
            self.assertNotIn(code, standard)
        rule = self.env.ref("mgp_base.deadline_rule_s1_mse_answer")
        self.assertIn("692н", rule.legal_source)
        self.assertEqual(rule.unit, "working_days")
