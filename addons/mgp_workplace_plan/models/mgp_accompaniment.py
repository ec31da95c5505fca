# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

# an employment after the certificate, whatever ended the accompaniment
# since: the person was accompanied by the centre (issue 22 §4)
OFFER_STATES = ("employed", "expired", "terminated")


class MgpAccompaniment(models.Model):
    _inherit = "mgp.accompaniment"

    workplace_plan_ids = fields.One2many(
        "mgp.workplace.plan", "accompaniment_id", string="Workplace plans"
    )

    def _on_employed(self):
        """Employed after the certificate — during the accompaniment, or
        after its expiry or termination: the employer is offered a workplace
        accompaniment plan (trajectory 1). Without a certificate the
        employer may appeal (trajectory 2)."""
        result = super()._on_employed()
        if (
            self.state in OFFER_STATES
            and self.employer_id
            and self.certificate_number
            and self.certificate_date
            and self.employment_date >= self.certificate_date
            and not self.workplace_plan_ids
        ):
            self.env["mgp.workplace.plan"]._mgp_open_offer(self)
        return result
