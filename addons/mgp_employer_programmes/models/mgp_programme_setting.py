# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.mgp_base.models.mgp_today import centre_today

SETTING_KINDS = [
    ("subsidy_ceiling", "Subsidy ceiling per workplace"),
    ("subsidy_refund", "Subsidy refund rule"),
    ("business_aid_registration", "One-off aid at state registration"),
    ("business_aid_documents", "Aid for the registration documents"),
    ("training_stipend", "Training stipend per month"),
]
REFUND_METHODS = [
    ("days", "Amount × days of the term not kept / days of the term"),
    ("months", "Amount × full months not kept / 12"),
]


class MgpProgrammeSetting(models.Model):
    """A dated regional figure of the programmes (ceilings, aid amounts,
    the refund rule), set by the regional act — seed 004:106, 004:121,
    004:184–185, 004:212.

    Like the deadline rules, a regional variant replaces the country-wide
    one in its region, and the variant in force on a day is the one with the
    latest ``date_from`` not after it.
    """

    _name = "mgp.programme.setting"
    _description = "Programme Setting"
    _inherit = ["mail.thread"]
    _order = "kind, state_id, date_from desc, id"

    name = fields.Char(required=True, tracking=True)
    kind = fields.Selection(SETTING_KINDS, required=True, index=True, tracking=True)
    state_id = fields.Many2one(
        "res.country.state",
        string="Region",
        index=True,
        tracking=True,
        ondelete="restrict",
        help="The region where this figure applies; empty: every region.",
    )
    date_from = fields.Date(
        string="Applies from", required=True, tracking=True, default="2016-01-01"
    )
    amount = fields.Monetary(tracking=True)
    refund_method = fields.Selection(
        REFUND_METHODS,
        default="days",
        tracking=True,
        help="How a refund proportional to the period of employment is "
        "computed (seed 004:115, 004:121).",
    )
    currency_id = fields.Many2one(
        "res.currency", default=lambda self: self.env.ref("base.RUB")
    )
    legal_source = fields.Text(tracking=True)
    active = fields.Boolean(default=True)

    _kind_state_date_uniq = models.UniqueIndex(
        "(kind, COALESCE(state_id, 0), date_from) WHERE active",
        "A setting of this kind already applies from this day in this region.",
    )

    @api.constrains("amount")
    def _check_amount(self):
        if any(setting.amount < 0 for setting in self):
            raise ValidationError(self.env._("A programme amount cannot be negative."))

    @api.model
    def _mgp_get(self, kind, on_date=None, state_id=False):
        """The setting of ``kind`` in force on ``on_date`` in ``state_id``
        (the region's variant if any, else the country-wide one), or an
        empty recordset."""
        on_date = fields.Date.to_date(on_date) or centre_today(self)
        if isinstance(state_id, models.BaseModel):
            state_id = state_id.id
        # configuration, read whatever the user's rights
        settings = self.sudo().search(
            [("kind", "=", kind), ("date_from", "<=", on_date)]
        )
        chosen = (
            state_id and settings.filtered(lambda s: s.state_id.id == state_id)
        ) or settings.filtered(lambda s: not s.state_id)
        if not chosen:
            return self.browse()
        best = max(chosen, key=lambda s: (s.date_from or datetime.date.min, s.id))
        return best.with_env(self.env)
