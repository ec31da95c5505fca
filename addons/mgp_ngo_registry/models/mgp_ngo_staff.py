# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class MgpNgoStaff(models.Model):
    """A trained employee of an NGO who can accompany disabled persons."""

    _name = "mgp.ngo.staff"
    _description = "NGO Trained Staff"
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    partner_id = fields.Many2one(
        "res.partner",
        string="Organisation",
        index=True,
        ondelete="cascade",
    )
    application_id = fields.Many2one(
        "mgp.ngo.application",
        index=True,
        ondelete="cascade",
    )
    name = fields.Char(string="Full name", required=True)
    job_title = fields.Char(string="Position")
    qualification = fields.Char(
        string="Qualification / training document",
        help="Diploma, certificate or other document confirming the training "
        "to assist disabled persons.",
    )
    document_date = fields.Date(string="Document date")
    activity_ids = fields.Many2many(
        "mgp.activity",
        "mgp_ngo_staff_activity_rel",
        "staff_id",
        "activity_id",
        string="Activities he may perform",
        domain=[("service", "=", "employment")],
        help="Accompaniment activities this employee is trained to perform.",
    )
    phone = fields.Char()
    email = fields.Char()

    def _mgp_prepare_copy_vals(self, partner):
        """Values of the registry staff rows copied from application rows."""
        return [
            {
                "partner_id": partner.id,
                "sequence": staff.sequence,
                "name": staff.name,
                "job_title": staff.job_title,
                "qualification": staff.qualification,
                "document_date": staff.document_date,
                "activity_ids": [fields.Command.set(staff.activity_ids.ids)],
                "phone": staff.phone,
                "email": staff.email,
            }
            for staff in self
        ]

    @api.model_create_multi
    def create(self, vals_list):
        partners = self.env["res.partner"].browse(
            {vals.get("partner_id") for vals in vals_list} - {None, False}
        )
        partners._mgp_ngo_check_staff_change()
        return super().create(vals_list)

    def write(self, vals):
        partners = self.partner_id
        if vals.get("partner_id"):
            partners |= self.env["res.partner"].browse(vals["partner_id"])
        partners._mgp_ngo_check_staff_change()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_registry(self):
        self.partner_id._mgp_ngo_check_staff_change()
