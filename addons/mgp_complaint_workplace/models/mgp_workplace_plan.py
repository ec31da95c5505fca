# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

PLAN_REPORT = "mgp_workplace_plan.action_report_workplace_plan"


class MgpWorkplacePlan(models.Model):
    _name = "mgp.workplace.plan"
    _inherit = [
        "mgp.workplace.plan",
        "mgp.complaint.concerned.mixin",
        "mgp.correctable.mixin",
    ]
    # the correction mark is set only by an applied correction
    _mgp_protected_fields = (
        "mgp_correction_date",
        "mgp_correction_id",
    )

    mgp_correction_date = fields.Date(
        string="Plan corrected on", readonly=True, copy=False, tracking=True
    )
    mgp_correction_id = fields.Many2one(
        "mgp.document.correction",
        string="Last correction",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )

    # ------------------------------------------------------------------
    # Corrections (mgp.correctable.mixin)
    # ------------------------------------------------------------------
    def _mgp_correction_kinds(self):
        self.ensure_one()
        if self.state != "sent":
            return {}
        return {"plan": {"report": PLAN_REPORT, "number": self.name}}

    def _mgp_correction_fields(self, kind):
        return ("name", "position")

    def _mgp_correction_values(self, kind):
        return {"name": self.partner_id.name, "position": self.worker_position}

    def _mgp_correction_apply(self, correction, kind, values, done_date):
        if values.get("name"):
            self.partner_id.write({"name": values["name"]})
        plan_vals = {
            "mgp_correction_date": done_date,
            "mgp_correction_id": correction.id,
        }
        if values.get("name") and self.worker_name:
            plan_vals["worker_name"] = values["name"]
        if values.get("position"):
            plan_vals["worker_position"] = values["position"]
        # a sent plan is frozen: only the correction changes what it prints
        self._mgp_engine_write(plan_vals)

    def _mgp_correction_applicants(self):
        return self.employer_id.commercial_partner_id | self.partner_id

    @api.model
    def _mgp_correction_portal_documents(self, partner):
        # the employer's and the worker's own sent plans
        plans = self.sudo().search(
            [
                "|",
                ("employer_id", "=", partner.commercial_partner_id.id),
                ("partner_id", "=", partner.id),
                ("state", "=", "sent"),
            ],
            limit=100,
        )
        return [(plan, "plan") for plan in plans]

    def action_mgp_request_correction(self):
        """Start a correction of the sent plan (staff)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Correction of the plan"),
            "res_model": "mgp.document.correction",
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_res_model": self._name,
                "default_res_id": self.id,
                "default_document_kind": "plan",
                "default_partner_id": self.employer_id.commercial_partner_id.id,
                "default_company_id": self.company_id.id,
            },
        }
