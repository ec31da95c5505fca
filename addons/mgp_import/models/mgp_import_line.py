# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class MgpImportLine(models.Model):
    """One error of one row of an import file."""

    _name = "mgp.import.line"
    _description = "Import Error"
    _order = "row_number, id"
    _rec_name = "message"

    job_id = fields.Many2one(
        "mgp.import.job", string="Import", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="job_id.company_id", store=True)
    stage = fields.Selection(
        [("check", "Dry run"), ("import", "Import")],
        required=True,
        default="check",
        help="Dry run: the row is invalid and is not imported. Import: the "
        "service's rules refused the row when it was written.",
    )
    row_number = fields.Integer(string="Row", required=True)
    external_id = fields.Char(string="External ID")
    column = fields.Char()
    message = fields.Char(required=True)
