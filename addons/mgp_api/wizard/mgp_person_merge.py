# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.mgp_accompaniment.models.mgp_accompaniment import OPEN_STATES

PLAN_CLOSED_STATES = ("sent", "cancelled")


class MgpPersonMerge(models.TransientModel):
    """Merge two records of one human: every case, plan, complaint, request
    and document of the duplicate goes to the person kept (Odoo's own
    contact merge moves every reference), journaled on the person kept."""

    _name = "mgp.person.merge"
    _description = "Merge Two Persons"

    partner_id = fields.Many2one(
        "res.partner",
        string="Person kept",
        required=True,
        default=lambda self: self.env.context.get("mgp_merge_partner_id"),
    )
    duplicate_id = fields.Many2one(
        "res.partner",
        string="Duplicate (removed)",
        required=True,
        default=lambda self: self.env.context.get("mgp_merge_duplicate_id"),
    )

    @api.model
    def _mgp_open_service_counts(self, partners):
        """``{partner: (open service-1 cases, open workplace plans)}``."""
        # counts only, whoever the cases belong to: a merge must see them all
        cases = (
            self.env["mgp.accompaniment"]
            .sudo()
            ._read_group(
                [("partner_id", "in", partners.ids), ("state", "in", OPEN_STATES)],
                ["partner_id"],
                ["__count"],
            )
        )
        plans = (
            self.env["mgp.workplace.plan"]
            .sudo()
            ._read_group(
                [
                    ("partner_id", "in", partners.ids),
                    ("state", "not in", PLAN_CLOSED_STATES),
                ],
                ["partner_id"],
                ["__count"],
            )
        )
        case_counts = {partner.id: count for partner, count in cases}
        plan_counts = {partner.id: count for partner, count in plans}
        return {
            partner: (case_counts.get(partner.id, 0), plan_counts.get(partner.id, 0))
            for partner in partners
        }

    def action_merge(self):
        self.ensure_one()
        self.partner_id._mgp_check_merge_group()
        kept, duplicate = self.partner_id, self.duplicate_id
        if kept == duplicate:
            raise UserError(self.env._("Choose two different persons."))
        if kept.is_company or duplicate.is_company:
            raise UserError(
                self.env._("Only persons can be merged, not organisations.")
            )
        counts = self._mgp_open_service_counts(kept | duplicate)
        if counts[kept][0] and counts[duplicate][0]:
            raise UserError(
                self.env._(
                    "Both persons have an open case of the service «accompaniment "
                    "at employment»: end one of them before merging."
                )
            )
        if counts[kept][1] and counts[duplicate][1]:
            raise UserError(
                self.env._(
                    "Both persons have an open plan of accompaniment at the "
                    "workplace: end one of them before merging."
                )
            )
        # the СНИЛС is unique: move it only once the duplicate has none
        Person = self.env["res.partner"].sudo()  # merge is the engine's path
        snils = not kept.sudo().mgp_snils and duplicate.sudo().mgp_snils
        if snils:
            Person.browse(duplicate.id).write({"mgp_snils": False})
        label = duplicate.display_name
        # Odoo's contact merge moves every reference (cases, plans,
        # complaints, requests, attachments, messages) to the person kept
        self.env["base.partner.merge.automatic.wizard"].sudo()._merge(
            [duplicate.id, kept.id], Person.browse(kept.id), extra_checks=False
        )
        if snils:
            Person.browse(kept.id).write({"mgp_snils": snils})
        elif kept.sudo().mgp_snils:
            # a pending match is settled: the flag is recomputed without the
            # duplicate
            Person.browse(kept.id).write({"mgp_snils": kept.sudo().mgp_snils})
        kept.message_post(
            body=self.env._(
                "%(duplicate)s (#%(id)s) merged into this person by %(user)s.",
                duplicate=label,
                id=duplicate.id,
                user=self.env.user.name,
            )
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "res.partner",
            "res_id": kept.id,
            "view_mode": "form",
        }
