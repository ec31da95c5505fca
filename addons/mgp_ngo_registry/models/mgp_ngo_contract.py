# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain

from odoo.addons.mgp_base.models.mgp_today import centre_today
from odoo.addons.mgp_base.models.mgp_transition import Transition

SPECIALIST = "mgp_base.group_specialist"


class MgpNgoContract(models.Model):
    """Contract (or agreement) of the centre with an NGO of the registry.

    An amendment is a new contract record linked to the one it amends
    (``parent_id``); the amended contract stays, marked as superseded once
    the amendment is in force. The interface name ``mgp_activity_ids`` (the
    accompaniment activities covered) excludes ``mail.activity.mixin``.
    """

    _name = "mgp.ngo.contract"
    _description = "NGO Contract"
    _inherit = ["mail.thread", "mgp.protected.mixin"]
    # the status changes with the buttons; the number is given once
    _mgp_protected_fields = ("state",)
    _mgp_create_only_fields = ("number", "company_id", "partner_id", "parent_id")
    # a draft is put in force or cancelled; an amendment in force
    # supersedes the contract it amends, which is amended while in force
    _mgp_transitions = {
        "action_activate": Transition(("draft",), "active", SPECIALIST),
        "action_cancel": Transition(("draft",), "cancelled", SPECIALIST),
        "action_create_amendment": Transition(("active",), group=SPECIALIST),
        "supersede": Transition(("active",), "superseded", SPECIALIST),
    }
    _order = "date desc, id desc"
    _rec_names_search = ["number", "partner_id"]

    number = fields.Char(
        copy=False,
        index=True,
        tracking=True,
        help="Left empty, the number is taken from the contract sequence.",
    )
    date = fields.Date(
        string="Contract date",
        required=True,
        default=centre_today,
        tracking=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="NGO",
        required=True,
        index=True,
        tracking=True,
        domain=[("is_company", "=", True)],
    )
    mgp_activity_ids = fields.Many2many(
        "mgp.activity",
        string="Activities covered",
        domain=[("service", "=", "employment")],
    )
    date_start = fields.Date(string="Valid from", tracking=True)
    date_end = fields.Date(string="Valid until", tracking=True)
    company_id = fields.Many2one(
        "res.company",
        string="Centre",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    _number_company_uniq = models.Constraint(
        "UNIQUE(company_id, number)",
        "A contract with this number exists in the centre.",
    )

    parent_id = fields.Many2one(
        "mgp.ngo.contract",
        string="Amends",
        index=True,
        ondelete="restrict",
        copy=False,
        help="The contract this amendment changes.",
    )
    amendment_ids = fields.One2many(
        "mgp.ngo.contract", "parent_id", string="Amendments"
    )
    amendment_count = fields.Integer(compute="_compute_amendment_count")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("active", "In force"),
            ("superseded", "Superseded"),
            ("cancelled", "Cancelled"),
        ],
        required=True,
        default="draft",
        copy=False,
        tracking=True,
        index=True,
    )
    note = fields.Text()

    @api.depends("amendment_ids")
    def _compute_amendment_count(self):
        for contract in self:
            contract.amendment_count = len(contract.amendment_ids)

    @api.depends("number", "date")
    def _compute_display_name(self):
        for contract in self:
            if contract.date:
                contract.display_name = self.env._(
                    "No. %(number)s of %(date)s",
                    number=contract.number or "",
                    date=contract.date.strftime("%d.%m.%Y"),
                )
            else:
                contract.display_name = contract.number or ""

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for contract in self:
            if (
                contract.date_start
                and contract.date_end
                and contract.date_end < contract.date_start
            ):
                raise ValidationError(
                    self.env._(
                        "The contract period cannot end before it starts "
                        "(contract %s).",
                        contract.number or "",
                    )
                )

    @api.constrains("parent_id", "partner_id")
    def _check_parent(self):
        for contract in self.filtered("parent_id"):
            if contract.parent_id.partner_id != contract.partner_id:
                raise ValidationError(
                    self.env._("An amendment must be concluded with the same NGO.")
                )
        if self._has_cycle("parent_id"):
            raise ValidationError(self.env._("A contract cannot amend itself."))

    @api.model
    def _mgp_prepare_create_vals(self, vals_list):
        vals_list = super()._mgp_prepare_create_vals(vals_list)
        Company = self.env["res.company"]
        for vals in vals_list:
            if not vals.get("number"):
                company = Company.browse(vals.get("company_id")) or self.env.company
                vals["number"] = self._mgp_next_number("mgp.ngo.contract", company)
        return vals_list

    def action_activate(self):
        """Put draft contracts in force; an amendment supersedes its parent."""
        self._mgp_transition("action_activate")
        self.parent_id.filtered(lambda c: c.state == "active")._mgp_transition(
            "supersede"
        )
        return True

    def action_cancel(self):
        self._mgp_transition("action_cancel")
        return True

    def action_create_amendment(self):
        """Open a new draft amendment linked to this contract."""
        self.ensure_one()
        amendment = self._mgp_create_amendment()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": amendment.id,
            "view_mode": "form",
            "target": "current",
        }

    def action_view_amendments(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Amendments"),
            "res_model": self._name,
            "view_mode": "list,form",
            "domain": [("parent_id", "=", self.id)],
            "context": {"default_parent_id": self.id},
        }

    def _mgp_create_amendment(self, vals=None):
        """A draft amendment of an active contract (the contract stays)."""
        self.ensure_one()
        # only a contract in force is amended (the table's row)
        self._mgp_transition_check("action_create_amendment")
        values = {
            "partner_id": self.partner_id.id,
            "parent_id": self.id,
            "mgp_activity_ids": [fields.Command.set(self.mgp_activity_ids.ids)],
            "date_start": self.date_start,
            "date_end": self.date_end,
            "company_id": self.company_id.id,
        }
        values.update(vals or {})
        return self.create(values)

    def _mgp_covers(self, activities, date=None):
        """Whether this contract is in force on ``date`` for ``activities``."""
        self.ensure_one()
        date = fields.Date.to_date(date) or centre_today(self)
        return (
            self.state == "active"
            and (not self.date_start or self.date_start <= date)
            and (not self.date_end or self.date_end >= date)
            and not (activities - self.mgp_activity_ids)
        )

    @api.model
    def _mgp_find_or_create(self, partner, activities, date=None, number=None):
        """The contract in force with ``partner`` covering ``activities``.

        When the NGO has a contract in force that lacks some activities, an
        amendment adding them is concluded; without any contract a new one is
        concluded (numbered ``number`` or from the sequence).
        """
        date = fields.Date.to_date(date) or centre_today(self)
        company = self.env.company
        domain = Domain(
            [
                ("partner_id", "=", partner.id),
                ("state", "=", "active"),
                ("company_id", "=", company.id),
            ]
        ) & (Domain("date_end", "=", False) | Domain("date_end", ">=", date))
        contracts = self.search(domain, order="date desc, id desc")
        covering = contracts.filtered(lambda c: c._mgp_covers(activities, date))
        if covering:
            return covering[:1]
        if contracts:
            base = contracts[:1]
            amendment = base._mgp_create_amendment(
                {
                    "mgp_activity_ids": [
                        fields.Command.set((base.mgp_activity_ids | activities).ids)
                    ],
                    "date": date,
                    "number": number,
                }
            )
            amendment.action_activate()
            return amendment
        contract = self.create(
            {
                "partner_id": partner.id,
                "number": number,
                "date": date,
                "date_start": date,
                "mgp_activity_ids": [fields.Command.set(activities.ids)],
                "company_id": company.id,
            }
        )
        contract.action_activate()
        return contract
