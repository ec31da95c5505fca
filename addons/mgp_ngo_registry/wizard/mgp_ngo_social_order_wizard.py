# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.mgp_base.models.mgp_today import centre_today

ADMIN = "mgp_base.group_admin"


class MgpNgoSocialOrderWizard(models.TransientModel):
    """Pre-fill the registry with the organisations that take part in the
    state social order (Федеральный закон от 13.07.2020 № 189-ФЗ): a
    regional administrator picks them from the list of the social order's
    executors; each is included with the basis «social order» and the
    order it takes part in (an organisation already in the registry keeps
    its number and basis and gets the social order only)."""

    _name = "mgp.ngo.social.order.wizard"
    _description = "Pre-fill the NGO Registry from the Social Order"

    partner_ids = fields.Many2many(
        "res.partner",
        "mgp_ngo_social_order_wizard_partner_rel",
        "wizard_id",
        "partner_id",
        string="Organisations",
        required=True,
        domain=[("is_company", "=", True)],
    )
    social_order_ref = fields.Char(
        string="Social order",
        required=True,
        help="The register of executors of the social order or the agreement, "
        "with its number and date.",
    )
    date = fields.Date(string="Included on", required=True, default=centre_today)
    activity_ids = fields.Many2many(
        "mgp.activity",
        "mgp_ngo_social_order_wizard_activity_rel",
        "wizard_id",
        "activity_id",
        string="Activities performed",
        domain=[("service", "=", "employment")],
        help="Added to the activities of each organisation (those it already "
        "performs stay).",
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if (
            "partner_ids" in fields_list
            and self.env.context.get("active_model") == "res.partner"
        ):
            values["partner_ids"] = [
                fields.Command.set(self.env.context.get("active_ids") or [])
            ]
        return values

    def action_confirm(self):
        self.ensure_one()
        if not self.env.user.has_group(ADMIN):
            raise AccessError(
                self.env._(
                    "Only a regional administrator pre-fills the registry from "
                    "the social order."
                )
            )
        reference = (self.social_order_ref or "").strip()
        if not reference:
            raise UserError(self.env._("Give the social order."))
        if not self.partner_ids:
            raise UserError(self.env._("Choose the organisations."))
        vals = {"mgp_ngo_social_order_ref": reference}
        if self.activity_ids:
            vals["mgp_ngo_activity_ids"] = [
                fields.Command.link(activity.id) for activity in self.activity_ids
            ]
        self.partner_ids._mgp_ngo_include("social_order", date=self.date, vals=vals)
        domain = [("id", "in", self.partner_ids.ids)]
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Participants of the social order"),
            "res_model": "res.partner",
            "view_mode": "list,form",
            "domain": domain,
        }
