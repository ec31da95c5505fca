# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class MgpSubsidyApplication(models.Model):
    """Seed 004:93 «Преимущественное право на получение субсидии имеют
    работодатели, на которых распространяется квота»: the flag is taken
    from the employer's quota card (still editable by the centre)."""

    _inherit = "mgp.subsidy.application"

    quota_employer = fields.Boolean(
        compute="_compute_quota_employer",
        store=True,
        readonly=False,
        precompute=True,
    )

    @api.depends("employer_id")
    def _compute_quota_employer(self):
        for application in self:
            # the quota card is the centre's record (specialists only): read
            # to set the priority of the employer's own application
            employer = application.employer_id.commercial_partner_id.sudo()
            application.quota_employer = bool(
                employer
                and not employer.mgp_quota_disabled_association
                and (employer.mgp_quota_last > 0 or employer.mgp_quota_company_id)
            )
