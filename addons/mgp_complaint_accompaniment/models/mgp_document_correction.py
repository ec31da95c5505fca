# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class MgpDocumentCorrection(models.Model):
    """Without another model given, a correction corrects a document of a
    service-1 case (its certificate, by default)."""

    _inherit = "mgp.document.correction"

    res_model = fields.Char(default="mgp.accompaniment")
