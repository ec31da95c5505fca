# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import api, models
from odoo.fields import Domain

# I1 counts a citizen not employed within this many months of the need decision.
I1_MONTHS = 6
# I2 counts the procedures of providing the measure to citizens and employers.
I2_SERVICES = ("employment", "workplace")


class MgpIndicator(models.AbstractModel):
    """Indicators of the measure (Приложение 6 к Стандарту).

    - **I1**: share of the citizens who receive (received) the measure in the
      period and were not employed within six months of the need decision.
      The denominator is every citizen whose accompaniment (from the positive
      need decision to the end of the service) overlaps the period; a citizen
      is in the numerator once the six months have run out by the end of the
      period without an employment within them.
    - **I2**: share of the procedures performed by the centre (the deadlines
      of the measure's services that are not a third party's, done in the
      period) that were performed after their due date.

    Both read the records the current user may see (record rules apply).
    """

    _name = "mgp.indicator"
    _description = "Indicators of the accompaniment measure"

    @api.model
    def _mgp_compute_i1(self, date_from, date_to, companies):
        """:return: dict ``numerator``, ``denominator``, ``share`` (percent)
        and ``rows`` (one dict per citizen, latest need decision first)."""
        domain = Domain(
            [
                ("company_id", "in", companies.ids),
                ("need", "=", "needed"),
                ("need_decision_date", "<=", date_to),
            ]
        ) & (Domain("date_closed", "=", False) | Domain("date_closed", ">=", date_from))
        cases = self.env["mgp.accompaniment"].search(
            domain, order="need_decision_date desc, id desc"
        )
        latest = {}
        for case in cases:
            latest.setdefault(case.partner_id, case)
        rows = []
        for case in latest.values():
            window_end = case.need_decision_date + relativedelta(months=I1_MONTHS)
            employed_in_time = bool(
                case.employment_date and case.employment_date <= window_end
            )
            rows.append(
                {
                    "case": case,
                    "window_end": window_end,
                    "employed_in_time": employed_in_time,
                    "counted": not employed_in_time and window_end <= date_to,
                }
            )
        return self._mgp_result(rows)

    @api.model
    def _mgp_compute_i2(self, date_from, date_to, companies):
        """:return: dict ``numerator``, ``denominator``, ``share`` (percent)
        and ``rows`` (one dict per procedure done in the period)."""
        deadlines = self.env["mgp.deadline"].search(
            [
                ("company_id", "in", companies.ids),
                ("external", "=", False),
                ("state", "=", "done"),
                ("date_done", ">=", date_from),
                ("date_done", "<=", date_to),
                ("rule_id.service", "in", I2_SERVICES),
            ],
            order="date_done, id",
        )
        rows = [
            {"deadline": deadline, "counted": deadline.date_done > deadline.date_due}
            for deadline in deadlines
        ]
        return self._mgp_result(rows)

    @api.model
    def _mgp_result(self, rows):
        numerator = sum(1 for row in rows if row["counted"])
        denominator = len(rows)
        return {
            "numerator": numerator,
            "denominator": denominator,
            "share": round(100.0 * numerator / denominator, 2) if denominator else 0.0,
            "rows": rows,
        }
