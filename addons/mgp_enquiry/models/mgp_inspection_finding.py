# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.mgp_base.models.mgp_today import centre_today


class MgpInspectionFinding(models.Model):
    """A finding of an inspection and its follow-up (seed 002, 4.4.2: «По
    результатам проверок в случае выявления нарушений прав заявителей
    виновные лица привлекаются к ответственности…»)."""

    _name = "mgp.inspection.finding"
    _description = "Finding of an Inspection"
    _order = "inspection_id, sequence, id"

    inspection_id = fields.Many2one(
        "mgp.inspection", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="inspection_id.company_id", store=True, index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Text(string="Finding", required=True)
    case_id = fields.Many2one(
        "mgp.accompaniment",
        domain="[('id', 'in', parent.case_ids)]",
    )
    responsible_id = fields.Many2one("res.users", domain="[('share', '=', False)]")
    action = fields.Text(string="Follow-up action")
    date_due = fields.Date(string="Due date")
    done = fields.Boolean()
    date_done = fields.Date(string="Done on")

    # what the act states is fixed once it is closed; the follow-up goes on
    _mgp_follow_up_fields = frozenset({"done", "date_done"})

    @api.constrains("case_id", "inspection_id")
    def _check_case(self):
        for finding in self:
            if (
                finding.case_id
                and finding.case_id not in finding.inspection_id.case_ids
            ):
                raise ValidationError(
                    self.env._("A finding refers to one of the cases checked.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        inspections = self.env["mgp.inspection"].browse(
            [vals["inspection_id"] for vals in vals_list if vals.get("inspection_id")]
        )
        inspections._mgp_check_findings_open()
        return super().create(vals_list)

    def write(self, vals):
        if set(vals) - self._mgp_follow_up_fields:
            self.inspection_id._mgp_check_findings_open()
        if vals.get("done") and not vals.get("date_done"):
            vals = dict(vals, date_done=centre_today(self))
        return super().write(vals)

    def action_mark_done(self, date_done=None):
        """The follow-up is done: the head of the centre, or the employee
        responsible for the finding, reports it."""
        is_manager = self.env.user.has_group("mgp_base.group_manager")
        for finding in self:
            if not (is_manager or finding.responsible_id == self.env.user):
                raise UserError(
                    self.env._(
                        "Only the head of the centre or the employee responsible "
                        "for the finding may mark it done."
                    )
                )
        self.check_access("read")
        # the responsible specialist reads findings only; he reports his own
        self.sudo().write({"done": True, "date_done": date_done or centre_today(self)})
        return True

    @api.ondelete(at_uninstall=False)
    def _unlink_if_open(self):
        self.inspection_id._mgp_check_findings_open()
