# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

SPECIALIST = "mgp_base.group_specialist"


class MgpAccompaniment(models.Model):
    """The service-1 case refers its person to a quota vacancy (seed 004:56)."""

    _inherit = "mgp.accompaniment"

    mgp_quota_referral_ids = fields.One2many(
        "mgp.quota.referral",
        "accompaniment_id",
        string="Quota referrals",
        groups=SPECIALIST,
    )
    mgp_quota_referral_count = fields.Integer(
        string="Quota referrals count",
        compute="_compute_mgp_quota_referral_count",
        groups=SPECIALIST,
    )

    def _compute_mgp_quota_referral_count(self):
        counts = dict(
            self.env["mgp.quota.referral"]._read_group(
                [("accompaniment_id", "in", self.ids)],
                ["accompaniment_id"],
                ["__count"],
            )
        )
        for case in self:
            case.mgp_quota_referral_count = counts.get(case, 0)

    def action_mgp_quota_refer(self):
        """A new referral of the case's person to a quota vacancy: a hire
        records the employment of the case."""
        self.ensure_one()
        return self.env["mgp.quota.referral"]._mgp_action_new(
            self.partner_id, self.company_id, case=self
        )

    def action_mgp_quota_referrals(self):
        self.ensure_one()
        return self.env["mgp.quota.referral"]._mgp_action_list(
            [("accompaniment_id", "=", self.id)]
        )
