# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class MgpAccompaniment(models.Model):
    """The events of the outbox written by the actions, and the cases as the
    API exports them (the ИПСЗ fields are the case's own, mgp_accompaniment)."""

    _inherit = "mgp.accompaniment"

    @api.model_create_multi
    def create(self, vals_list):
        cases = super().create(vals_list)
        self.env["mgp.api.event"]._mgp_emit(cases, "case.started")
        return cases

    def action_decide_need(self, needed, decision_date=None):
        result = super().action_decide_need(needed, decision_date=decision_date)
        self.env["mgp.api.event"]._mgp_emit(self, "case.need_decided")
        return result

    def action_issue_certificate(self, issue_date=None):
        result = super().action_issue_certificate(issue_date=issue_date)
        self.env["mgp.api.event"]._mgp_emit(self, "case.certificate_issued")
        return result

    def action_mark_employed(self, employment_date, employer_id):
        result = super().action_mark_employed(employment_date, employer_id)
        self.env["mgp.api.event"]._mgp_emit(self, "case.employed")
        return result

    def _mgp_api_event_data(self):
        self.ensure_one()
        return {
            "number": self.name,
            "state": self.state,
            "plan_number": self.mgp_plan_number or None,
        }

    def _mgp_api_values(self):
        """The cases as the API exports them, read as the current user: the
        record rules decide which cases, the person's data are masked as in
        the back office (``res.partner._read_format``)."""
        fnames = [
            name
            for name in (
                "name",
                "state",
                "company_id",
                "partner_id",
                "mgp_plan_number",
                "mgp_plan_kind",
                "plan_agreed_date",
                "need",
                "need_decision_date",
                "certificate_number",
                "certificate_date",
                "date_end",
                "employment_date",
                "write_date",
            )
            if name in self.fields_get([name], ["type"])
        ]
        rows = self.read(fnames)
        persons = {row["id"]: row for row in self.partner_id._mgp_api_person_values()}
        return [
            {
                "id": row["id"],
                "number": row["name"],
                "state": row["state"],
                "centre": row["company_id"] and row["company_id"][1],
                "person": persons.get(row["partner_id"] and row["partner_id"][0]),
                "plan_number": row.get("mgp_plan_number") or None,
                "plan_kind": row.get("mgp_plan_kind") or None,
                "plan_date": _iso(row["plan_agreed_date"]),
                "need": row.get("need") or None,
                "need_decision_date": _iso(row.get("need_decision_date")),
                "certificate_number": row.get("certificate_number") or None,
                "certificate_date": _iso(row.get("certificate_date")),
                "date_end": _iso(row.get("date_end")),
                "employment_date": _iso(row.get("employment_date")),
                "updated_at": _iso(row["write_date"]),
            }
            for row in rows
        ]


def _iso(value):
    return value.isoformat() if value else None
