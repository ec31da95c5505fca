# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import format_date


class MgpWorkplacePlan(models.Model):
    """The employer's side: what its representative sees and does from the
    portal cabinet (answer the offer, file an appeal, comment the draft),
    and what the worker sees of his sent plans."""

    # the model is split by concern (issue 17 §6)
    # pylint: disable-next=consider-merging-classes-inherited
    _inherit = "mgp.workplace.plan"

    employer_comment_count = fields.Integer(compute="_compute_employer_comment_count")

    @api.depends("line_ids.employer_comment", "line_ids.proposed_date")
    def _compute_employer_comment_count(self):
        for plan in self:
            plan.employer_comment_count = len(
                plan.line_ids.filtered(
                    lambda line: line.employer_comment or line.proposed_date
                )
            )

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for plan in self:
            plan.access_url = f"/my/workplace/{plan.id}"
        return res

    def _mgp_is_employer_user(self, user=None):
        user = user or self.env.user
        return bool(
            user.share
            and self.employer_id
            and user.partner_id.commercial_partner_id == self.employer_id
        )

    def _mgp_portal_check_employer(self, states=None):
        """The current portal user represents the plan's employer."""
        self.ensure_one()
        self.check_access("read")
        if not self._mgp_is_employer_user():
            raise AccessError(self.env._("This plan belongs to another employer."))
        if states and self.state not in states:
            raise UserError(self.env._("This action is no longer possible."))

    def _mgp_portal_answer(self, accept):
        action = "action_accept_offer" if accept else "action_decline_offer"
        self._mgp_portal_check_employer(self._mgp_transition_get(action).sources)
        # a portal user has no write right on plans: the answer is written
        # by the engine once the employer's representative is checked
        plan = self.sudo()
        getattr(plan, action)()
        plan._mgp_post_note(
            self.env._("Answer given in the portal by %s.", self.env.user.name)
        )
        return True

    @api.model
    def _mgp_portal_file_appeal(self, vals, attachments=()):
        employer = self.env.user.partner_id.commercial_partner_id
        if not (self.env.user.share and employer.is_company):
            raise AccessError(
                self.env._("Only an employer's representative may file an appeal.")
            )
        vals = dict(vals, employer_id=employer.id)
        company_id = vals.get("company_id")
        if company_id and company_id not in self._mgp_portal_companies().ids:
            raise ValidationError(
                self.env._("Choose an employment centre from the list.")
            )
        # a portal user may not create plans: the appeal is registered by
        # the engine for the user's own company only
        plan = self.sudo()._mgp_register_appeal(vals, attachments, channel="portal")
        plan.message_subscribe(partner_ids=self.env.user.partner_id.ids)
        return plan.with_env(self.env)

    @api.model
    def _mgp_portal_appeal_errors(self, vals, attachments=()):
        """What is wrong in an appeal typed in the portal, field by field
        (shown next to each field); an empty dict when it may be filed."""
        errors = {}
        company_id = vals.get("company_id")
        if company_id and company_id not in self._mgp_portal_companies().ids:
            errors["company_id"] = self.env._(
                "Choose an employment centre from the list."
            )
        if not vals.get("worker_name"):
            errors["worker_name"] = self.env._("Give the worker's full name.")
        if not vals.get("worker_snils"):
            errors["worker_snils"] = self.env._("Give the worker's SNILS.")
        else:
            try:
                self.env["res.partner"]._mgp_normalize_snils(vals["worker_snils"])
            except ValidationError as error:
                errors["worker_snils"] = error.args[0]
        Upload = self.env["mgp.upload"]
        for name, content in attachments:
            try:
                Upload._check_upload(name, content)
            except ValidationError as error:
                errors["attachments"] = error.args[0]
        return errors

    @api.model
    def _mgp_portal_companies(self):
        # the list of centres is public information for the appeal form
        return self.env["res.company"].sudo().search([], order="name", limit=200)

    def _mgp_portal_domain(self):
        user = self.env.user
        return Domain("employer_id", "=", user.partner_id.commercial_partner_id.id) | (
            Domain("partner_id", "=", user.partner_id.id) & Domain("state", "=", "sent")
        )

    def _mgp_offer_due_text(self):
        """Last day of the employer's answer window, as text."""
        self.ensure_one()
        # deadlines are the engine's bookkeeping, not readable by the portal
        deadline = self.sudo()._mgp_deadline_get("s2_offer_response")
        if deadline.state != "open":
            return ""
        return format_date(self.env, deadline.date_due)
