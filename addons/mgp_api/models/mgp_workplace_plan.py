# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class MgpWorkplacePlan(models.Model):
    _inherit = "mgp.workplace.plan"

    def action_send(self, send_date=None):
        result = super().action_send(send_date=send_date)
        self.env["mgp.api.event"]._mgp_emit(self, "plan.sent")
        return result

    def _mgp_api_event_data(self):
        self.ensure_one()
        return {"number": self.name, "state": self.state, "version": self.version}

    def _mgp_api_values(self):
        """The plans as the API exports them, read as the current user."""
        rows = self.read(
            [
                "name",
                "version",
                "state",
                "company_id",
                "employer_id",
                "accompaniment_id",
                "send_date",
                "write_date",
            ]
        )
        return [
            {
                "id": row["id"],
                "number": row["name"],
                "version": row["version"],
                "state": row["state"],
                "centre": row["company_id"] and row["company_id"][1],
                "employer": row["employer_id"] and row["employer_id"][1],
                "case_number": row["accompaniment_id"][1]
                if row["accompaniment_id"]
                else None,
                "send_date": row["send_date"].isoformat() if row["send_date"] else None,
                "updated_at": row["write_date"].isoformat(),
            }
            for row in rows
        ]
