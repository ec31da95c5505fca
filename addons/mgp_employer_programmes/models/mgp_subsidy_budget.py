# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

# agreements whose amount the budget has committed
COMMITTED_STATES = ("signed", "paid", "closed")


class MgpSubsidyBudget(models.Model):
    """The year's limit of budget obligations of a centre for the subsidies
    (seed 004:106: «в пределах утвержденных лимитов бюджетных
    обязательств»): the centre sees what is used and what is left."""

    _name = "mgp.subsidy.budget"
    _description = "Subsidy Budget Limit"
    _inherit = ["mail.thread"]
    _order = "year desc, company_id"

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company",
        string="Centre",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    year = fields.Integer(required=True, tracking=True)
    currency_id = fields.Many2one(
        "res.currency", default=lambda self: self.env.ref("base.RUB")
    )
    amount = fields.Monetary(string="Limit", required=True, tracking=True)
    amount_used = fields.Monetary(string="Used", compute="_compute_amount_used")
    amount_left = fields.Monetary(string="Left", compute="_compute_amount_used")
    legal_source = fields.Char(tracking=True)

    _company_year_uniq = models.Constraint(
        "UNIQUE(company_id, year)", "The centre already has a limit for this year."
    )

    @api.depends("company_id", "year")
    def _compute_name(self):
        for budget in self:
            budget.name = f"{budget.company_id.name} — {budget.year}"

    def _compute_amount_used(self):
        used = dict(
            self.env["mgp.subsidy.agreement"]
            .sudo()  # the sum of the centre's commitments, whoever reads it
            ._read_group(
                [("budget_id", "in", self.ids), ("state", "in", COMMITTED_STATES)],
                ["budget_id"],
                ["amount_total:sum"],
            )
        )
        for budget in self:
            budget.amount_used = used.get(budget, 0.0)
            budget.amount_left = budget.amount - budget.amount_used

    @api.constrains("amount", "year")
    def _check_amount(self):
        for budget in self:
            if budget.amount < 0 or not 2000 <= budget.year <= 2100:
                raise ValidationError(
                    self.env._("Give a year and a limit that is not negative.")
                )

    @api.model
    def _mgp_commit(self, agreement, on_date):
        """Commit ``agreement``'s amount to its centre's limit of the year
        of ``on_date``, under a row lock of the limit: parallel signatures
        are serialised, so the limit is never exceeded.

        :return: the budget limit
        """
        budget = self.sudo().search(  # the limit is the centre's, not the user's
            [("company_id", "=", agreement.company_id.id), ("year", "=", on_date.year)],
            limit=1,
        )
        if not budget:
            raise UserError(
                self.env._(
                    "No budget limit of %(year)s is set for %(centre)s.",
                    year=on_date.year,
                    centre=agreement.company_id.name,
                )
            )
        # an UPDATE, not only a row lock: a parallel signature waits, then
        # fails on the concurrent update and is retried, seeing this one
        self.env.cr.execute(
            SQL(
                "UPDATE mgp_subsidy_budget SET write_date = now() AT TIME ZONE 'UTC' "
                "WHERE id = %s",
                budget.id,
            )
        )
        self.env["mgp.subsidy.agreement"].flush_model(
            ["budget_id", "state", "amount_total"]
        )
        self.env.cr.execute(
            SQL(
                "SELECT COALESCE(SUM(amount_total), 0) FROM mgp_subsidy_agreement "
                "WHERE budget_id = %s AND state IN %s AND id != %s",
                budget.id,
                COMMITTED_STATES,
                agreement.id,
            )
        )
        used = self.env.cr.fetchone()[0]
        left = budget.amount - used
        if budget.currency_id.compare_amounts(agreement.amount_total, left) > 0:
            raise UserError(
                self.env._(
                    "The subsidy of %(amount).2f exceeds what is left of the "
                    "budget limit of %(year)s: %(left).2f (seed 004:106).",
                    amount=agreement.amount_total,
                    year=budget.year,
                    left=left,
                )
            )
        return budget
