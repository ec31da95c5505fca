# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class MgpImportRecord(models.Model):
    """What an external id of a centre's import became: the idempotency of
    the import (a row whose external id is here is never written again)."""

    _name = "mgp.import.record"
    _description = "Imported Record"
    _order = "id desc"
    _rec_name = "external_id"

    kind = fields.Selection(
        selection=lambda self: self.env["mgp.import.job"]._fields["kind"].selection,
        required=True,
        index=True,
    )
    company_id = fields.Many2one("res.company", string="Centre", required=True)
    external_id = fields.Char(string="External ID", required=True)
    res_model = fields.Char(string="Model", required=True)
    res_id = fields.Many2oneReference(
        string="Record", model_field="res_model", required=True
    )
    job_id = fields.Many2one("mgp.import.job", string="Import", ondelete="set null")
    row_number = fields.Integer(string="Row")

    _external_uniq = models.Constraint(
        "UNIQUE(company_id, kind, external_id)",
        "This external ID is already imported in the centre.",
    )
