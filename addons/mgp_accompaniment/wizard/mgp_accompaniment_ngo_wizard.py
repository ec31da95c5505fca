# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.mgp_base.models.mgp_today import centre_today


class MgpAccompanimentNgoWizard(models.TransientModel):
    """Register an organisation and its application to the NGO registry
    from the assignment of a case (paper application received by the
    centre). The application follows the registry's normal review: once a
    manager approves it, the organisation appears among the candidates."""

    _name = "mgp.accompaniment.ngo.wizard"
    _description = "Register an NGO During a Case"

    accompaniment_id = fields.Many2one(
        "mgp.accompaniment", required=True, ondelete="cascade"
    )
    assign_wizard_id = fields.Many2one(
        "mgp.accompaniment.assign.wizard", string="Assignment", ondelete="cascade"
    )
    channel = fields.Selection(
        [
            ("paper", "Paper, in person"),
            ("post", "Post with an inventory"),
            ("email", "E-mail"),
        ],
        required=True,
        default="paper",
    )
    date_received = fields.Date(
        string="Received on", required=True, default=centre_today
    )
    org_name = fields.Char(string="Full name of the organisation", required=True)
    inn = fields.Char(string="INN", required=True)
    ogrn = fields.Char(string="OGRN")
    address = fields.Char()
    head_name = fields.Char(string="Head")
    contact_name = fields.Char(string="Contact person")
    phone = fields.Char()
    email = fields.Char()
    activity_ids = fields.Many2many(
        "mgp.activity",
        string="Activities performed",
        domain=[("service", "=", "employment")],
        default=lambda self: self._default_activity_ids(),
    )
    conditions = fields.Text(string="Order and conditions of assistance")
    territory_state_ids = fields.Many2many(
        "res.country.state",
        string="Regions served",
        default=lambda self: self._default_territory_state_ids(),
    )
    territory = fields.Char(string="Municipalities served")
    schedule = fields.Text(
        string="Schedule of assistance",
        help="Days and hours when the organisation provides assistance.",
    )
    help_form_ids = fields.Many2many("mgp.ngo.help.form", string="Forms of assistance")
    accessibility = fields.Text(string="Accessibility of the premises")
    capacity = fields.Integer(string="Capacity (cases at once)")
    staff_ids = fields.One2many(
        "mgp.accompaniment.ngo.wizard.staff", "wizard_id", string="Trained staff"
    )

    def _default_case(self):
        return self.env["mgp.accompaniment"].browse(
            self.env.context.get("default_accompaniment_id")
        )

    def _default_activity_ids(self):
        case = self._default_case().exists()
        return case._mgp_ngo_candidate_lines().activity_id.ids if case else []

    def _default_territory_state_ids(self):
        case = self._default_case().exists()
        return case.partner_id.state_id.ids if case else []

    @api.constrains("capacity")
    def _check_capacity(self):
        if any(wizard.capacity < 0 for wizard in self):
            raise UserError(self.env._("The capacity cannot be negative."))

    def action_register(self):
        """Create the application (the registry's own create and submit
        path) and come back to the assignment."""
        self.ensure_one()
        case = self.accompaniment_id
        # registered for the assignment of the case (the table's state and group)
        case._mgp_transition_check("action_assign_ngo")
        if not self.activity_ids:
            raise UserError(
                self.env._("Choose at least one activity the organisation performs.")
            )
        application = self.env["mgp.ngo.application"].create(
            {
                "channel": self.channel,
                "date_received": self.date_received,
                "date": self.date_received,
                "org_name": self.org_name,
                "inn": self.inn,
                "ogrn": self.ogrn,
                "address": self.address,
                "head_name": self.head_name,
                "contact_name": self.contact_name,
                "phone": self.phone,
                "email": self.email,
                "mgp_activity_ids": [Command.set(self.activity_ids.ids)],
                "conditions": self.conditions,
                "territory_state_ids": [Command.set(self.territory_state_ids.ids)],
                "territory": self.territory,
                "schedule": self.schedule,
                "help_form_ids": [Command.set(self.help_form_ids.ids)],
                "accessibility": self.accessibility,
                "capacity": self.capacity,
                "staff_ids": [
                    Command.create(staff._prepare_staff_vals())
                    for staff in self.staff_ids
                ],
                "user_id": self.env.user.id,
                "company_id": case.company_id.id,
                "accompaniment_id": case.id,
            }
        )
        application.action_submit()
        case.message_post(
            body=self.env._(
                "Application %(application)s of %(ngo)s to the NGO registry "
                "registered during the assignment; it goes to the registry's "
                "review.",
                application=application.name,
                ngo=application.org_name,
            ),
            subtype_xmlid="mail.mt_note",
        )
        if self.assign_wizard_id:
            return self.assign_wizard_id._reopen()
        return {"type": "ir.actions.act_window_close"}


class MgpAccompanimentNgoWizardStaff(models.TransientModel):
    _name = "mgp.accompaniment.ngo.wizard.staff"
    _description = "Trained Employee of the NGO Being Registered"

    wizard_id = fields.Many2one(
        "mgp.accompaniment.ngo.wizard", required=True, ondelete="cascade"
    )
    name = fields.Char(string="Full name", required=True)
    job_title = fields.Char(string="Position")
    qualification = fields.Char(string="Qualification / training document")
    document_date = fields.Date(string="Document date")
    activity_ids = fields.Many2many(
        "mgp.activity",
        string="Activities he may perform",
        domain=[("service", "=", "employment")],
    )

    def _prepare_staff_vals(self):
        self.ensure_one()
        return {
            "name": self.name,
            "job_title": self.job_title,
            "qualification": self.qualification,
            "document_date": self.document_date,
            "activity_ids": [Command.set(self.activity_ids.ids)],
        }
