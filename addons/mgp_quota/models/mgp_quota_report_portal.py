# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The employer's quota report in the portal: what the employer's
representative files and corrects from its cabinet (the back office's
workflow is in ``mgp_quota_report.py``)."""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Domain


class MgpQuotaReport(models.Model):
    _inherit = "mgp.quota.report"

    def _mgp_is_employer_user(self, user=None):
        user = user or self.env.user
        return bool(
            user.share
            and self.employer_id
            and user.partner_id.commercial_partner_id == self.employer_id
        )

    @api.model
    def _mgp_portal_domain(self):
        organisation = self.env.user.partner_id.commercial_partner_id
        return Domain("employer_id", "=", organisation.id)

    # ------------------------------------------------------------------
    # Portal: what the employer does from its cabinet
    # ------------------------------------------------------------------
    def _mgp_portal_check_employer(self, states=None):
        """The current portal user represents the report's employer."""
        self.ensure_one()
        self.check_access("read")
        if not self._mgp_is_employer_user():
            raise AccessError(self.env._("This report belongs to another employer."))
        if states and self.state not in states:
            raise UserError(
                self.env._("Report %s is submitted: it is no longer edited.", self.name)
            )

    @api.model
    def _mgp_portal_employer(self):
        user = self.env.user
        organisation = user._mgp_portal_organisation()
        if not organisation:
            raise AccessError(
                self.env._("Only the representative of an employer files a report.")
            )
        return organisation

    @api.model
    def _mgp_portal_new(self, vals, lines):
        """The employer files a new report of a period in the portal."""
        organisation = self._mgp_portal_employer()
        # the employer's centre keeps its quota; else the user's own centre
        company = organisation.sudo().mgp_quota_company_id or self.env.user.company_id
        Rule = self.env["mgp.quota.rule"].sudo()  # configuration
        region = organisation.state_id or company.state_id
        date_from = fields.Date.to_date(vals.get("date_from"))
        if not date_from:
            raise UserError(self.env._("Give the first day of the period."))
        period = Rule._mgp_period(region.id, date_from)
        date_from, date_to = Rule._mgp_period_bounds(period, date_from)
        existing = self.sudo().search(  # the employer's own report, whatever its centre
            [
                ("employer_id", "=", organisation.id),
                ("company_id", "=", company.id),
                ("date_from", "=", date_from),
            ],
            limit=1,
        )
        if existing:
            existing = existing.with_env(self.env)
            existing._mgp_portal_save(vals, lines)
            return existing
        values = dict(
            self._mgp_portal_values(vals),
            employer_id=organisation.id,
            company_id=company.id,
            period=period,
            date_from=date_from,
            date_to=date_to,
            channel="portal",
        )
        # a portal user has no create right on reports: the engine creates it
        # for the employer the user represents (checked above)
        report = self.sudo()._mgp_engine_create(values)
        report._mgp_set_portal_lines(lines)
        report._mgp_attach_exemption(vals.get("exemption_files"))
        return report.with_env(self.env)

    def _mgp_portal_save(self, vals, lines):
        """The employer saves its draft (or returned) report."""
        self._mgp_portal_check_employer(("draft", "returned"))
        # the employer's representative (checked above) edits its own draft
        report = self.sudo()
        report.write(dict(self._mgp_portal_values(vals), channel="portal"))
        report._mgp_set_portal_lines(lines)
        report._mgp_attach_exemption(vals.get("exemption_files"))
        return True

    def _mgp_portal_submit(self):
        self._mgp_portal_check_employer()
        # the employer's representative (checked above) files its own report
        return self.sudo()._mgp_submit("portal_submit", channel="portal")

    @api.model
    def _mgp_portal_values(self, vals):
        values = {}
        for name in ("headcount_avg", "headcount_excluded", "vacancy_count"):
            if name in vals:
                values[name] = vals[name] or 0
        if "exempt" in vals:
            values["exempt"] = bool(vals["exempt"])
            values["exemption_ground_id"] = vals.get("exemption_ground_id") or False
            values["exemption_note"] = vals.get("exemption_note") or False
        return values

    def _mgp_attach_exemption(self, files):
        """Attach the documents proving the exemption to the report, through
        the suite's one upload path (type, size and content checked)."""
        self.ensure_one()
        if files:
            self.env["mgp.upload"]._mgp_attach(
                self, files, field="exemption_attachment_ids"
            )

    def _mgp_set_portal_lines(self, lines):
        """Replace the workers of the report by ``lines`` (dicts)."""
        self.ensure_one()
        if lines is None:
            return
        Line = self.env["mgp.quota.report.line"]
        allowed = set(Line._fields)
        commands = [fields.Command.clear()] + [
            fields.Command.create({k: v for k, v in line.items() if k in allowed})
            for line in lines
        ]
        self.write({"line_ids": commands})
