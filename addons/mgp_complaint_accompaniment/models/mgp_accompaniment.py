# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class MgpAccompaniment(models.Model):
    _name = "mgp.accompaniment"
    _inherit = [
        "mgp.accompaniment",
        "mgp.complaint.concerned.mixin",
        "mgp.correctable.mixin",
    ]
    # the correction marks are set only by an applied correction
    _mgp_protected_fields = (
        "mgp_correction_date",
        "mgp_correction_id",
        "mgp_order_correction_date",
        "mgp_order_correction_id",
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
    mgp_order_correction_date = fields.Date(
        string="Order corrected on", readonly=True, copy=False, tracking=True
    )
    mgp_order_correction_id = fields.Many2one(
        "mgp.document.correction",
        string="Last correction of the order",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )

    # ------------------------------------------------------------------
    # Corrections (mgp.correctable.mixin)
    # ------------------------------------------------------------------
    def _mgp_correction_kinds(self):
        self.ensure_one()
        kinds = {}
        if self.order_number and self.order_state == "approved":
            kinds["order"] = {
                "report": "mgp_reports.action_report_order",
                "number": self.order_number,
            }
        if self.certificate_number:
            kinds["certificate"] = {
                "report": "mgp_reports.action_report_certificate",
                "number": self.certificate_number,
            }
        return kinds

    def _mgp_correction_fields(self, kind):
        return ("name", "snils")

    def _mgp_correction_values(self, kind):
        return {"name": self.partner_id.name, "snils": self.partner_id.mgp_snils}

    def _mgp_correction_apply(self, correction, kind, values, done_date):
        partner_vals = {}
        if values.get("name"):
            partner_vals["name"] = values["name"]
        if values.get("snils"):
            partner_vals["mgp_snils"] = values["snils"]
        self.partner_id.write(partner_vals)
        prefix = "mgp_order_correction" if kind == "order" else "mgp_correction"
        self._mgp_engine_write(
            {f"{prefix}_date": done_date, f"{prefix}_id": correction.id}
        )

    def _mgp_correction_applicants(self):
        return self.partner_id

    @api.model
    def _mgp_correction_portal_documents(self, partner):
        # the citizen's own documents, whatever the portal rules show
        cases = self.sudo().search(
            [
                ("partner_id", "=", partner.id),
                "|",
                ("certificate_number", "!=", False),
                ("order_number", "!=", False),
            ],
            limit=100,
        )
        return [(case, kind) for case in cases for kind in case._mgp_correction_kinds()]

    def action_mgp_request_correction(self, kind="certificate"):
        """Start a correction of an issued document of the case (staff)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Correction of a document"),
            "res_model": "mgp.document.correction",
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_res_model": self._name,
                "default_res_id": self.id,
                "default_document_kind": kind,
                "default_partner_id": self.partner_id.id,
                "default_company_id": self.company_id.id,
            },
        }

    def action_mgp_request_order_correction(self):
        return self.action_mgp_request_correction(kind="order")
