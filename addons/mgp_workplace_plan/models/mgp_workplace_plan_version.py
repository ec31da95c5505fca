# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .mgp_workplace_plan import FROZEN_LINE_STATES, MENTOR_ACTIVITY


class MgpWorkplacePlan(models.Model):
    """The plan itself: drafted once the analysis is done, discussed with
    the employer, corrected in a new version (the old one stays as it was)
    and sent to the employer and the worker."""

    # the model is split by concern (issue 17 §6)
    # pylint: disable-next=consider-merging-classes-inherited
    _inherit = "mgp.workplace.plan"
    _mgp_protected_fields = (
        "discussion_date",
        "send_date",
        "version",
        "previous_version_id",
        "origin_id",
    )

    version = fields.Integer(default=1, readonly=True, copy=False)
    previous_version_id = fields.Many2one(
        "mgp.workplace.plan", string="Previous version", readonly=True, copy=False
    )
    origin_id = fields.Many2one(
        "mgp.workplace.plan",
        string="First version",
        readonly=True,
        index=True,
        copy=False,
    )
    version_ids = fields.Many2many(
        "mgp.workplace.plan",
        string="Versions",
        compute="_compute_version_ids",
    )
    discussion_date = fields.Date(string="Draft sent for discussion", tracking=True)
    send_date = fields.Date(string="Plan sent", tracking=True)

    _name_company_uniq = models.Constraint(
        "UNIQUE(company_id, name, version)",
        "A plan with this number and version exists in the centre.",
    )

    @api.depends("origin_id")
    def _compute_version_ids(self):
        origins = self.mapped(lambda p: p.origin_id.id or p.id)
        groups = self.search_fetch(
            ["|", ("id", "in", origins), ("origin_id", "in", origins)],
            ["origin_id"],
            order="version",
        )
        for plan in self:
            origin = plan.origin_id.id or plan.id
            plan.version_ids = groups.filtered(
                lambda p, o=origin: (p.origin_id.id or p.id) == o
            )

    def action_start_draft(self, analysis_date=None):
        """The analysis is done: the plan is drafted within s2_plan."""
        self.ensure_one()
        if self.mse_request_id and self.mse_request_id.state != "answered":
            raise UserError(
                self.env._("The analysis waits for the answer of the MSE bureau.")
            )
        analysis_date = self._mgp_check_action_date(
            analysis_date,
            after=[
                (self.response_date, self.env._("the employer's answer")),
                (self.mse_request_id.date_answer, self.env._("the MSE answer")),
            ],
            label=self.env._("The analysis"),
        )
        self._mgp_transition(
            "action_start_draft", {"analysis_date": analysis_date}, date=analysis_date
        )
        return True

    def action_to_discussion(self):
        """Show the draft to the employer in its portal."""
        self.ensure_one()
        self._mgp_check_lines()
        self._mgp_transition(
            "action_to_discussion", {"discussion_date": self._mgp_today()}
        )
        return True

    def action_revise(self):
        """Correct the plan in a new version; this one stays as it is.

        :return: the new version
        """
        self.ensure_one()
        # replaced first: one open version of the plan at a time
        self._mgp_transition("action_revise")
        new = self._mgp_engine_create(self._mgp_revision_vals())
        # the procedure goes on in the new version: its deadline follows
        # (deadlines are the engine's bookkeeping, no user writes them)
        self.deadline_ids.filtered(
            lambda d: d.state == "open"
        ).sudo()._mgp_engine_write({"res_id": new.id})
        (self | new).invalidate_recordset(["deadline_ids"])
        self._mgp_post_note(self.env._("Replaced by version %s.", new.version))
        return new

    def _mgp_revision_vals(self):
        """The values of the next version: this one's, in a new draft."""
        self.ensure_one()
        copied = (
            "trajectory",
            "employer_id",
            "partner_id",
            "company_id",
            "user_id",
            "accompaniment_id",
            "name",
            "offer_date",
            "offer_received_date",
            "response",
            "response_date",
            "appeal_date",
            "appeal_channel",
            "disability_confirmed",
            "disability_request_id",
            "mse_request_id",
            "analysis_date",
            "analysis_note",
            "worker_name",
            "worker_snils",
            "worker_position",
            "worker_hire_date",
            "help_expected",
            "contact_name",
            "contact_phone",
            "contact_email",
        )
        vals = self._convert_to_write({name: self[name] for name in copied})
        vals.update(
            {
                "state": "draft",
                "version": self.version + 1,
                "previous_version_id": self.id,
                "origin_id": (self.origin_id or self).id,
                "line_ids": [
                    (0, 0, line._mgp_revision_vals()) for line in self.line_ids
                ],
            }
        )
        return vals

    def action_revise_open(self):
        return self._mgp_form_action(self.action_revise())

    def action_send(self, send_date=None):
        """Send the final plan to the employer and to the worker."""
        self.ensure_one()
        self._mgp_send(send_date)
        self._mgp_post_plan_sent()
        return True

    def _mgp_send(self, send_date=None):
        """The transition of the sending, without the form posted (the demo
        data sends plans so, no report server running)."""
        self.ensure_one()
        self._mgp_check_lines()
        send_date = self._mgp_check_action_date(
            send_date,
            after=[(self.analysis_date, self.env._("the analysis"))],
            label=self.env._("The sending of the plan"),
        )
        self._mgp_transition("action_send", {"send_date": send_date}, date=send_date)

    def _mgp_post_plan_sent(self):
        """The form goes to the employer and the worker, with the printed
        plan attached."""
        self.ensure_one()
        attachment = self._mgp_plan_attachment()
        template = self.env.ref("mgp_workplace_plan.mail_template_plan_sent")
        for partner in self.employer_id | self.partner_id:
            self.message_post_with_source(
                template,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                partner_ids=partner.ids if partner.email else [],
                attachment_ids=attachment.ids,
            )

    def _mgp_plan_attachment(self):
        self.ensure_one()
        report = self.env.ref("mgp_workplace_plan.action_report_workplace_plan")
        # the form reads the worker's data the sender may not read field by
        # field; access to the plan was checked by the action
        content, _type = report.sudo()._render_qweb_pdf(report, self.ids)
        return self.env["ir.attachment"].create(
            {
                "name": f"plan_{self.name.replace('/', '-')}_v{self.version}.pdf",
                "raw": content,
                "mimetype": "application/pdf",
                "res_model": self._name,
                "res_id": self.id,
            }
        )

    # ------------------------------------------------------------------
    # The activities of the plan
    # ------------------------------------------------------------------
    def _mgp_check_lines_editable(self):
        """The activities change while the plan is drafted; the draft shown
        to the employer and the sent plan change only in a new version."""
        closed = self.filtered(lambda p: p.state in FROZEN_LINE_STATES)
        if closed and not self.env.su:
            raise UserError(
                self.env._(
                    "The activities of plan %s cannot be changed any more: "
                    "correct the plan through a new version.",
                    closed[0].display_name,
                )
            )
        if self.env.user.share and not self.env.su:
            raise AccessError(self.env._("Only the centre edits the plan."))

    def _mgp_check_lines(self):
        if not self.line_ids:
            raise UserError(self.env._("Add at least one activity to the plan."))
        mentor = self.env.ref(MENTOR_ACTIVITY, raise_if_not_found=False)
        missing = self.line_ids.filtered(
            lambda line: line.activity_id == mentor and not line.mentor
        )
        if missing:
            raise UserError(
                self.env._("Name the mentor of the activity «%s».", mentor.name)
            )
