# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
# pylint: disable=consider-merging-classes-inherited
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError

from .mgp_access_log import journal_add
from .res_partner import SUITE_GROUP

HOURS_PARAM = "mgp_base.break_glass_hours"
DEFAULT_HOURS = 8


class MgpPersonAccessGrant(models.Model):
    """A temporary need to know, granted to a specialist who opened a person
    outside his cases and stated why ("break-glass"); journaled."""

    _name = "mgp.person.access.grant"
    _description = "Access to Person Data outside the Cases"
    _order = "date desc, id desc"
    _rec_name = "partner_id"

    date = fields.Datetime(required=True, readonly=True)
    date_expiry = fields.Datetime(string="Valid until", required=True, readonly=True)
    user_id = fields.Many2one(
        "res.users", required=True, readonly=True, index=True, ondelete="cascade"
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Person",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
    )
    reason = fields.Text(required=True, readonly=True)
    company_id = fields.Many2one("res.company", string="Centre", readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise AccessError(
                self.env._("Access outside the cases is granted only by its wizard.")
            )
        return super().create(vals_list)

    def write(self, vals):
        if vals:
            raise AccessError(
                self.env._("An access granted outside the cases cannot be changed.")
            )
        return super().write(vals)

    @api.model
    def _mgp_grant(self, partner, reason):
        """Grant the current user the need to know of ``partner`` for the
        configured number of hours, and journal it."""
        param = self.env["ir.config_parameter"].sudo().get_param(HOURS_PARAM)
        try:
            hours = min(max(int(param), 1), 24)
        except (TypeError, ValueError):
            hours = DEFAULT_HOURS
        now = fields.Datetime.now()
        # the wizard's own path: a client creates no grant (create refuses)
        grant = self.sudo().create(
            {
                "date": now,
                "date_expiry": now + relativedelta(hours=hours),
                "user_id": self.env.uid,
                "partner_id": partner.id,
                "reason": reason,
                "company_id": self.env.company.id,
            }
        )
        journal_add(self.env, partner.ids, "break_glass", (), reason=reason)
        return grant.with_env(self.env)


class ResPartner(models.Model):
    _inherit = "res.partner"

    mgp_person_data_readable = fields.Boolean(
        string="Person data readable",
        compute="_compute_mgp_person_data_readable",
        groups=SUITE_GROUP,
    )

    @api.depends_context("uid")
    def _compute_mgp_person_data_readable(self):
        allowed = self._mgp_person_data_allowed()
        for partner in self:
            # a new person holds only what the user typed
            partner.mgp_person_data_readable = not partner.id or partner in allowed

    def _mgp_person_data_allowed(self):
        allowed = super()._mgp_person_data_allowed()
        if self.env.su or not self.env.user.has_group(SUITE_GROUP):
            return allowed
        rest = self.browse([pid for pid in self.ids if pid]) - allowed
        if not rest:
            return allowed
        # the user's own grants, still valid
        groups = (
            self.env["mgp.person.access.grant"]
            .sudo()
            ._read_group(
                [
                    ("partner_id", "in", rest.ids),
                    ("user_id", "=", self.env.uid),
                    ("date_expiry", ">", fields.Datetime.now()),
                ],
                ["partner_id"],
            )
        )
        return allowed | self.browse(partner.id for [partner] in groups)

    def action_mgp_break_glass(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Access outside my cases"),
            "res_model": "mgp.break.glass.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_partner_id": self.id},
        }
