# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

SPECIALIST = "mgp_base.group_specialist"


class ResPartner(models.Model):
    """The employer's card: the centre keeping its quota and its history."""

    _inherit = "res.partner"

    mgp_quota_company_id = fields.Many2one(
        "res.company",
        string="Quota kept by",
        groups=SPECIALIST,
        tracking=True,
        help="The employment centre the employer reports its quota to; the "
        "centre opens its report of every period.",
    )
    mgp_quota_disabled_association = fields.Boolean(
        string="Public association of disabled people",
        groups=SPECIALIST,
        help="A public association of disabled people or an organisation it "
        "created: exempt from reserving workplaces (seed 004:62).",
    )
    mgp_quota_report_ids = fields.One2many(
        "mgp.quota.report",
        "employer_id",
        string="Quota reports",
        groups=SPECIALIST,
    )
    mgp_quota_report_count = fields.Integer(
        string="Quota reports count",
        compute="_compute_mgp_quota_last",
        groups=SPECIALIST,
    )
    mgp_quota_last = fields.Integer(
        string="Last quota",
        compute="_compute_mgp_quota_last",
        groups=SPECIALIST,
    )
    mgp_quota_last_fulfilled = fields.Float(
        string="Last quota filled",
        digits=(6, 2),
        compute="_compute_mgp_quota_last",
        groups=SPECIALIST,
    )

    mgp_quota_referral_count = fields.Integer(
        string="Quota referrals count",
        compute="_compute_mgp_quota_referral_count",
        groups=SPECIALIST,
    )

    @api.depends("mgp_quota_report_ids.quota", "mgp_quota_report_ids.fulfilled")
    def _compute_mgp_quota_last(self):
        for partner in self:
            reports = partner.mgp_quota_report_ids  # ordered newest first
            partner.mgp_quota_report_count = len(reports)
            partner.mgp_quota_last = reports[:1].quota
            partner.mgp_quota_last_fulfilled = reports[:1].fulfilled

    def _compute_mgp_quota_referral_count(self):
        counts = dict(
            self.env["mgp.quota.referral"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.mgp_quota_referral_count = counts.get(partner, 0)

    @api.model
    def _mgp_person_data_sources(self):
        """The specialist referring a person to a quota vacancy reads his
        ИПРА data."""
        return super()._mgp_person_data_sources() + [
            ("mgp.quota.referral", "partner_id")
        ]

    def action_mgp_quota_reports(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "mgp_quota.mgp_quota_report_action"
        )
        action["domain"] = [("employer_id", "=", self.id)]
        action["context"] = {"default_employer_id": self.id}
        return action

    def action_mgp_quota_refer(self):
        """From the job seeker's card: a new referral to a quota vacancy of
        the centre the specialist works in (seed 004:56)."""
        self.ensure_one()
        return self.env["mgp.quota.referral"]._mgp_action_new(self, self.env.company)

    def action_mgp_quota_referrals(self):
        self.ensure_one()
        return self.env["mgp.quota.referral"]._mgp_action_list(
            [("partner_id", "=", self.id)]
        )
