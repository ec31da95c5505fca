# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class MgpAccompaniment(models.Model):
    _inherit = "mgp.accompaniment"

    workplace_plan_ids = fields.One2many(
        "mgp.workplace.plan", "accompaniment_id", string="Workplace plans"
    )

    def _on_employed(self):
        """Employed during the service, with the certificate: the employer
        is offered a workplace accompaniment plan (trajectory 1)."""
        result = super()._on_employed()
        if (
            self.state == "employed"
            and self.employer_id
            and self.certificate_number
            and not self.workplace_plan_ids
        ):
            self.env["mgp.workplace.plan"]._mgp_open_offer(self)
        return result
