# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.mgp_base.models.mgp_today import centre_today


class MgpSocempRecordLine(models.Model):
    """A social employment service given to the person of a record: which
    service, from and to which dates, with which result."""

    _name = "mgp.socemp.record.line"
    _description = "Social Employment Service Given"
    _order = "date_start, id"

    record_id = fields.Many2one(
        "mgp.socemp.record", required=True, index=True, ondelete="restrict"
    )
    company_id = fields.Many2one(related="record_id.company_id", store=True, index=True)
    organisation_id = fields.Many2one(
        related="record_id.organisation_id", store=True, index=True
    )
    partner_id = fields.Many2one(related="record_id.partner_id", string="Person")
    service_id = fields.Many2one("mgp.socemp.service", required=True, index=True)
    date_start = fields.Date(string="From", required=True, default=centre_today)
    date_end = fields.Date(string="To")
    result = fields.Text()

    @api.constrains("record_id", "service_id", "date_start", "date_end")
    def _check_line(self):
        for line in self:
            record = line.record_id
            if record.state not in ("receiving", "ended") or not record.date_start:
                raise ValidationError(
                    self.env._(
                        "Services are given only once the record receives them "
                        "(after the person's consent)."
                    )
                )
            if line.date_start < record.date_start:
                raise ValidationError(
                    self.env._("A service cannot start before the record's services.")
                )
            if line.date_end and line.date_end < line.date_start:
                raise ValidationError(
                    self.env._("A service cannot end before it starts.")
                )
            if record.date_end and line.date_start > record.date_end:
                raise ValidationError(
                    self.env._("A service cannot start after the record has ended.")
                )
            services = record.organisation_id.service_ids
            if services and line.service_id not in services:
                raise ValidationError(
                    self.env._(
                        "%(org)s does not give the service «%(service)s».",
                        org=record.organisation_id.name,
                        service=line.service_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        for record in lines.record_id:
            if record.state != "receiving":
                raise ValidationError(
                    self.env._(
                        "Services are added only while the record receives them."
                    )
                )
        return lines

    def _mgp_close(self, end_date):
        """The record ends: the services still running end with it."""
        for line in self:
            line.date_end = max(end_date, line.date_start)
