# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .mgp_workplace_plan import MENTOR_ACTIVITY, WORKING_TIME_ACTIVITY

# Seed 004 §5.3: for disabled persons of groups I and II the working time is
# reduced to at most 35 hours a week with full pay.
WORKING_TIME_NOTE = (
    "Для инвалидов I и II групп устанавливается сокращенная продолжительность "
    "рабочего времени не более 35 часов в неделю с сохранением полной оплаты труда."
)
EMPLOYER_FIELDS = {"employer_comment", "proposed_date"}


class MgpWorkplacePlanLine(models.Model):
    """One activity of the plan, from the workplace catalogue."""

    _name = "mgp.workplace.plan.line"
    _description = "Activity of a Workplace Accompaniment Plan"
    _order = "plan_id, sequence, id"

    plan_id = fields.Many2one(
        "mgp.workplace.plan", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    activity_id = fields.Many2one(
        "mgp.activity",
        required=True,
        domain="[('service', '=', 'workplace')]",
    )
    content = fields.Text(
        compute="_compute_content", store=True, readonly=False, precompute=True
    )
    recommended_term = fields.Char(
        compute="_compute_content", store=True, readonly=False, precompute=True
    )
    date_start = fields.Date(string="From")
    date_deadline = fields.Date(string="Until")
    responsible = fields.Char(
        string="Responsible at the employer",
        help="Name and position of the employer's employee in charge.",
    )
    mentor = fields.Char(help="Name and position of the mentor.")
    is_mentor_activity = fields.Boolean(compute="_compute_is_mentor_activity")
    employer_comment = fields.Text(string="Employer's comment")
    proposed_date = fields.Date(string="Term proposed by the employer")

    @api.depends("activity_id")
    def _compute_content(self):
        working_time = self.env.ref(WORKING_TIME_ACTIVITY, raise_if_not_found=False)
        # the disability group words the plan only for whoever may read it:
        # an onchange must not tell anyone else whether a person is of group
        # I or II
        # (a stored compute runs as superuser: ask for the user himself)
        allowed = self.plan_id.partner_id.sudo(False)._mgp_person_data_allowed()
        for line in self:
            content = line.activity_id.content or line.activity_id.name or ""
            person = line.plan_id.partner_id
            group = person in allowed and person.mgp_disability_group
            if line.activity_id == working_time and group in ("1", "2"):
                content = f"{content}\n{WORKING_TIME_NOTE}".strip()
            line.content = content
            line.recommended_term = line.activity_id.recommended_term or False

    @api.depends("activity_id")
    def _compute_is_mentor_activity(self):
        mentor = self.env.ref(MENTOR_ACTIVITY, raise_if_not_found=False)
        for line in self:
            line.is_mentor_activity = line.activity_id == mentor

    @api.constrains("date_start", "date_deadline")
    def _check_dates(self):
        for line in self:
            if (
                line.date_start
                and line.date_deadline
                and line.date_deadline < line.date_start
            ):
                raise UserError(self.env._("An activity cannot end before it starts."))

    @api.model_create_multi
    def create(self, vals_list):
        plans = self.env["mgp.workplace.plan"].browse(
            [vals["plan_id"] for vals in vals_list if vals.get("plan_id")]
        )
        plans._mgp_check_lines_editable()
        return super().create(vals_list)

    def write(self, vals):
        self.plan_id._mgp_check_lines_editable()
        return super().write(vals)

    def unlink(self):
        self.plan_id._mgp_check_lines_editable()
        return super().unlink()

    def _mgp_revision_vals(self):
        self.ensure_one()
        return {
            "sequence": self.sequence,
            "activity_id": self.activity_id.id,
            "content": self.content,
            "recommended_term": self.recommended_term,
            "date_start": self.date_start,
            "date_deadline": self.date_deadline,
            "responsible": self.responsible,
            "mentor": self.mentor,
        }

    def _mgp_portal_comment(self, comment, proposed_date=None):
        """The employer comments the line of a draft under discussion."""
        self.ensure_one()
        plan = self.plan_id
        plan._mgp_portal_check_employer(("discussion",))
        self.check_access("read")
        if not (comment or "").strip() and not proposed_date:
            raise UserError(self.env._("Write a comment or propose a term."))
        # the employer has no write right on plans: only its two fields of
        # the line are written, once its representative is checked
        self.sudo().write(
            {
                "employer_comment": (comment or "").strip(),
                "proposed_date": proposed_date,
            }
        )
        # the portal user may not post on the plan's chatter as a note
        plan.sudo().message_post(
            body=self.env._(
                "Comment of the employer on «%(activity)s»: %(comment)s",
                activity=self.activity_id.name,
                comment=(comment or "").strip()
                or self.env._("term proposed %s", proposed_date),
            ),
            author_id=self.env.user.partner_id.id,
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        return True
