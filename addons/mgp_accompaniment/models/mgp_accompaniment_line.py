# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_date

from odoo.addons.mgp_base.models.mgp_today import centre_today

# Fields an NGO representative may write from the portal.
PORTAL_RESULT_FIELDS = {"date_done", "result", "result_attachment_ids"}


class MgpAccompanimentLine(models.Model):
    """One accompaniment activity of a case, performed by a centre employee
    or by the NGO, with its result."""

    _name = "mgp.accompaniment.line"
    _description = "Accompaniment Activity"
    _inherit = ["mgp.protected.mixin"]
    _order = "accompaniment_id, sequence, id"
    # the NGO of a line is set by the assignment of the NGO
    _mgp_protected_fields = ("ngo_id",)
    _mgp_create_only_fields = ("accompaniment_id",)

    accompaniment_id = fields.Many2one(
        "mgp.accompaniment",
        string="Case",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        related="accompaniment_id.company_id", store=True, index=True
    )
    sequence = fields.Integer(default=10)
    activity_id = fields.Many2one(
        "mgp.activity",
        required=True,
        domain="[('service', '=', 'employment')]",
    )
    performer = fields.Selection(
        [("centre", "Centre employee"), ("ngo", "NGO")],
        required=True,
        default="centre",
    )
    ngo_id = fields.Many2one(
        "res.partner",
        string="NGO",
        index=True,
        domain="[('mgp_ngo_state', '=', 'included')]",
    )
    user_id = fields.Many2one(
        "res.users", string="Employee", domain="[('share', '=', False)]"
    )
    date_planned = fields.Date(string="Planned date")
    date_done = fields.Date(string="Done on")
    result = fields.Text()
    result_attachment_ids = fields.Many2many(
        "ir.attachment",
        "mgp_accompaniment_line_attachment_rel",
        "line_id",
        "attachment_id",
        string="Result documents",
    )
    has_result = fields.Boolean(compute="_compute_has_result", store=True)

    @api.depends("date_done", "result")
    def _compute_has_result(self):
        for line in self:
            line.has_result = bool(line.date_done and line.result)

    @api.constrains("activity_id")
    def _check_activity_service(self):
        for line in self:
            if line.activity_id.service != "employment":
                raise ValidationError(
                    self.env._(
                        "Only activities of the employment catalogue can be "
                        "planned in this service."
                    )
                )

    @api.constrains("performer", "ngo_id")
    def _check_performer(self):
        for line in self:
            if line.performer == "centre" and line.ngo_id:
                raise ValidationError(
                    self.env._("An activity of the centre cannot have an NGO.")
                )

    @api.constrains("date_done", "date_planned")
    def _check_date_done(self):
        for line in self:
            case = line.accompaniment_id
            if line.date_done and line.date_done > case._mgp_today():
                raise ValidationError(
                    self.env._("The activity cannot be done in the future.")
                )
            if (
                line.date_done
                and case.plan_agreed_date
                and (line.date_done < case.plan_agreed_date)
            ):
                raise ValidationError(
                    self.env._("An activity cannot be done before the plan is agreed.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        if not self._mgp_is_granted(create=True):
            cases = self.env["mgp.accompaniment"].browse(
                {vals.get("accompaniment_id") for vals in vals_list} - {None, False}
            )
            # a line goes only into a case the user may change
            cases.check_access("write")
            if any(vals.get("date_done") or vals.get("result") for vals in vals_list):
                raise UserError(
                    self.env._(
                        "Plan the activity first; its performer records the result."
                    )
                )
        lines = super().create(vals_list)
        lines._check_case_open()
        return lines

    def write(self, vals):
        if not self._mgp_is_granted():
            if self.env.user.share and set(vals) - PORTAL_RESULT_FIELDS:
                raise AccessError(
                    self.env._("You may only record the results of an activity.")
                )
            if set(vals) & PORTAL_RESULT_FIELDS:
                self._mgp_check_performer()
            if set(vals) - PORTAL_RESULT_FIELDS:
                # planning the activities is work on the case itself
                self.accompaniment_id.check_access("write")
                if (
                    set(vals)
                    - PORTAL_RESULT_FIELDS
                    - {
                        "sequence",
                        "user_id",
                        "date_planned",
                    }
                ):
                    self._check_case_open()
        res = super().write(vals)
        if {"date_done", "result"} & set(vals):
            # an NGO representative records results without access to the
            # case's deadlines; closing them is the engine's bookkeeping
            self.accompaniment_id.sudo()._mgp_check_results_complete()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_closed_case(self):
        if not self._mgp_is_granted():
            self.accompaniment_id.check_access("write")
        self._check_case_open()

    def _mgp_check_performer(self):
        """The result of an activity is recorded by its performer: the NGO's
        representative for an NGO line, the line's (or the case's
        accompanying) employee for a centre line."""
        user = self.env.user
        for line in self:
            if line.performer == "ngo":
                allowed = user.share and (
                    user.commercial_partner_id == line.ngo_id and bool(line.ngo_id)
                )
            else:
                performers = line.user_id | line.accompaniment_id.responsible_user_id
                allowed = not user.share and user in performers
            if not allowed:
                raise AccessError(
                    self.env._(
                        "Only the performer of «%s» records its result.",
                        line.activity_id.name,
                    )
                )

    def _check_case_open(self):
        for line in self:
            if line.accompaniment_id.state in ("employed", "expired", "terminated"):
                raise UserError(
                    self.env._(
                        "The activities of a closed case cannot be changed; "
                        "only their results."
                    )
                )

    def _mgp_portal_record_result(self, date_done, result, files=()):
        """Record the result of an activity from the NGO portal.

        :param files: list of ``(filename, content bytes)``, checked by
            ``mgp.upload`` (documents and images of a configured size)
        """
        self.ensure_one()
        if not date_done or not (result or "").strip():
            raise UserError(self.env._("Give the date and the result of the activity."))
        if date_done > centre_today(self):
            raise UserError(self.env._("The activity cannot be done in the future."))
        self.write({"date_done": date_done, "result": result.strip()})
        attachments = self.env["mgp.upload"]._mgp_attach(
            self, files, field="result_attachment_ids"
        )
        self.accompaniment_id.sudo().message_post(
            body=self.env._(
                "Result of «%(activity)s» recorded by %(ngo)s on %(date)s: %(result)s",
                activity=self.activity_id.name,
                ngo=self.env.user.commercial_partner_id.name,
                date=format_date(self.env, date_done),
                result=result.strip(),
            ),
            author_id=self.env.user.partner_id.id,
            attachment_ids=attachments.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        return True
