# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class MgpDeadlineRule(models.Model):
    """How long a procedure may take, in working days, and from which event."""

    _name = "mgp.deadline.rule"
    _description = "Deadline Rule"
    _inherit = ["mail.thread"]
    _order = "service, sequence, code"

    sequence = fields.Integer(default=10)
    code = fields.Char(required=True, index=True, tracking=True)
    name = fields.Char(string="Procedure", required=True)
    service = fields.Selection(
        [
            ("employment", "Accompaniment at employment"),
            ("workplace", "Workplace accompaniment plan"),
            ("registry", "NGO registry"),
            ("other", "Other"),
        ],
        required=True,
        default="employment",
    )
    days = fields.Integer(
        string="Working days",
        required=True,
        default=1,
        tracking=True,
        help="Length of the procedure in working days of the production calendar.",
    )
    at_risk_days = fields.Integer(
        string="At risk threshold",
        default=0,
        tracking=True,
        help="The deadline is at risk when this many working days or fewer "
        "remain before the due date (0: on the due date itself).",
    )
    start_event = fields.Char(
        string="Counted from",
        help="The event the working days are counted from.",
    )
    external = fields.Boolean(
        help="A third party's deadline (e.g. the MSE bureau's answer): tracked, "
        "but not counted as the centre's own violation.",
    )
    active = fields.Boolean(default=True)
    note = fields.Text()

    _code_uniq = models.Constraint(
        "UNIQUE(code)", "A deadline rule with this code already exists."
    )

    @api.constrains("days", "at_risk_days")
    def _check_days(self):
        for rule in self:
            if rule.days < 0 or rule.at_risk_days < 0:
                raise ValidationError(
                    self.env._("Working days of a deadline rule cannot be negative.")
                )
            if rule.at_risk_days > rule.days:
                raise ValidationError(
                    self.env._(
                        "The at-risk threshold of rule %(code)s cannot exceed "
                        "its length.",
                        code=rule.code,
                    )
                )

    @api.depends("code", "name")
    def _compute_display_name(self):
        for rule in self:
            rule.display_name = f"[{rule.code}] {rule.name}" if rule.code else rule.name

    @api.model
    def _get_rule(self, code):
        rule = self.with_context(active_test=False).search(
            [("code", "=", code)], limit=1
        )
        if not rule:
            raise ValidationError(
                self.env._("No deadline rule is configured for code %s.", code)
            )
        return rule
