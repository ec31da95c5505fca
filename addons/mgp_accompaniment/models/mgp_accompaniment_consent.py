# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class MgpAccompaniment(models.Model):
    """No health data go to an NGO without the person's written consent to
    their transfer (152-ФЗ ст. 9–10): the assignment to an NGO requires it,
    and the NGO's portal shows the person only while it is valid."""

    _inherit = "mgp.accompaniment"

    def action_assign_ngo(self, ngo, contract, contact=None, assign_date=None):
        self.env["mgp.consent"]._mgp_check_transfer(self.partner_id)
        return super().action_assign_ngo(
            ngo, contract, contact=contact, assign_date=assign_date
        )

    def _mgp_ngo_may_see_person(self):
        """The cases of ``self`` whose person's data the NGO may see."""
        consented = self.env["mgp.consent"]._mgp_transfer_consented(self.partner_id)
        return self.filtered(lambda case: case.partner_id in consented)
