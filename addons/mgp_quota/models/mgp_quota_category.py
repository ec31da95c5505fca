# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.fields import Domain

DISABILITY_GROUPS = [
    ("1", "Group I"),
    ("2", "Group II"),
    ("3", "Group III"),
    ("child", "Disabled child"),
]


class MgpQuotaCategory(models.Model):
    """How many quota places one disabled worker of a category counts for.

    Today's law: a group I disabled person counts as 2 places, and since
    20.11.2025 a disabled veteran of combat operations too (ст. 38 Закона
    № 565-ФЗ as amended). A category in force from a later date counts as
    one place before it.
    """

    _name = "mgp.quota.category"
    _description = "Quota Category of a Disabled Worker"
    _inherit = ["mail.thread"]
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, index=True)
    disability_group = fields.Selection(
        DISABILITY_GROUPS,
        help="A worker of this group gets this category unless another one is "
        "chosen on the report line.",
    )
    weight = fields.Float(
        digits=(4, 2),
        required=True,
        default=1.0,
        tracking=True,
        help="Quota places one worker of this category fills.",
    )
    state_id = fields.Many2one(
        "res.country.state",
        string="Region",
        help="Empty: every region.",
    )
    date_from = fields.Date(string="In force from", tracking=True)
    legal_source = fields.Char(string="Legal source", tracking=True)
    active = fields.Boolean(default=True)

    _code_uniq = models.Constraint(
        "UNIQUE(code, state_id)", "A quota category with this code already exists."
    )
    _weight_positive = models.Constraint(
        "CHECK(weight > 0)", "The weight of a quota category is positive."
    )

    @api.model
    def _mgp_for_group(self, disability_group, state_id=False):
        """The category of a disability group (the region's first)."""
        if not disability_group:
            return self.browse()
        domain = Domain("disability_group", "=", disability_group) & Domain(
            "state_id", "in", [state_id, False] if state_id else [False]
        )
        return self.search(domain, order="state_id, sequence, id").sorted(
            lambda c: not c.state_id
        )[:1]

    def _mgp_weight(self, on_date):
        """The weight on ``on_date``: one place before the category is in
        force."""
        self.ensure_one()
        on_date = fields.Date.to_date(on_date)
        if self.date_from and on_date and on_date < self.date_from:
            return 1.0
        return self.weight
