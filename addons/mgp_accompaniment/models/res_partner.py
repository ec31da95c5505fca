# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def _mgp_person_data_sources(self):
        return super()._mgp_person_data_sources() + [
            ("mgp.accompaniment", "partner_id")
        ]

    def _mgp_accompanying_contact(self):
        """Name, phone and e-mail of the NGO's first trained employee (or of
        the organisation when it lists none), for the certificate."""
        self.ensure_one()
        staff = self.mgp_ngo_staff_ids[:1]
        source = staff or self
        parts = [source.name, source.phone or self.phone, source.email or self.email]
        return ", ".join(p for p in parts if p)
