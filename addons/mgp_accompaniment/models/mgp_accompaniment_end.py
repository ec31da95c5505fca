# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
# pylint: disable=consider-merging-classes-inherited
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

from odoo.addons.mgp_base.models.mgp_today import centre_today

from .mgp_accompaniment import (
    CLOSED_STATES,
    SPECIALIST,
    _to_id,
)


class MgpAccompaniment(models.Model):
    """The endings of the service (employment, expiry of the certificate,
    termination with a reason) and the results of the accompaniment."""

    _inherit = "mgp.accompaniment"
    _mgp_protected_fields = (
        "employment_date",
        "employer_id",
        "date_closed",
        "termination_reason_id",
        "termination_note",
    )

    employment_date = fields.Date(tracking=True, copy=False, readonly=True)
    employer_id = fields.Many2one(
        "res.partner", tracking=True, copy=False, readonly=True
    )
    date_closed = fields.Date(string="Closed on", copy=False, readonly=True)
    termination_reason_id = fields.Many2one(
        "mgp.accompaniment.termination.reason",
        string="Termination reason",
        tracking=True,
        copy=False,
        readonly=True,
        ondelete="restrict",
    )
    termination_note = fields.Text(copy=False, readonly=True, groups=SPECIALIST)

    # ------------------------------------------------------------------
    # The end of the service
    # ------------------------------------------------------------------
    def _mgp_end_service(self, name, vals, date_closed):
        """Carry the ending ``name``: one write of the state, ``vals`` and
        the closing date; the service's deadlines cancelled, the results
        due when the accompaniment began, the transition's notice; a
        request to the МСЭ bureau still waiting is cancelled."""
        self._mgp_transition(
            name, dict(vals, date_closed=date_closed), date=date_closed
        )
        waiting = self.mse_request_id.filtered(
            lambda request: request.state in ("draft", "sent")
        )
        if waiting:
            waiting.action_cancel()
        return True

    def action_mark_employed(self, employment_date, employer_id):
        """Record the citizen's employment, whenever it happens after a
        positive need decision.

        During the accompaniment (certificate issued) the service ends and
        the results are due; before the certificate the service ends without
        results; after an expiry or a termination only the fact is recorded
        (it counts for indicator I1).
        """
        employer = self.env["res.partner"].browse(_to_id(employer_id))
        if not employment_date or not employer.exists():
            raise UserError(self.env._("Give the employment date and the employer."))
        for case in self:
            if case.need != "needed":
                raise UserError(
                    self.env._(
                        "Employment is recorded on a case with a positive need "
                        "decision."
                    )
                )
            if case.employment_date:
                raise UserError(
                    self.env._(
                        "The employment of case %s is already recorded.", case.name
                    )
                )
            after = [(case.need_decision_date, self.env._("the need decision"))]
            if case.state == "active":
                after.append((case.certificate_date, self.env._("the certificate")))
            employment_date = case._mgp_check_action_date(
                employment_date, after=after, label=self.env._("The employment")
            )
            vals = {"employment_date": employment_date, "employer_id": employer.id}
            if case.state in CLOSED_STATES:
                case._mgp_transition("action_mark_employed", vals)
            else:
                case._mgp_end_service("employed", vals, employment_date)
            case._on_employed()
        return True

    def _on_employed(self):
        """Hook called once the citizen is employed (service 2 extends it)."""
        self.ensure_one()
        if self.state != "employed" or not self.certificate_number:
            body = self.env._(
                "The citizen is employed by %(employer)s on %(date)s.",
                employer=self.employer_id.name,
                date=format_date(self.env, self.employment_date),
            )
            self.message_post(body=body, subtype_xmlid="mail.mt_note")
            return True
        self.message_post(
            body=self.env._(
                "The citizen is employed by %(employer)s on %(date)s; the results "
                "of the accompaniment are due.",
                employer=self.employer_id.name,
                date=format_date(self.env, self.employment_date),
            ),
            subtype_xmlid="mail.mt_note",
        )
        return True

    @api.model
    def _cron_expire(self, today=None, batch_size=500):
        """End the accompaniment of cases whose certificate term is over.

        By batches of ``batch_size`` cases, one transition per end date
        within a batch. The batch's rows are locked with SKIP LOCKED (a
        second cron worker takes other cases); in the scheduled action each
        batch is committed (``_commit_progress``), so a restart goes on with
        the cases left.
        """
        today = fields.Date.to_date(today) or centre_today(self)
        # the daily job ends the cases of every centre
        Case = self.sudo()
        domain = [("state", "=", "active"), ("date_end", "<", today)]
        commit_progress = self.env.context.get("ir_cron_progress_id") and (
            self.env["ir.cron"]._commit_progress
        )
        expired = Case.browse()
        while True:
            cases = Case.search(domain, order="id", limit=batch_size)
            cases = cases.try_lock_for_update(allow_referencing=True)
            if not cases:
                break
            for date_end, group in cases.grouped("date_end").items():
                group._mgp_end_service("expire", {}, date_end)
            expired |= cases
            if commit_progress and not commit_progress(
                len(cases), remaining=Case.search_count(domain)
            ):
                break
        return expired.with_env(self.env)

    def action_terminate(self, reason, note=None, termination_date=None):
        """Stop the service with ``reason`` (a reason of the catalogue: a
        record, its id or its code) and notify the citizen; a reason meaning
        «no need» ends it with the no-need notice."""
        Reason = self.env["mgp.accompaniment.termination.reason"]
        try:
            reason = Reason._mgp_get(reason)
        except UserError:
            raise UserError(self.env._("Unknown termination reason.")) from None
        for case in self:
            termination_date = case._mgp_check_action_date(
                termination_date,
                after=[
                    (case.plan_agreed_date, self.env._("the plan agreement")),
                    (case.need_decision_date, self.env._("the need decision")),
                    (case.certificate_date, self.env._("the certificate")),
                ],
                label=self.env._("The end of the service"),
            )
            case._mgp_end_service(
                "terminate_no_need" if reason.no_need else "action_terminate",
                {"termination_reason_id": reason.id, "termination_note": note or False},
                termination_date,
            )
        return True

    # ------------------------------------------------------------------
    # Results
    # ------------------------------------------------------------------
    def _mgp_results_due(self):
        """Results are reported for an accompaniment that began (certificate
        issued) and ended: employed, expired or terminated."""
        self.ensure_one()
        return self.state in CLOSED_STATES and bool(self.certificate_number)

    def _mgp_transition_deadline_codes(self, transition):
        close, cancel, to_open = super()._mgp_transition_deadline_codes(transition)
        if "s1_results" in to_open and not (
            self._mgp_results_due() and not self.results_complete
        ):
            # nothing to report, or every result recorded already
            to_open = tuple(code for code in to_open if code != "s1_results")
        return close, cancel, to_open

    def _mgp_check_results_complete(self, done_date=None):
        """Close ``s1_results`` when every line has its result."""
        for case in self:
            if case._mgp_results_due() and case.results_complete:
                case._mgp_deadline_close("s1_results", done_date or centre_today(case))
        return True
