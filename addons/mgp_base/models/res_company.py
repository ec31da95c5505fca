# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import api, models


class ResCompany(models.Model):
    _inherit = "res.company"

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        # every new centre numbers its own documents from 1
        templates = (
            self.env["ir.sequence"]
            .sudo()  # sequences are configuration the user may not read
            .search([("company_id", "=", False), ("mgp_per_centre", "=", True)])
        )
        templates._mgp_replicate(companies)
        return companies

    def _mgp_get_managers(self):
        """Managers of each centre, as ``{company_id: users}``.

        A manager belongs to a centre when it is the user's main company.
        """
        group = self.env.ref("mgp_base.group_manager")
        users = (
            self.env["res.users"]
            .sudo()  # group membership is needed by the cron of any user
            .search(
                [
                    ("all_group_ids", "in", group.ids),
                    ("company_id", "in", self.ids),
                    ("share", "=", False),
                ]
            )
        )
        result = defaultdict(lambda: self.env["res.users"])
        for user in users:
            result[user.company_id.id] |= user
        return result
