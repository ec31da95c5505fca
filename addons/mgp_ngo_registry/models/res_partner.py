# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re

from stdnum.exceptions import ValidationError as StdnumError
from stdnum.ru import inn as stdnum_inn
from stdnum.ru import ogrn as stdnum_ogrn

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.mgp_base.models.mgp_today import centre_today
from odoo.addons.mgp_base.models.mgp_transition import Transition

MANAGER = "mgp_base.group_manager"

NGO_STATES = [
    ("none", "Not in the registry"),
    ("included", "Included"),
    ("excluded", "Excluded"),
]


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "mgp.protected.mixin"]
    # Odoo's own computed fields of a contact stay Odoo's
    _mgp_computed_protected = False
    # the registry entry changes only by inclusion (manager, or an approved
    # application) and exclusion (manager)
    _mgp_protected_fields = (
        "mgp_ngo_state",
        "mgp_ngo_registry_number",
        "mgp_ngo_included_date",
        "mgp_ngo_basis",
        "mgp_ngo_social_order_ref",
        "mgp_ngo_excluded_date",
        "mgp_ngo_exclusion_reason",
    )
    # the registry status is the partner's one state of a transition table:
    # the table and the refusal of a direct write concern this field only,
    # every other field of a partner is written as Odoo writes it
    _mgp_state_field = "mgp_ngo_state"
    _mgp_transitions = {
        # a manager includes an organisation with a contract or agreement,
        # or re-includes an excluded one
        "action_mgp_ngo_include": Transition(("none", "excluded"), "included", MANAGER),
        # the approval of an application (by a manager) includes it
        "mgp_ngo_include": Transition(("none", "excluded"), "included", MANAGER),
        "mgp_ngo_exclude": Transition(("included",), "excluded", MANAGER),
        "action_mgp_ngo_open_exclude_wizard": Transition(("included",), group=MANAGER),
    }

    mgp_ngo_state = fields.Selection(
        NGO_STATES,
        string="NGO registry status",
        required=True,
        default="none",
        copy=False,
        index=True,
        tracking=True,
    )
    mgp_ngo_registry_number = fields.Char(
        string="Registry number", copy=False, index=True, tracking=True
    )
    mgp_ngo_included_date = fields.Date(string="Included on", copy=False, tracking=True)
    mgp_ngo_basis = fields.Selection(
        [
            ("contract", "Existing contract or agreement"),
            ("application", "Application"),
            # an executor of the state social order (Федеральный закон от
            # 13.07.2020 № 189-ФЗ): the registry is pre-filled with them
            ("social_order", "Participant of the social order (189-FZ)"),
        ],
        string="Basis of inclusion",
        copy=False,
        tracking=True,
    )
    mgp_ngo_social_order_ref = fields.Char(
        string="Social order",
        copy=False,
        tracking=True,
        help="The social order (Federal Law 189-FZ) in which the organisation "
        "takes part: the register of its executors or the agreement, with its "
        "number and date.",
    )
    mgp_ngo_excluded_date = fields.Date(string="Excluded on", copy=False, tracking=True)
    mgp_ngo_exclusion_reason = fields.Text(
        string="Reason for exclusion", copy=False, tracking=True
    )
    mgp_ngo_activity_ids = fields.Many2many(
        "mgp.activity",
        "res_partner_mgp_ngo_activity_rel",
        "partner_id",
        "activity_id",
        string="Activities performed",
        domain=[("service", "=", "employment")],
        help="Activities of accompaniment at employment the organisation can perform.",
    )
    mgp_ngo_staff_ids = fields.One2many(
        "mgp.ngo.staff", "partner_id", string="Trained staff"
    )
    mgp_ngo_capacity = fields.Integer(
        string="Capacity (cases at once)",
        help="How many disabled persons the organisation can accompany at the "
        "same time (0: not limited).",
    )
    mgp_ngo_conditions = fields.Text(
        string="Order and conditions of assistance",
    )
    mgp_ngo_schedule = fields.Text(
        string="Schedule of assistance",
        help="Days and hours when the organisation provides assistance.",
    )
    mgp_ngo_schedule_slot_ids = fields.Many2many(
        "mgp.ngo.schedule.slot",
        "res_partner_mgp_ngo_schedule_slot_rel",
        "partner_id",
        "slot_id",
        string="Periods of assistance",
        help="The periods of the week in which the organisation provides "
        "assistance: the ranking matches them against those in which the "
        "person can be assisted.",
    )
    mgp_ngo_help_form_ids = fields.Many2many(
        "mgp.ngo.help.form",
        "res_partner_mgp_ngo_help_form_rel",
        "partner_id",
        "help_form_id",
        string="Forms of assistance",
    )
    mgp_ngo_accessibility = fields.Text(
        string="Accessibility of the premises",
        help="What makes the organisation's premises accessible to disabled "
        "persons (entrance, ramps and lifts, accessible toilet, parking).",
    )
    mgp_ngo_accessibility_ids = fields.Many2many(
        "mgp.ngo.accessibility",
        "res_partner_mgp_ngo_accessibility_rel",
        "partner_id",
        "accessibility_id",
        string="Accessibility features",
        help="Features of the premises the ranking matches against the "
        "impaired functions of the person.",
    )
    mgp_ngo_territory_state_ids = fields.Many2many(
        "res.country.state",
        "res_partner_mgp_ngo_territory_rel",
        "partner_id",
        "state_id",
        string="Regions served",
    )
    mgp_ngo_territory = fields.Char(
        string="Municipalities served",
        help="Municipal districts and urban districts where the organisation works.",
    )
    mgp_ngo_contract_ids = fields.One2many(
        "mgp.ngo.contract", "partner_id", string="NGO contracts"
    )
    mgp_ngo_contract_count = fields.Integer(
        string="Contract count", compute="_compute_mgp_ngo_contract_count"
    )

    _mgp_ngo_registry_number_uniq = models.UniqueIndex(
        "(mgp_ngo_registry_number) WHERE mgp_ngo_registry_number IS NOT NULL",
        "This NGO registry number is already used by another organisation.",
    )

    def _compute_mgp_ngo_contract_count(self):
        groups = self.env["mgp.ngo.contract"]._read_group(
            [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
        )
        counts = {partner.id: count for partner, count in groups}
        for partner in self:
            partner.mgp_ngo_contract_count = counts.get(partner.id, 0)

    @api.constrains("vat", "company_registry", "mgp_ngo_state")
    def _check_mgp_ngo_identifiers(self):
        for partner in self.filtered(lambda p: p.mgp_ngo_state != "none"):
            if partner.vat:
                self._mgp_check_inn(partner.vat)
            if partner.company_registry:
                self._mgp_check_ogrn(partner.company_registry)
            self._mgp_check_inn_ogrn_pair(partner.vat, partner.company_registry)

    @api.constrains("mgp_ngo_capacity")
    def _check_mgp_ngo_capacity(self):
        if any(partner.mgp_ngo_capacity < 0 for partner in self):
            raise ValidationError(self.env._("The capacity cannot be negative."))

    def action_mgp_ngo_view_contracts(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("NGO contracts"),
            "res_model": "mgp.ngo.contract",
            "view_mode": "list,form",
            "domain": [("partner_id", "=", self.id)],
            "context": {"default_partner_id": self.id},
        }

    def action_mgp_ngo_include(self):
        """Include organisations that already have a contract or agreement
        (re-including an excluded one is a manager's decision)."""
        for partner in self:
            partner._mgp_ngo_include(
                partner.mgp_ngo_basis or "contract", name="action_mgp_ngo_include"
            )
        return True

    def action_mgp_ngo_open_exclude_wizard(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Exclude from the NGO registry"),
            "res_model": "mgp.ngo.exclude.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_partner_ids": self.ids},
        }

    def action_mgp_ngo_view_applications(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Applications"),
            "res_model": "mgp.ngo.application",
            "view_mode": "list,form",
            "domain": [("partner_id", "=", self.id)],
            "context": {"default_partner_id": self.id},
        }

    # ------------------------------------------------------------------
    # Registry operations
    # ------------------------------------------------------------------
    def _mgp_ngo_include(self, basis, date=None, vals=None, name="mgp_ngo_include"):
        """Include the organisations in the registry (the transition
        ``name``).

        An organisation keeps its registry number when it is re-included;
        one already included only gets the new data (``vals``).
        """
        date = fields.Date.to_date(date) or centre_today(self)
        if date > centre_today(self):
            raise UserError(self.env._("The inclusion date cannot be in the future."))
        for partner in self:
            if not partner.is_company:
                raise UserError(
                    self.env._(
                        "Only an organisation can be included in the NGO registry."
                    )
                )
            values = dict(vals or {})
            if not (values.get("vat") or partner.vat):
                raise UserError(
                    self.env._(
                        "Enter the INN of %s before including it in the registry.",
                        partner.name,
                    )
                )
            if partner.mgp_ngo_state == "included":
                # already in the registry (e.g. an application updating its
                # data): the number, date and basis of the inclusion stay
                partner._mgp_engine_write(values)
                continue
            values.update(
                {
                    "mgp_ngo_basis": basis,
                    "mgp_ngo_included_date": date,
                    "mgp_ngo_excluded_date": False,
                    "mgp_ngo_exclusion_reason": False,
                }
            )
            if not partner.mgp_ngo_registry_number:
                # the number comes from the region's sequence, not the user
                values["mgp_ngo_registry_number"] = (
                    partner._mgp_ngo_next_registry_number()
                )
            partner._mgp_transition(name, values, date=date)
        return True

    def _mgp_ngo_exclude(self, reason, date=None):
        """Exclude included organisations from the registry (managers)."""
        # the group and the state first: the table's row
        self._mgp_transition_check("mgp_ngo_exclude")
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for the exclusion."))
        date = fields.Date.to_date(date) or centre_today(self)
        if date > centre_today(self):
            raise UserError(self.env._("The exclusion date cannot be in the future."))
        for partner in self:
            if partner.mgp_ngo_included_date and date < partner.mgp_ngo_included_date:
                raise UserError(
                    self.env._("The exclusion date cannot precede the inclusion.")
                )
        self._mgp_transition(
            "mgp_ngo_exclude",
            {
                "mgp_ngo_excluded_date": date,
                "mgp_ngo_exclusion_reason": reason.strip(),
            },
            date=date,
        )
        return True

    def _mgp_ngo_registry_region(self):
        self.ensure_one()
        return self.state_id or self.env.company.state_id

    def _mgp_ngo_registry_sequence(self, region):
        """The registry number sequence of ``region``, created on first use.

        Numbers come from a PostgreSQL sequence (``nextval`` never gives the
        same value twice, even to concurrent transactions). The creation of a
        region's sequence is serialised by updating the row of the general
        registry sequence: a concurrent creator waits, then fails with a
        serialization error and is retried, and finds the new sequence.
        """
        Sequence = self.env["ir.sequence"].sudo()  # technical record
        code = f"mgp.ngo.registry.{region.id}" if region else "mgp.ngo.registry"
        sequence = Sequence.search([("code", "=", code)], order="id", limit=1)
        if sequence:
            return sequence
        # technical record whose row lock serialises the sequence creation
        anchor = self.env.ref("mgp_ngo_registry.seq_mgp_ngo_registry").sudo()
        self.env.cr.execute(
            SQL(
                "UPDATE ir_sequence SET write_date = write_date WHERE id = %s",
                anchor.id,
            )
        )
        sequence = Sequence.search([("code", "=", code)], order="id", limit=1)
        if sequence:
            return sequence
        return Sequence.create(
            {
                "name": self.env._("NGO registry: %s", region.name),
                "code": code,
                "prefix": f"{region.code}-НГО-",
                "padding": 4,
                "implementation": "standard",
                "company_id": False,
            }
        )

    def _mgp_ngo_next_registry_number(self):
        self.ensure_one()
        region = self._mgp_ngo_registry_region()
        return self._mgp_ngo_registry_sequence(region).next_by_id()

    # ------------------------------------------------------------------
    # Identifier checks (shared with the application)
    # ------------------------------------------------------------------
    @api.model
    def _mgp_check_inn(self, value):
        """Return the ИНН digits or raise a clear error."""
        digits = re.sub(r"\s", "", value or "")
        try:
            return stdnum_inn.validate(digits)
        except StdnumError:
            raise ValidationError(
                self.env._(
                    "The INN %s is invalid: it must have 10 digits (12 for an "
                    "individual entrepreneur) with matching check digits.",
                    value,
                )
            ) from None

    @api.model
    def _mgp_check_ogrn(self, value):
        """Return the ОГРН digits or raise a clear error."""
        digits = re.sub(r"\s", "", value or "")
        try:
            return stdnum_ogrn.validate(digits)
        except StdnumError:
            raise ValidationError(
                self.env._(
                    "The OGRN %s is invalid: it must have 13 digits (15 for an "
                    "individual entrepreneur) with a matching check digit.",
                    value,
                )
            ) from None

    @api.model
    def _mgp_check_inn_ogrn_pair(self, inn, ogrn):
        """An organisation has a 10-digit ИНН and a 13-digit ОГРН; an
        individual entrepreneur a 12-digit ИНН and a 15-digit ОГРНИП."""
        inn = re.sub(r"\s", "", inn or "")
        ogrn = re.sub(r"\s", "", ogrn or "")
        if inn and ogrn and {len(inn), len(ogrn)} not in ({10, 13}, {12, 15}):
            raise ValidationError(
                self.env._(
                    "The INN %(inn)s and the OGRN %(ogrn)s do not belong to the "
                    "same kind of organisation: an organisation has a 10-digit "
                    "INN and a 13-digit OGRN, an individual entrepreneur a "
                    "12-digit INN and a 15-digit OGRNIP.",
                    inn=inn,
                    ogrn=ogrn,
                )
            )

    def _mgp_ngo_check_staff_change(self):
        """The trained staff of an organisation in the registry is published
        data: it changes with an approved application (or a superuser job)."""
        included = self.filtered(lambda p: p.mgp_ngo_state == "included")
        if included and not included._mgp_is_granted():
            raise UserError(
                self.env._(
                    "The trained staff of an organisation in the registry changes "
                    "only through an approved application."
                )
            )
