# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date, datetime

from odoo.tests.common import TransactionCase

from odoo.addons.mgp_reports.report.mgp_report_form import (
    RU_DATE_BLANK,
    format_ru_date,
    format_ru_number,
    ru_plural,
)


class TestRuDate(TransactionCase):
    def test_every_month_genitive(self):
        expected = [
            "января",
            "февраля",
            "марта",
            "апреля",
            "мая",
            "июня",
            "июля",
            "августа",
            "сентября",
            "октября",
            "ноября",
            "декабря",
        ]
        for month, name in enumerate(expected, start=1):
            self.assertEqual(format_ru_date(date(2026, month, 1)), f"1 {name} 2026 г.")

    def test_formats(self):
        self.assertEqual(format_ru_date(date(2026, 3, 15)), "15 марта 2026 г.")
        self.assertEqual(
            format_ru_date(datetime(2026, 9, 5, 23, 30)), "5 сентября 2026 г."
        )
        self.assertEqual(format_ru_date("2025-12-31"), "31 декабря 2025 г.")
        self.assertEqual(format_ru_date(False), RU_DATE_BLANK)
        self.assertEqual(format_ru_date(None, blank="—"), "—")
        with self.assertRaises(TypeError):
            format_ru_date(12)

    def test_model_helpers(self):
        form = self.env["mgp.report.form"]
        self.assertEqual(form.ru_date(date(2026, 3, 15)), "15 марта 2026 г.")
        self.assertEqual(form.ru_number(6), "6 (шесть)")
        self.assertEqual(format_ru_number(21), "21 (двадцать один)")

    def test_plural(self):
        forms = ("день", "дня", "дней")
        for number, word in [
            (1, "день"),
            (2, "дня"),
            (4, "дня"),
            (5, "дней"),
            (11, "дней"),
            (12, "дней"),
            (21, "день"),
            (22, "дня"),
            (111, "дней"),
        ]:
            self.assertEqual(ru_plural(number, *forms), word, number)
