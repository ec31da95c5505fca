# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from odoo.addons.mgp_accompaniment.models.mgp_accompaniment import (
    MgpAccompaniment as BaseAccompaniment,
)


class MgpComplaintConcernedMixin(models.AbstractModel):
    """A record that complaints may concern: their count and a smart button.
    Each service's model (and a bridge for service 2's plan) inherits it."""

    _name = "mgp.complaint.concerned.mixin"
    _description = "Record Complaints May Concern"

    mgp_complaint_count = fields.Integer(
        string="Complaints", compute="_compute_mgp_complaint_count"
    )

    def _compute_mgp_complaint_count(self):
        Complaint = self.env["mgp.complaint"]
        if not Complaint.has_access("read"):
            self.mgp_complaint_count = 0
            return
        counts = dict(
            Complaint._read_group(
                [("res_model", "=", self._name), ("res_id", "in", self.ids)],
                ["res_id"],
                ["__count"],
            )
        )
        for record in self:
            record.mgp_complaint_count = counts.get(record.id, 0)

    def action_view_mgp_complaints(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "mgp_complaint.mgp_complaint_action"
        )
        action["domain"] = [("res_model", "=", self._name), ("res_id", "=", self.id)]
        action["context"] = {
            "default_res_model": self._name,
            "default_res_id": self.id,
            "default_partner_id": self[self._mgp_partner_field].id,
            "default_company_id": self.company_id.id,
        }
        return action


class MgpAccompaniment(models.Model):
    _name = "mgp.accompaniment"
    _inherit = ["mgp.accompaniment", "mgp.complaint.concerned.mixin"]
    # the correction mark is set only by an applied correction
    _mgp_protected_fields = (
        *BaseAccompaniment._mgp_protected_fields,
        "mgp_correction_date",
        "mgp_correction_id",
    )

    mgp_correction_date = fields.Date(
        string="Certificate corrected on", readonly=True, copy=False, tracking=True
    )
    mgp_correction_id = fields.Many2one(
        "mgp.document.correction",
        string="Last correction",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )

    def action_mgp_request_correction(self):
        """Start a correction of the issued certificate (staff)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Correction of the certificate"),
            "res_model": "mgp.document.correction",
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_res_model": self._name,
                "default_res_id": self.id,
                "default_partner_id": self.partner_id.id,
                "default_company_id": self.company_id.id,
            },
        }
