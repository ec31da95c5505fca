# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64

from odoo import fields, models

from odoo.addons.mgp_base.models.mgp_today import centre_today

from ..models.mgp_workplace_plan import APPEAL_CHANNELS


class MgpWorkplaceAppealWizard(models.TransientModel):
    """Register an appeal (Приложение 5) received on paper, by post or by
    e-mail."""

    _name = "mgp.workplace.appeal.wizard"
    _description = "Register an Employer's Appeal"

    company_id = fields.Many2one(
        "res.company", string="Centre", required=True, default=lambda s: s.env.company
    )
    employer_id = fields.Many2one(
        "res.partner", required=True, domain="[('is_company', '=', True)]"
    )
    channel = fields.Selection(
        [c for c in APPEAL_CHANNELS if c[0] != "portal"], required=True, default="paper"
    )
    appeal_date = fields.Date(
        string="Appeal received", required=True, default=centre_today
    )
    worker_name = fields.Char(string="Worker's full name", required=True)
    worker_snils = fields.Char(string="Worker's SNILS", required=True)
    worker_position = fields.Char(string="Position")
    worker_hire_date = fields.Date(string="Hire date")
    help_expected = fields.Text(string="Help the employer expects")
    contact_name = fields.Char(string="Contact person")
    contact_phone = fields.Char(string="Contact phone")
    contact_email = fields.Char(string="Contact e-mail")
    attachment_ids = fields.Many2many("ir.attachment", string="Documents")

    def action_confirm(self):
        self.ensure_one()
        self.env["mgp.workplace.plan"]._mgp_check_group("mgp_base.group_specialist")
        plan = self.env["mgp.workplace.plan"]._mgp_register_appeal(
            {
                "company_id": self.company_id.id,
                "employer_id": self.employer_id.commercial_partner_id.id,
                "appeal_date": self.appeal_date,
                "worker_name": self.worker_name,
                "worker_snils": self.worker_snils,
                "worker_position": self.worker_position,
                "worker_hire_date": self.worker_hire_date,
                "help_expected": self.help_expected,
                "contact_name": self.contact_name,
                "contact_phone": self.contact_phone,
                "contact_email": self.contact_email,
                "user_id": self.env.user.id,
            },
            [(a.name, base64.b64decode(a.datas or b"")) for a in self.attachment_ids],
            channel=self.channel,
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": plan._name,
            "res_id": plan.id,
            "view_mode": "form",
        }
