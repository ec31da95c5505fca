# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.addons.mgp_accompaniment.tests.common import AccompanimentCommon


class ComplaintCommon(AccompanimentCommon):
    """A case of ``person`` and a helper registering complaints about it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Complaint = cls.env["mgp.complaint"]

    def _complaint(self, case=None, subject="service_delay", user=None, **vals):
        case = case or self._case(date(2025, 10, 31))
        values = {
            "partner_id": case.partner_id.id,
            "company_id": case.company_id.id,
            "res_model": case._name,
            "res_id": case.id,
            "subject": subject,
            "description": "Нарушен срок принятия решения.",
        }
        values.update(vals)
        return self.Complaint.with_user(user or self.specialist).create(values)

    def _registered(self, registration_date, subject="service_delay", **vals):
        complaint = self._complaint(subject=subject, **vals)
        complaint.action_register(registration_date)
        return complaint

    def _deadline(self, record, code):
        return record.deadline_ids.filtered(lambda d: d.code == code)
