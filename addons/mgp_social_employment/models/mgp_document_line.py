# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models

ORGANISATION = "mgp_social_employment.group_organisation"
RECORD_MODEL = "mgp.socemp.record"


class MgpDocumentLine(models.Model):
    _inherit = "mgp.document.line"

    def _mgp_check_checker(self):
        """The authorised organisation checks the documents of its own
        register (the medical conclusion, 003:108); record rules decide
        which records are its own."""
        if (
            self
            and all(line.res_model == RECORD_MODEL for line in self)
            and self.env.user.has_group(ORGANISATION)
        ):
            return
        return super()._mgp_check_checker()
