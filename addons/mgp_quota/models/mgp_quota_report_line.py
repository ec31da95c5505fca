# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .mgp_quota_category import DISABILITY_GROUPS

# How the quota is fulfilled today (ст. 38 Закона № 565-ФЗ): a labour contract
# at the employer, a contract with another organisation or an individual
# entrepreneur under an agreement, a service contract with an organisation
# that fulfils the quota for a group of employers.
WAYS = [
    ("own", "Labour contract at the employer"),
    ("agreement", "Agreement with another organisation"),
    ("service_contract", "Service contract"),
]


class MgpQuotaReportLine(models.Model):
    """One disabled worker counted in a quota report, with his weight."""

    _name = "mgp.quota.report.line"
    _description = "Worker Counted in a Quota Report"
    _order = "report_id, id"

    report_id = fields.Many2one(
        "mgp.quota.report", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="report_id.company_id", store=True, index=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Person",
        index=True,
        help="The person of the centre's register, once a specialist matched "
        "the worker the employer named.",
    )
    worker_name = fields.Char(string="Worker", required=True)
    position = fields.Char()
    disability_group = fields.Selection(DISABILITY_GROUPS, required=True)
    category_id = fields.Many2one(
        "mgp.quota.category",
        help="Empty: the category of the disability group.",
    )
    way = fields.Selection(WAYS, required=True, default="own")
    agreement_id = fields.Many2one(
        "mgp.quota.agreement",
        index=True,
        domain="[('employer_id', '=', employer_id), ('kind', '=', way)]",
        help="The employer's agreement or service contract kept by the centre "
        "under which the worker is employed elsewhere.",
    )
    employer_id = fields.Many2one(related="report_id.employer_id")
    organisation_name = fields.Char(
        string="Organisation",
        help="The organisation or individual entrepreneur the worker is "
        "employed by under an agreement or a service contract.",
    )
    contract_number = fields.Char()
    contract_date = fields.Date()
    group_category_id = fields.Many2one(
        "mgp.quota.category",
        string="Category of the group",
        compute="_compute_group_category_id",
        store=True,
    )
    weight = fields.Float(
        digits=(4, 2),
        compute="_compute_weight",
        store=True,
        help="Quota places this worker fills (a group I disabled person: 2).",
    )

    @api.depends("disability_group", "report_id.region_id")
    def _compute_group_category_id(self):
        # the catalogue is small: read once, chosen in memory
        categories = (
            self.env["mgp.quota.category"]
            .sudo()
            .search([("disability_group", "!=", False)])
        )
        for line in self:
            region = line.report_id.region_id
            matching = categories.filtered(
                lambda c, line=line, region=region: (
                    line.disability_group
                    and c.disability_group == line.disability_group
                    and (not c.state_id or c.state_id == region)
                )
            ).sorted(lambda c: (not c.state_id, c.sequence, c.id))
            line.group_category_id = matching[:1]

    @api.depends(
        "category_id.weight",
        "category_id.date_from",
        "group_category_id.weight",
        "group_category_id.date_from",
        "report_id.date_to",
    )
    def _compute_weight(self):
        for line in self:
            category = line.category_id or line.group_category_id
            line.weight = (
                category._mgp_weight(line.report_id.date_to) if category else 1.0
            )

    @api.constrains("agreement_id", "way", "report_id")
    def _check_agreement(self):
        """The agreement is the employer's, of the line's way, and in force in
        the period of the report."""
        for line in self.filtered("agreement_id"):
            agreement, report = line.agreement_id, line.report_id
            if (
                agreement.employer_id != report.employer_id
                or agreement.kind != line.way
            ):
                raise ValidationError(
                    self.env._(
                        "The agreement %(agreement)s is not the employer's %(way)s.",
                        agreement=agreement.name,
                        way=dict(self._fields["way"]._description_selection(self.env))[
                            line.way
                        ],
                    )
                )
            if agreement.date > report.date_to or (
                agreement.date_end and agreement.date_end < report.date_from
            ):
                raise ValidationError(
                    self.env._(
                        "The agreement %s is not in force in the period of the report.",
                        agreement.name,
                    )
                )

    @api.onchange("agreement_id")
    def _onchange_agreement_id(self):
        if self.agreement_id:
            self.organisation_name = self.agreement_id.organisation_id.name
            self.contract_number = self.agreement_id.name
            self.contract_date = self.agreement_id.date

    @api.model_create_multi
    def create(self, vals_list):
        reports = self.env["mgp.quota.report"].browse(
            {vals["report_id"] for vals in vals_list if vals.get("report_id")}
        )
        reports._mgp_check_lines_editable()
        return super().create(vals_list)

    def write(self, vals):
        self.report_id._mgp_check_lines_editable()
        return super().write(vals)

    def unlink(self):
        self.report_id._mgp_check_lines_editable()
        return super().unlink()
