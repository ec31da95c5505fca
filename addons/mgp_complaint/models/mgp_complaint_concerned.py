# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


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
