# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models

NEED_DECISION_DOCUMENTS = "s1_need_decision"


class MgpAccompaniment(models.Model):
    """The documents of service 1: the need decision needs the IPRA extract
    and the identity document, received and checked (the requirements are
    configuration: ``mgp.document.requirement``)."""

    _name = "mgp.accompaniment"
    _inherit = ["mgp.accompaniment", "mgp.document.checklist.mixin"]

    def action_decide_need(self, needed, decision_date=None):
        self._mgp_check_documents(NEED_DECISION_DOCUMENTS)
        return super().action_decide_need(needed, decision_date=decision_date)
