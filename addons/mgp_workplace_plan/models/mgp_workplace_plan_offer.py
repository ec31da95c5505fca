# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import AccessError

from odoo.addons.mgp_base.models.mgp_today import centre_today

from .mgp_workplace_plan import CLOSED_STATES


class MgpWorkplacePlan(models.Model):
    """Trajectory 1: the offer to the employer after service 1, the
    employer's answer within its window, the offers nobody answered."""

    # the model is split by concern (issue 17 §6)
    # pylint: disable-next=consider-merging-classes-inherited
    _inherit = "mgp.workplace.plan"
    _mgp_protected_fields = (
        "offer_date",
        "offer_received_date",
        "response",
        "response_date",
    )

    offer_date = fields.Date(string="Offer sent", tracking=True)
    offer_received_date = fields.Date(
        string="Offer received by the employer",
        tracking=True,
        help="The employer may ask for a plan within the working days of the "
        "rule s2_offer_response from this date.",
    )
    offer_window_days = fields.Integer(
        string="Answer window (working days)",
        compute="_compute_offer_window_days",
        help="Working days the employer has to answer the offer (rule "
        "s2_offer_response).",
    )
    response = fields.Selection(
        [("accepted", "Accepted"), ("declined", "Declined")],
        string="Employer's answer",
        tracking=True,
    )
    response_date = fields.Date(string="Answer date", tracking=True)

    def _compute_offer_window_days(self):
        # the deadline rules are configuration, shown to the employer too
        Rule = self.env["mgp.deadline.rule"].sudo()
        for plan in self:
            # the variant in force today in the region of the plan's centre
            # (the centre's region is public, the employer reads it too)
            state = plan.company_id.sudo().state_id
            rule = Rule._get_rule("s2_offer_response", state_id=state.id)
            plan.offer_window_days = rule.days or 7

    @api.model
    def _mgp_open_offer(self, case):
        """Open the offer to the employer of the employed citizen of
        ``case`` and notify the employer.

        An open plan of the same worker and employer (an appeal filed
        meanwhile) goes on instead: no second open plan."""
        # whoever may read it: the open plan of another specialist counts
        existing = self.sudo().search(
            [
                ("partner_id", "=", case.partner_id.id),
                ("employer_id", "=", case.employer_id.commercial_partner_id.id),
                ("state", "not in", CLOSED_STATES),
            ],
            limit=1,
        )
        if existing:
            return existing.with_env(self.env)
        today = case._mgp_today()
        plan = self._mgp_engine_create(
            {
                "trajectory": "offer",
                "state": "offered",
                "accompaniment_id": case.id,
                "partner_id": case.partner_id.id,
                "employer_id": case.employer_id.commercial_partner_id.id,
                "company_id": case.company_id.id,
                "user_id": (case.user_id or self.env.user).id,
                "worker_hire_date": case.employment_date,
                "offer_date": today,
                "offer_received_date": today,
            }
        )
        plan._mgp_deadline_open("s2_offer", today)
        # the offer follows the case's action, whose right was checked on
        # the case: it is sent whoever's plan it becomes; delivered to the
        # employer's portal cabinet the same day
        plan.sudo()._mgp_transition("offer_sent", date=today)
        return plan

    def action_set_offer_received(self, received_date):
        """The notice reached the employer otherwise than by the portal:
        its window runs from the day staff record."""
        self.ensure_one()
        received_date = self._mgp_check_action_date(
            received_date,
            after=[(self.offer_date, self.env._("the offer"))],
            label=self.env._("The receipt of the offer"),
        )
        self._mgp_transition(
            "action_set_offer_received",
            {"offer_received_date": received_date},
            date=received_date,
        )
        return True

    def action_accept_offer(self, answer_date=None):
        """The employer asks for a plan: the analysis starts."""
        self.ensure_one()
        self._mgp_check_answer_right()
        answer_date = self._mgp_check_answer_date(answer_date)
        self._mgp_transition(
            "action_accept_offer",
            {"response": "accepted", "response_date": answer_date},
            date=answer_date,
        )
        self._mgp_post_note(self.env._("The employer asked for a plan."))
        return True

    def action_decline_offer(self, answer_date=None):
        """The employer does not need a plan: the offer is closed."""
        self.ensure_one()
        self._mgp_check_answer_right()
        answer_date = self._mgp_check_answer_date(answer_date)
        self._mgp_transition(
            "action_decline_offer",
            {
                "response": "declined",
                "response_date": answer_date,
                "cancel_reason_id": self._mgp_cancel_reason("declined").id,
                "cancel_date": answer_date,
            },
            date=answer_date,
        )
        self._mgp_post_note(self.env._("The employer declined the offer."))
        return True

    def _mgp_check_answer_date(self, answer_date):
        return self._mgp_check_action_date(
            answer_date,
            after=[(self.offer_received_date, self.env._("the receipt of the offer"))],
            label=self.env._("The employer's answer"),
        )

    def _mgp_check_answer_right(self):
        """Staff record an answer given on paper or by phone; a portal user
        answers for its own company only."""
        if self.env.su or self.env.user.has_group("mgp_base.group_specialist"):
            return
        if not self._mgp_is_employer_user():
            raise AccessError(self.env._("Only the employer may answer this offer."))

    @api.model
    def _cron_close_unanswered(self, today=None):
        """Close the offers whose answer window is over («нет отклика»).

        Set-based and idempotent: a second run finds nothing to close."""
        today = fields.Date.to_date(today) or centre_today(self)
        # the daily job closes the offers of every centre
        deadlines = (
            self.env["mgp.deadline"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("code", "=", "s2_offer_response"),
                    ("state", "=", "open"),
                    ("date_due", "<", today),
                ]
            )
        )
        plans = (
            self.sudo()
            .browse(deadlines.mapped("res_id"))
            .filtered_domain([("state", "=", "offered")])
        )
        if not plans:
            return plans
        plans._mgp_transition(
            "close_unanswered",
            {
                "cancel_reason_id": plans._mgp_cancel_reason("no_response").id,
                "cancel_date": today,
            },
            date=today,
        )
        plans._message_log_batch(
            bodies=dict.fromkeys(
                plans.ids,
                self.env._("No response of the employer to the offer: closed."),
            )
        )
        return plans.with_env(self.env)
