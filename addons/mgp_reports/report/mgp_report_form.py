# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date, datetime

from num2words import num2words

from odoo import api, fields, models

# Month names in the genitive case: «15 марта 2026 г.»
RU_MONTHS_GENITIVE = (
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
)
# The printed forms are official Russian documents, whatever the user's language.
FORM_LANG = "ru_RU"
# What a form prints where a date is still unknown (filled in by hand).
RU_DATE_BLANK = "«___» ____________ 20___ г."


def format_ru_date(value, blank=RU_DATE_BLANK):
    """Return ``value`` as a Russian date of an official form.

    ``date(2026, 3, 15)`` gives ``"15 марта 2026 г."``; a datetime is
    taken by its date, a string is parsed as an ISO date, and an empty
    value gives ``blank`` (a line to fill in by hand).
    """
    if not value:
        return blank
    if isinstance(value, str):
        value = fields.Date.to_date(value)
    elif isinstance(value, datetime):
        value = value.date()
    if not isinstance(value, date):
        raise TypeError(f"not a date: {value!r}")
    return f"{value.day} {RU_MONTHS_GENITIVE[value.month - 1]} {value.year} г."


def format_ru_number(value):
    """Return ``6`` as ``"6 (шесть)"``, as Russian official texts write it."""
    return f"{value} ({num2words(value, lang='ru')})"


def ru_plural(number, one, few, many):
    """Russian noun form after ``number``: 1 день, 2 дня, 5 дней, 21 день."""
    number = abs(int(number))
    if number % 10 == 1 and number % 100 != 11:
        return one
    if 2 <= number % 10 <= 4 and not 12 <= number % 100 <= 14:
        return few
    return many


class MgpReportForm(models.AbstractModel):
    """Shared rendering of the suite's printed forms.

    A form's report model (``report.mgp_reports.<template>``) inherits this
    one, sets ``_mgp_doc_model`` and may override ``_mgp_check_docs`` (refuse
    to print) and ``_mgp_get_form_values`` (extra values per form). Every
    template gets ``ru_date`` and ``ru_number``, the single place where
    dates and numbers of the printed forms are worded.
    """

    _name = "mgp.report.form"
    _description = "Printed form of the accompaniment measure"

    _mgp_doc_model = None
    # every print and portal page of a form is in the access journal
    _mgp_journals_print = True

    @api.model
    def ru_date(self, value, blank=RU_DATE_BLANK):
        """QWeb-callable: ``15 марта 2026 г.``, or ``blank`` when empty."""
        return format_ru_date(value, blank=blank)

    @api.model
    def ru_number(self, value):
        """QWeb-callable: ``6 (шесть)``."""
        return format_ru_number(value)

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = (
            self.env[self._mgp_doc_model]
            .with_context(lang=self._mgp_form_lang())
            .browse(docids)
        )
        self._mgp_check_docs(docs)
        self.env["res.partner"]._mgp_journal_print(
            self._mgp_doc_model, docids, self._name.removeprefix("report.")
        )
        values = {
            "doc_ids": docids,
            "doc_model": self._mgp_doc_model,
            "docs": docs,
            "data": data,
            "ru_date": format_ru_date,
            "ru_number": format_ru_number,
            "ru_plural": ru_plural,
            "date_blank": RU_DATE_BLANK,
        }
        values.update(self._mgp_get_form_values(docs))
        return values

    @api.model
    def _mgp_form_lang(self):
        """Russian when it is installed (names of regions, activities...),
        else the user's language."""
        if self.env["res.lang"]._get_data(code=FORM_LANG):
            return FORM_LANG
        return self.env.lang

    @api.model
    def _mgp_check_docs(self, docs):
        """Raise a ``UserError`` when ``docs`` cannot be printed."""
        return True

    @api.model
    def _mgp_get_form_values(self, docs):
        """Extra rendering values of a form, e.g. ``{"form": {id: {...}}}``."""
        return {}
