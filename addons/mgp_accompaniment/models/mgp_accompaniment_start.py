# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
# pylint: disable=consider-merging-classes-inherited
"""What the start of a case and its need decision rest on (seed 000): the
individual employment plan (ИПСЗ) agreed by the citizen, his registration as
a job seeker or unemployed, and the basis of the need decision — the ИПРА
extract, the МСЭ bureau's recommendations, or «по аналогии с ранее
представленным сервисом»."""

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.mgp_base.models.res_partner import JOBSEEKER_STATUSES

from .mgp_accompaniment import CLOSED_STATES, SPECIALIST, _to_id

PLAN_KINDS = [("plan", "Plan"), ("change", "Change of the plan")]
NEED_BASES = [
    ("ipra", "IPRA extract"),
    ("mse", "Recommendations of the MSE bureau"),
    ("analogy", "By analogy with a service provided earlier"),
]
PERSON_JOBSEEKER_FIELDS = (
    "mgp_jobseeker_status",
    "mgp_jobseeker_date",
    "mgp_jobseeker_application",
    "mgp_jobseeker_application_date",
)


class MgpAccompaniment(models.Model):
    _inherit = "mgp.accompaniment"
    _mgp_protected_fields = ("need_basis", "need_analogy_case_id")

    # the ИПСЗ that includes the measure: the service starts from its
    # agreement (plan_agreed_date)
    mgp_plan_number = fields.Char(
        string="Employment plan number",
        tracking=True,
        help="Number of the individual employment plan (ИПСЗ) that includes "
        "the measure.",
    )
    mgp_plan_kind = fields.Selection(
        PLAN_KINDS,
        string="Plan document",
        help="The plan itself or a change of the plan.",
    )
    need_basis = fields.Selection(
        NEED_BASES,
        string="Need decided on the basis of",
        readonly=True,
        copy=False,
        groups=SPECIALIST,
    )
    need_analogy_case_id = fields.Many2one(
        "mgp.accompaniment",
        string="Earlier case (analogy)",
        readonly=True,
        copy=False,
        groups=SPECIALIST,
        help="The service provided earlier by analogy with which the need was decided.",
    )
    person_case_ids = fields.Many2many(
        "mgp.accompaniment",
        string="Earlier cases of the person",
        compute="_compute_person_case_ids",
        groups=SPECIALIST,
    )
    # the person's registration as a job seeker, shown to those who need to
    # know it (the same guard as the IPRA data)
    person_jobseeker_status = fields.Selection(
        JOBSEEKER_STATUSES,
        string="Job seeker status",
        compute="_compute_person_jobseeker",
        groups=SPECIALIST,
    )
    person_jobseeker_date = fields.Date(
        string="Registered on", compute="_compute_person_jobseeker", groups=SPECIALIST
    )
    person_jobseeker_application = fields.Char(
        string="Job-search application",
        compute="_compute_person_jobseeker",
        groups=SPECIALIST,
    )
    person_jobseeker_application_date = fields.Date(
        string="Application date",
        compute="_compute_person_jobseeker",
        groups=SPECIALIST,
    )

    @api.depends("partner_id")
    @api.depends_context("uid")
    def _compute_person_jobseeker(self):
        allowed = self.partner_id._mgp_person_data_allowed()
        if not self.env.su:
            self.env["res.partner"]._mgp_journal_read(
                allowed,
                PERSON_JOBSEEKER_FIELDS,
                case=self if len(self) == 1 and isinstance(self.id, int) else None,
            )
        for case in self:
            # read as superuser, shown only when ``allowed`` (above)
            person = case.partner_id.sudo() if case.partner_id in allowed else None
            case.person_jobseeker_status = person and person.mgp_jobseeker_status
            case.person_jobseeker_date = person and person.mgp_jobseeker_date
            case.person_jobseeker_application = (
                person and person.mgp_jobseeker_application
            )
            case.person_jobseeker_application_date = (
                person and person.mgp_jobseeker_application_date
            )

    @api.depends("partner_id")
    def _compute_person_case_ids(self):
        # the person's other cases the user may read, closed first: what the
        # specialist decides «по аналогии» with
        cases = self.search(
            [("partner_id", "in", self.partner_id.ids)], order="plan_agreed_date desc"
        )
        for case in self:
            case.person_case_ids = cases.filtered(
                lambda c, case=case: c.partner_id == case.partner_id and c.id != case.id
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._mgp_check_jobseekers(vals_list)
        return super().create(vals_list)

    @api.model
    def _mgp_check_jobseekers(self, vals_list):
        """The measure is for a person registered as a job seeker or
        unemployed (seed 000): a person removed from the register, or
        registered after the plan's agreement, is refused."""
        partners = self.env["res.partner"].browse(
            {vals["partner_id"] for vals in vals_list if vals.get("partner_id")}
        )
        # the check reads the registration whatever the user's need to
        # know; the message names no data
        data = {p.id: p for p in partners.sudo()}
        for vals in vals_list:
            person = data.get(vals.get("partner_id"))
            if not person:
                continue
            if person.mgp_jobseeker_status == "deregistered":
                raise UserError(
                    self.env._(
                        "%s is removed from the register of job seekers: the "
                        "service is provided to a person registered as a job "
                        "seeker or unemployed.",
                        person.with_env(self.env).display_name,
                    )
                )
            plan_date = fields.Date.to_date(vals.get("plan_agreed_date"))
            if (
                person.mgp_jobseeker_date
                and plan_date
                and (person.mgp_jobseeker_date > plan_date)
            ):
                raise UserError(
                    self.env._(
                        "The employment plan cannot be agreed before the "
                        "registration of %s as a job seeker.",
                        person.with_env(self.env).display_name,
                    )
                )

    def action_decide_need_by_analogy(self, earlier_case, decision_date=None):
        """Decide the need «по аналогии с ранее представленным сервисом»:
        as in the person's earlier case, whose need was decided."""
        self.ensure_one()
        earlier = self.browse(_to_id(earlier_case) or []).exists()
        if (
            not earlier
            or earlier == self
            or earlier.partner_id != self.partner_id
            or earlier.state not in CLOSED_STATES
            or earlier.need not in ("needed", "not_needed")
        ):
            raise UserError(
                self.env._(
                    "Choose an earlier, closed case of the same person whose "
                    "need was decided."
                )
            )
        if self.state != "new":
            raise UserError(
                self.env._(
                    "A decision by analogy is taken from the IPRA data, before "
                    "any request to the MSE bureau."
                )
            )
        self.action_decide_need(earlier.need == "needed", decision_date)
        self._mgp_engine_write(
            {"need_basis": "analogy", "need_analogy_case_id": earlier.id}
        )
        self._mgp_post_note(
            self.env._(
                "Need decided by analogy with the earlier case %s.", earlier.name
            )
        )
        return True

    def action_decide_need(self, needed, decision_date=None):
        on_mse = {case: case.state == "mse" for case in self}
        result = super().action_decide_need(needed, decision_date=decision_date)
        for case in self:
            case._mgp_engine_write({"need_basis": "mse" if on_mse[case] else "ipra"})
        return result
