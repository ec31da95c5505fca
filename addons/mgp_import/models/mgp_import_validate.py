# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
# pylint: disable=consider-merging-classes-inherited
"""The columns of each kind of import and the check of one row: every error
of the row, in the user's language (Russian in the centres), before anything
is written."""

import datetime

from stdnum.exceptions import ValidationError as StdnumError
from stdnum.ru import inn as stdnum_inn
from stdnum.ru import ogrn as stdnum_ogrn

from odoo import api, fields, models

from odoo.addons.mgp_accompaniment.models.mgp_accompaniment import (
    CERTIFICATE_MONTHS,
)
from odoo.addons.mgp_base.models.mgp_today import centre_today
from odoo.addons.mgp_base.models.res_partner import normalize_snils

DISABILITY_GROUPS = ("1", "2", "3", "child")
# the states a case of the history is imported in (an МСЭ request in
# progress is not history: import the case as new and send the request)
# the codes of the termination reasons, kept in the cursor's cache during one
# validation run (``_mgp_validated``)
REASONS_CACHE = "mgp_import.termination_reason_codes"
CASE_STATES = ("new", "assignment", "active", "employed", "expired", "terminated")
PERSON_COLUMNS = (
    "snils",
    "name",
    "birth_date",
    "disability_group",
    "ipra_number",
    "ipra_date",
    "ipra_date_end",
    "email",
    "phone",
)
CASE_COLUMNS = (
    "plan_date",
    "state",
    "need_decision_date",
    "certificate_date",
    "certificate_sent_date",
    "employment_date",
    "employer",
    "termination_date",
    "termination_reason",
)
ORGANISATION_COLUMNS = ("name", "inn", "ogrn", "included_date", "email", "phone")
REQUIRED = {
    "person": ("external_id", "name"),
    "case": ("external_id", "name", "plan_date", "state"),
    "ngo": ("external_id", "name", "inn"),
    "employer": ("external_id", "name"),
}
COLUMNS = {
    "person": ("external_id", *PERSON_COLUMNS),
    "case": ("external_id", *PERSON_COLUMNS, *CASE_COLUMNS),
    "ngo": ("external_id", *ORGANISATION_COLUMNS),
    "employer": ("external_id", *ORGANISATION_COLUMNS[:3], "email", "phone"),
}
DATE_COLUMNS = frozenset(
    {
        "birth_date",
        "ipra_date",
        "ipra_date_end",
        "plan_date",
        "need_decision_date",
        "certificate_date",
        "certificate_sent_date",
        "employment_date",
        "termination_date",
        "included_date",
    }
)


def parse_date(text):
    """``YYYY-MM-DD`` or ``DD.MM.YYYY``, else ``None``."""
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


class MgpImportJob(models.Model):
    _inherit = "mgp.import.job"

    @api.model
    def _mgp_import_columns(self, kind):
        """Hook: the columns of ``kind`` (the first row of the file)."""
        return COLUMNS[kind]

    @api.model
    def _mgp_import_required(self, kind):
        """Hook: the columns every row of ``kind`` must fill."""
        return REQUIRED[kind]

    def _mgp_missing_columns(self, header):
        return [
            name for name in self._mgp_import_required(self.kind) if name not in header
        ]

    def _mgp_validated(self, rows):
        """``(row number, values, [(column, message)])`` of each row: the
        values parsed (dates as dates, СНИЛС normalised)."""
        today = centre_today(self)
        # the catalogues a cell is checked against, read once per run
        self.env.cr.cache.pop(REASONS_CACHE, None)
        columns = self._mgp_import_columns(self.kind)
        required = self._mgp_import_required(self.kind)
        check_kind = getattr(self, f"_mgp_import_check_{self.kind}", None)
        for number, raw in rows:
            values, errors = {}, []
            for name in columns:
                text = (raw.get(name) or "").strip()
                if not text:
                    if name in required:
                        errors.append(
                            (name, self.env._("The column %s is required.", name))
                        )
                    continue
                value, message = self._mgp_parse_value(name, text, today)
                if message:
                    errors.append((name, message))
                else:
                    values[name] = value
            if check_kind and not errors:
                errors += check_kind(values, today)
            yield number, values, errors

    def _mgp_reason_codes(self):
        """The codes of the termination reasons (read once per run)."""
        reasons = self.env.cr.cache.get(REASONS_CACHE)
        if reasons is None:
            Reason = self.env["mgp.accompaniment.termination.reason"]
            reasons = self.env.cr.cache[REASONS_CACHE] = tuple(Reason._mgp_by_code())
        return reasons

    def _mgp_parse_value(self, name, text, today):
        """``(value, error message)`` of one cell."""
        if name in DATE_COLUMNS:
            value = parse_date(text)
            if not value:
                return None, self.env._(
                    "%(column)s: «%(value)s» is not a date (DD.MM.YYYY or YYYY-MM-DD).",
                    column=name,
                    value=text,
                )
            if value > today:
                return None, self.env._(
                    "%(column)s: the date %(date)s is in the future.",
                    column=name,
                    date=value.strftime("%d.%m.%Y"),
                )
            return value, None
        if name == "snils":
            try:
                return normalize_snils(text), None
            except ValueError as exc:
                if exc.args[0] == "length":
                    return None, self.env._("SNILS must consist of 11 digits.")
                return None, self.env._(
                    "SNILS is invalid: its control number does not match."
                )
        if name == "disability_group":
            value = text.lower().replace("группа", "").strip()
            value = {"i": "1", "ii": "2", "iii": "3", "ребенок-инвалид": "child"}.get(
                value, value
            )
            if value not in DISABILITY_GROUPS:
                return None, self.env._(
                    "Disability group «%s» is unknown: 1, 2, 3 or child.", text
                )
            return value, None
        if name == "state" and text not in CASE_STATES:
            return None, self.env._(
                "State «%(value)s» is not imported: one of %(states)s.",
                value=text,
                states=", ".join(CASE_STATES),
            )
        if name == "termination_reason":
            # a code of the catalogue, archived ones too (the history keeps
            # the reasons of its time)
            reasons = self._mgp_reason_codes()
            if text not in reasons:
                return None, self.env._(
                    "Termination reason «%(value)s» is unknown: one of %(reasons)s.",
                    value=text,
                    reasons=", ".join(reasons),
                )
        if name == "inn":
            try:
                return stdnum_inn.validate(text), None
            except StdnumError:
                return None, self.env._("INN «%s» is invalid.", text)
        if name == "ogrn":
            try:
                return stdnum_ogrn.validate(text), None
            except StdnumError:
                return None, self.env._("OGRN «%s» is invalid.", text)
        return text, None

    def _mgp_import_check_person(self, values, today):
        errors = []
        if (
            values.get("ipra_date")
            and values.get("ipra_date_end")
            and values["ipra_date_end"] < values["ipra_date"]
        ):
            errors.append(
                (
                    "ipra_date_end",
                    self.env._("The IPRA validity cannot end before its date."),
                )
            )
        return errors

    def _mgp_import_check_case(self, values, today):
        """The columns the case's state needs, in the order of its steps."""
        errors = self._mgp_import_check_person(values, today)
        state = values["state"]
        needs = {
            "new": (),
            "assignment": ("need_decision_date",),
            "active": ("need_decision_date", "certificate_date"),
            "expired": ("need_decision_date", "certificate_date"),
            "employed": ("need_decision_date", "employment_date", "employer"),
            "terminated": ("termination_date", "termination_reason"),
        }[state]
        for name in needs:
            if not values.get(name):
                errors.append(
                    (
                        name,
                        self.env._(
                            "The column %(column)s is required for a case in "
                            "state %(state)s.",
                            column=name,
                            state=state,
                        ),
                    )
                )
        steps = [
            "plan_date",
            "need_decision_date",
            "certificate_date",
            "certificate_sent_date",
            "employment_date",
        ]
        previous = None
        for name in steps:
            if not values.get(name):
                continue
            if previous and values[name] < values[previous]:
                errors.append(
                    (
                        name,
                        self.env._(
                            "%(column)s (%(date)s) cannot precede %(previous)s.",
                            column=name,
                            date=values[name].strftime("%d.%m.%Y"),
                            previous=previous,
                        ),
                    )
                )
            previous = name
        if values.get("termination_date") and values["termination_date"] < values.get(
            "plan_date", values["termination_date"]
        ):
            errors.append(
                (
                    "termination_date",
                    self.env._("termination_date cannot precede plan_date."),
                )
            )
        if state in ("active", "expired") and values.get("certificate_date"):
            ends = fields.Date.add(
                values["certificate_date"], months=CERTIFICATE_MONTHS
            )
            if state == "active" and ends < today:
                errors.append(
                    (
                        "state",
                        self.env._(
                            "The certificate ended on %s: the case is expired.",
                            ends.strftime("%d.%m.%Y"),
                        ),
                    )
                )
            if state == "expired" and ends >= today:
                errors.append(
                    (
                        "state",
                        self.env._(
                            "The certificate is valid until %s: the case is "
                            "not expired.",
                            ends.strftime("%d.%m.%Y"),
                        ),
                    )
                )
        if not (
            values.get("disability_group")
            or values.get("ipra_number")
            or values.get("snils")
        ):
            errors.append(
                (
                    "disability_group",
                    self.env._(
                        "The service is provided to a disabled person: give the "
                        "disability group or the IPRA number (or the SNILS of a "
                        "person registered with them)."
                    ),
                )
            )
        return errors
