# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The employers' quota reports of a region's history (issue 23, item 3).

One row is one worker of one employer's report of one period; a row without
``worker_name`` is a report without workers. The rows of the same employer
and period make one report: found by its period (one report per employer,
centre and period), never doubled.
"""

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.mgp_import.models.mgp_import_validate import parse_date

KIND = "quota_report"
COLUMNS = (
    "external_id",
    "employer_inn",
    "employer_name",
    "date_from",
    "date_to",
    "headcount_avg",
    "headcount_excluded",
    "state",
    "date_submitted",
    "date_accepted",
    "worker_name",
    "disability_group",
    "way",
    "position",
    "contract_date",
    "organisation_name",
)
REQUIRED = ("external_id", "date_from")
# a period's last day may be ahead of the import; the steps taken may not
DATES = ("date_from", "date_to", "date_submitted", "date_accepted", "contract_date")
PAST_DATES = ("date_submitted", "date_accepted", "contract_date")
NUMBERS = ("headcount_avg", "headcount_excluded")
STATES = ("draft", "submitted", "accepted")
WAYS = ("own", "agreement", "service_contract")
FILED = ("submitted", "accepted")


class MgpImportJob(models.Model):
    _inherit = "mgp.import.job"

    kind = fields.Selection(
        selection_add=[(KIND, "Employers' quota reports")],
        ondelete={KIND: "cascade"},
    )

    @api.model
    def _mgp_import_columns(self, kind):
        return COLUMNS if kind == KIND else super()._mgp_import_columns(kind)

    @api.model
    def _mgp_import_required(self, kind):
        return REQUIRED if kind == KIND else super()._mgp_import_required(kind)

    def _mgp_parse_value(self, name, text, today):
        if self.kind != KIND:
            return super()._mgp_parse_value(name, text, today)
        if name in DATES:
            value = parse_date(text)
            if not value:
                return None, self.env._(
                    "%(column)s: «%(value)s» is not a date (DD.MM.YYYY or YYYY-MM-DD).",
                    column=name,
                    value=text,
                )
            if name in PAST_DATES and value > today:
                return None, self.env._(
                    "%(column)s: the date %(date)s is in the future.",
                    column=name,
                    date=value.strftime("%d.%m.%Y"),
                )
            return value, None
        if name in NUMBERS:
            if not text.isdigit():
                return None, self.env._(
                    "%(column)s: «%(value)s» is not a whole number of employees.",
                    column=name,
                    value=text,
                )
            return int(text), None
        if name == "employer_inn":
            return super()._mgp_parse_value("inn", text, today)
        if name == "state":
            if text in STATES:
                return text, None
            return None, self.env._(
                "Report state «%(value)s» is unknown: one of %(states)s.",
                value=text,
                states=", ".join(STATES),
            )
        if name == "way":
            if text in WAYS:
                return text, None
            return None, self.env._(
                "Way of fulfilment «%(value)s» is unknown: one of %(ways)s.",
                value=text,
                ways=", ".join(WAYS),
            )
        if name == "disability_group":
            value, message = super()._mgp_parse_value(name, text, today)
            if value == "child":
                return None, self.env._(
                    "A quota report counts disabled workers of groups 1, 2 or 3."
                )
            return value, message
        return super()._mgp_parse_value(name, text, today)

    def _mgp_import_check_quota_report(self, values, today):
        """What a row must hold beyond its cells (the dry run's list)."""
        errors = []
        if not values.get("employer_inn") and not values.get("employer_name"):
            errors.append(
                ("employer_inn", self.env._("Give the employer's INN or its name."))
            )
        if values.get("date_to") and values["date_to"] < values["date_from"]:
            errors.append(
                ("date_to", self.env._("The period cannot end before it starts."))
            )
        if values.get("headcount_excluded", 0) > values.get("headcount_avg", 0):
            errors.append(
                (
                    "headcount_excluded",
                    self.env._(
                        "The staff in harmful or dangerous conditions cannot "
                        "exceed the average headcount."
                    ),
                )
            )
        if values.get("worker_name") and not values.get("disability_group"):
            errors.append(
                (
                    "disability_group",
                    self.env._("Give the disability group of the worker."),
                )
            )
        state = values.get("state") or "draft"
        if state in FILED and not values.get("date_submitted"):
            errors.append(
                (
                    "date_submitted",
                    self.env._("A submitted or accepted report needs its date."),
                )
            )
        if state in FILED and not values.get("headcount_avg"):
            errors.append(
                (
                    "headcount_avg",
                    self.env._("A submitted or accepted report needs its headcount."),
                )
            )
        if values.get("date_accepted") and state != "accepted":
            errors.append(
                (
                    "date_accepted",
                    self.env._("Only an accepted report has a date of acceptance."),
                )
            )
        return errors

    # ------------------------------------------------------------------
    # Writing a row
    # ------------------------------------------------------------------
    def _mgp_import_write_quota_report(self, values, batch=None):
        """``(record, created)``: the worker's line (else the report) of the
        row; the report of the employer and period found or created, then
        filed and accepted by its own actions on their dates."""
        employer = self._mgp_import_quota_employer(values)
        report, created = self._mgp_import_quota_find_report(employer, values)
        record = report
        if values.get("worker_name"):
            record = self._mgp_import_quota_line(report, values)
            created = True
        state = values.get("state") or "draft"
        if state in FILED and report.state in ("draft", "returned"):
            report.action_submit(values["date_submitted"])
        if state == "accepted" and report.state == "submitted":
            report.action_accept(values.get("date_accepted") or report.date_submitted)
        return record, created

    def _mgp_import_quota_employer(self, values):
        """The employer with the row's INN, else by its name (created when
        the centre has none); its quota is kept by the importing centre."""
        if not values.get("employer_name"):
            employer = self.env["res.partner"].search(
                [("is_company", "=", True), ("vat", "=", values["employer_inn"])],
                limit=1,
            )
            if not employer:
                raise UserError(
                    self.env._(
                        "No employer has the INN %s: give its name to create it.",
                        values["employer_inn"],
                    )
                )
        else:
            employer = self._mgp_import_organisation(
                {"name": values["employer_name"], "inn": values.get("employer_inn")}
            )[0]
        if not employer.mgp_quota_company_id:
            employer.mgp_quota_company_id = self.company_id
        return employer

    def _mgp_import_quota_find_report(self, employer, values):
        """``(report, created)``: the employer's report of the period in the
        centre, else a new one with the period of the region's rules."""
        Report = self.env["mgp.quota.report"]
        Rule = self.env["mgp.quota.rule"]
        region = (employer.state_id or self.company_id.state_id).id
        period = Rule._mgp_period(region, values["date_from"])
        date_from, date_to = Rule._mgp_period_bounds(period, values["date_from"])
        if values["date_from"] != date_from:
            raise UserError(
                self.env._(
                    "The period of the region's rules starts on %s: give its "
                    "first day.",
                    date_from.strftime("%d.%m.%Y"),
                )
            )
        heads = {name: values[name] for name in NUMBERS if name in values}
        report = Report.search(
            [
                ("employer_id", "=", employer.id),
                ("company_id", "=", self.company_id.id),
                ("date_from", "=", date_from),
            ],
            limit=1,
        )
        if not report:
            vals = {
                "employer_id": employer.id,
                "company_id": self.company_id.id,
                "period": period,
                "date_from": date_from,
                "date_to": values.get("date_to") or date_to,
                "channel": "import",
                **heads,
            }
            return Report.create(vals), True
        changed = {k: v for k, v in heads.items() if report[k] != v}
        if changed and report.state in FILED:
            raise UserError(
                self.env._(
                    "Report %s of the period is already filed with other "
                    "headcounts: the row is not imported.",
                    report.name,
                )
            )
        if changed:
            report.write(changed)
        return report, False

    def _mgp_import_quota_line(self, report, values):
        """The worker of the row, on its report. The workers of a report the
        import filed are the history's too: written by the engine when
        several batches carry them; a report filed by its employer is never
        changed by an import."""
        vals = {
            name: values[name]
            for name in (
                "worker_name",
                "disability_group",
                "position",
                "contract_date",
                "organisation_name",
            )
            if values.get(name)
        }
        vals["way"] = values.get("way") or "own"
        if report.state in ("draft", "returned"):
            return self.env["mgp.quota.report.line"].create(
                dict(vals, report_id=report.id)
            )
        if report.channel != "import":
            raise UserError(
                self.env._(
                    "Report %s is filed by the employer: an import does not "
                    "change its workers.",
                    report.name,
                )
            )
        before = report.line_ids
        report._mgp_engine_write({"line_ids": [fields.Command.create(vals)]})
        return report.line_ids - before
