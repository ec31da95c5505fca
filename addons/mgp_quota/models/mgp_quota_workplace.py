# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from odoo.addons.mgp_base.models.mgp_transition import Transition

SPECIALIST = "mgp_base.group_specialist"


class MgpQuotaWorkplace(models.Model):
    """A workplace created or allocated in the quota, vacant or occupied.

    Seed 004:28 special workplaces «требующие дополнительных мер по
    организации труда, включая адаптацию основного и вспомогательного
    оборудования»; 004:31, 61 reserved workplaces «по профессиям, наиболее
    подходящим для трудоустройства инвалидов», included in the quota.
    """

    _name = "mgp.quota.workplace"
    _description = "Quota Workplace"
    _inherit = ["mail.thread", "mail.activity.mixin", "mgp.protected.mixin"]
    _order = "employer_id, id"
    # who occupies the workplace is recorded by the hire of a referral
    _mgp_protected_fields = ("state", "occupant_id", "date_occupied")
    _mgp_transitions = {
        # the hire of a referral (mgp.quota.referral)
        "occupy": Transition(("vacant",), "occupied"),
        # the worker left: the workplace is vacant again
        "action_release": Transition(("occupied",), "vacant", SPECIALIST),
        "action_close": Transition(("vacant",), "closed", SPECIALIST),
        "action_reopen": Transition(("closed",), "vacant", SPECIALIST),
    }

    name = fields.Char(string="Position", required=True, tracking=True)
    profession = fields.Char(
        help="The profession of the official lists (seed 004:65) the workplace "
        "is reserved or suited for."
    )
    employer_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        tracking=True,
        domain="[('is_company', '=', True)]",
    )
    company_id = fields.Many2one(
        "res.company",
        string="Centre",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    special = fields.Boolean(
        string="Special workplace",
        tracking=True,
        help="Equipped for the impaired functions of the worker (seed 004:28, 53).",
    )
    reserved = fields.Boolean(
        string="Reserved workplace",
        tracking=True,
        help="Reserved for disabled people trained by referral of the centre "
        "(seed 004:31, 59–78).",
    )
    impaired_function_ids = fields.Many2many(
        "mgp.impaired.function",
        string="Equipped for",
        help="The impaired functions the workplace is equipped for; a referral "
        "checks them against the person's ИПРА.",
    )
    condition_ids = fields.Many2many(
        "mgp.quota.condition",
        string="Working conditions",
        help="The conditions of ГОСТ Р 53873-2010 the workplace provides.",
    )
    hours_per_week = fields.Float(digits=(4, 1), default=40.0)
    salary = fields.Char(string="Pay")
    conditions = fields.Text(string="Other conditions")
    reservation_id = fields.Many2one("mgp.quota.reservation")
    state = fields.Selection(
        [("vacant", "Vacant"), ("occupied", "Occupied"), ("closed", "Closed")],
        required=True,
        default="vacant",
        tracking=True,
    )
    occupant_id = fields.Many2one("res.partner", tracking=True, index=True)
    date_occupied = fields.Date(string="Occupied since")
    referral_ids = fields.One2many("mgp.quota.referral", "workplace_id")
    active = fields.Boolean(default=True)

    @api.depends("name", "employer_id")
    def _compute_display_name(self):
        for workplace in self:
            workplace.display_name = (
                f"{workplace.name} ({workplace.employer_id.name})"
                if workplace.employer_id
                else workplace.name
            )

    def _mgp_occupy(self, person, day):
        """The hired person occupies the workplace."""
        return self._mgp_transition(
            "occupy", {"occupant_id": person.id, "date_occupied": day}
        )

    def action_release(self):
        """The worker left the workplace: it is vacant again (the employment
        stays in the register)."""
        self._mgp_transition(
            "action_release", {"occupant_id": False, "date_occupied": False}
        )
        return True

    def action_close(self):
        """The workplace is no longer offered in the quota."""
        self._mgp_transition("action_close")
        return True

    def action_reopen(self):
        self._mgp_transition("action_reopen")
        return True
