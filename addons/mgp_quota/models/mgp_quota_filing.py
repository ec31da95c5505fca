# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.fields import Domain


class MgpQuotaFilingMixin(models.AbstractModel):
    """A report an employer files by a deadline of the engine (the quota
    report, the monthly local acts): its due date and whether it is late are
    the deadline's, ``_mgp_filing_code`` names it. Both go draft →
    submitted → accepted / returned with the reason; the models give
    ``filing_late`` its help."""

    _name = "mgp.quota.filing.mixin"
    _description = "Report Filed by a Deadline"

    _mgp_filing_code = None

    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("accepted", "Accepted"),
            ("returned", "Returned"),
        ],
        required=True,
        default="draft",
        index=True,
        tracking=True,
    )
    date_submitted = fields.Date(string="Submitted on", readonly=True, copy=False)
    date_accepted = fields.Date(string="Accepted on", readonly=True, copy=False)
    date_returned = fields.Date(string="Returned on", readonly=True, copy=False)
    return_reason = fields.Text(readonly=True, copy=False)
    date_due = fields.Date(string="Due on", compute="_compute_filing")
    filing_late = fields.Boolean(
        string="Filed late",
        compute="_compute_filing",
        search="_search_filing_late",
    )

    def _compute_filing(self):
        for report in self:
            # the engine's bookkeeping: its due date is shown to the employer
            deadline = report.sudo()._mgp_deadline_get(self._mgp_filing_code)
            report.date_due = deadline.date_due
            report.filing_late = bool(deadline.is_late)

    def _search_filing_late(self, operator, value):
        if operator not in ("=", "!="):
            return NotImplemented
        late = (
            self.env["mgp.deadline"]
            .sudo()
            ._search(  # ids only, no data
                [
                    ("res_model", "=", self._name),
                    ("code", "=", self._mgp_filing_code),
                    ("is_late", "=", True),
                ]
            )
        )
        positive = (operator == "=") == bool(value)
        return Domain("id", "in" if positive else "not in", late.select("res_id"))
