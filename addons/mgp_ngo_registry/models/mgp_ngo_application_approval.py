# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
# pylint: disable=consider-merging-classes-inherited
from odoo import fields, models
from odoo.exceptions import UserError


class MgpNgoApplication(models.Model):
    """What the approval of an application needs and what it copies to the
    organisation of the registry."""

    _inherit = "mgp.ngo.application"

    def _mgp_missing_for_approval(self):
        """What the application still lacks to be approved: the trained
        staff with the activities each employee may perform, and the order
        and conditions of assistance (territory, schedule, forms of
        assistance, accessibility of the premises)."""
        self.ensure_one()
        missing = []
        if not self.staff_ids:
            missing.append(self.env._("trained staff (at least one employee)"))
        else:
            without = self.staff_ids.filtered(lambda staff: not staff.activity_ids)
            if without:
                missing.append(
                    self.env._(
                        "the activities each employee may perform (%s)",
                        ", ".join(without.mapped("name")),
                    )
                )
        if not (self.territory_state_ids or (self.territory or "").strip()):
            missing.append(
                self.env._("the territory served (regions or municipalities)")
            )
        if not (self.schedule_slot_ids or (self.schedule or "").strip()):
            missing.append(self.env._("the schedule of assistance"))
        if not self.help_form_ids:
            missing.append(self.env._("the forms of assistance"))
        if not (self.accessibility or "").strip():
            missing.append(self.env._("the accessibility of the premises"))
        if (
            self.inclusion_basis == "social_order"
            and not (self.social_order_ref or "").strip()
        ):
            missing.append(
                self.env._("the social order the organisation takes part in")
            )
        return missing

    def _mgp_check_approval_requirements(self):
        for application in self:
            missing = application._mgp_missing_for_approval()
            if missing:
                raise UserError(
                    self.env._(
                        "Application %(application)s cannot be approved: "
                        "missing %(missing)s.",
                        application=application.name,
                        missing="; ".join(missing),
                    )
                )

    def _check_registry_duplicate(self, partner):
        """Refuse to include a second organisation with the INN of one that
        is already known to the registry (e.g. a new representative who
        applied in the portal for an organisation of the registry)."""
        self.ensure_one()
        own_inn = "".join((partner.vat or "").split())
        if own_inn and own_inn != self.inn:
            raise UserError(
                self.env._(
                    "The INN %(inn)s of application %(application)s differs from "
                    "the INN %(own)s of the organisation %(name)s.",
                    inn=self.inn,
                    application=self.name,
                    own=own_inn,
                    name=partner.display_name,
                )
            )
        inn = partner.vat or self.inn
        duplicate = self.env["res.partner"].search(
            [
                ("id", "!=", partner.id),
                ("is_company", "=", True),
                ("vat", "=", inn),
                ("mgp_ngo_state", "!=", "none"),
            ],
            limit=1,
        )
        if duplicate:
            raise UserError(
                self.env._(
                    "The organisation %(name)s with the INN %(inn)s is already "
                    "known to the NGO registry: link application %(application)s "
                    "to it before approving.",
                    name=duplicate.display_name,
                    inn=inn,
                    application=self.name,
                )
            )

    def _mgp_ensure_partner(self):
        """The organisation of the application, found by INN or created."""
        self.ensure_one()
        if self.partner_id:
            return self.partner_id
        Partner = self.env["res.partner"]
        partner = Partner.search(
            [("is_company", "=", True), ("vat", "=", self.inn)], limit=1
        )
        if not partner:
            partner = Partner.create(self._prepare_new_partner_vals())
        self.partner_id = partner
        return partner

    def _prepare_new_partner_vals(self):
        self.ensure_one()
        return {
            "name": self.org_name,
            "is_company": True,
            "vat": self.inn,
            "company_registry": self.ogrn,
            "street": self.address,
            "phone": self.phone,
            "email": self.email,
            "country_id": self.env.ref("base.ru").id,
            "state_id": self.territory_state_ids[:1].id or self.company_id.state_id.id,
        }

    def _prepare_partner_vals(self):
        """Registry data copied to the organisation on approval."""
        self.ensure_one()
        partner = self.partner_id
        vals = {
            "mgp_ngo_activity_ids": [fields.Command.set(self.mgp_activity_ids.ids)],
            "mgp_ngo_conditions": self.conditions,
            "mgp_ngo_schedule": self.schedule,
            "mgp_ngo_schedule_slot_ids": [
                fields.Command.set(self.schedule_slot_ids.ids)
            ],
            "mgp_ngo_help_form_ids": [fields.Command.set(self.help_form_ids.ids)],
            "mgp_ngo_accessibility": self.accessibility,
            "mgp_ngo_accessibility_ids": [
                fields.Command.set(self.accessibility_ids.ids)
            ],
            "mgp_ngo_territory": self.territory,
            "mgp_ngo_capacity": self.capacity,
            "mgp_ngo_territory_state_ids": [
                fields.Command.set(self.territory_state_ids.ids)
            ],
            "mgp_ngo_staff_ids": [
                fields.Command.delete(staff.id) for staff in partner.mgp_ngo_staff_ids
            ]
            + [
                fields.Command.create(values)
                for values in self.staff_ids._mgp_prepare_copy_vals(partner)
            ],
        }
        if self.inclusion_basis == "social_order":
            vals["mgp_ngo_social_order_ref"] = self.social_order_ref.strip()
        if not partner.vat:
            vals["vat"] = self.inn
        if not partner.company_registry and self.ogrn:
            vals["company_registry"] = self.ogrn
        if not partner.state_id:
            vals["state_id"] = (
                self.territory_state_ids[:1].id or self.company_id.state_id.id
            )
        return vals
