# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.mgp_base.models.mgp_today import centre_today
from odoo.addons.mgp_base.models.mgp_transition import Transition

ORGANISATION = "mgp_social_employment.group_organisation"


class MgpSocempNotice(models.Model):
    """A participant informs the others of disabled persons who need social
    employment services per their IPRA: the ministry (003:81), the MSE
    bureau and local governments (003:91), the authorised organisations
    (003:99). Each addressee's reading and acknowledgement is recorded."""

    _name = "mgp.socemp.notice"
    _description = "Need Notice on Social Employment"
    _inherit = ["mail.thread", "mail.activity.mixin", "mgp.protected.mixin"]
    _order = "date desc, id desc"
    _mgp_protected_fields = ("name", "state", "ack_ids")
    _mgp_create_only_fields = ("company_id",)
    # a notice is sent once; its addressees then read, acknowledge and
    # register its persons (the ministry acts as an organisation)
    _mgp_transitions = {
        "action_send": Transition(("draft",), "sent", ORGANISATION),
        "action_mark_read": Transition(("sent",), group=ORGANISATION),
        "action_acknowledge": Transition(("sent",), group=ORGANISATION),
        "action_create_records": Transition(("sent",), group=ORGANISATION),
    }

    name = fields.Char(string="Number", required=True, copy=False, default="/")
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    date = fields.Date(required=True, default=centre_today, tracking=True)
    sender_id = fields.Many2one("mgp.socemp.participant", required=True, tracking=True)
    recipient_ids = fields.Many2many(
        "mgp.socemp.participant",
        "mgp_socemp_notice_recipient_rel",
        "notice_id",
        "participant_id",
        string="Addressees",
        required=True,
    )
    partner_ids = fields.Many2many(
        "res.partner",
        "mgp_socemp_notice_partner_rel",
        "notice_id",
        "partner_id",
        string="Persons",
        domain=[("is_company", "=", False)],
        help="The disabled persons who need social employment per their IPRA.",
    )
    note = fields.Text()
    ack_ids = fields.One2many(
        "mgp.socemp.notice.ack", "notice_id", string="Read and acknowledged"
    )
    state = fields.Selection(
        [("draft", "Draft"), ("sent", "Sent")],
        required=True,
        default="draft",
        tracking=True,
        index=True,
    )

    @api.model
    def _mgp_prepare_create_vals(self, vals_list):
        vals_list = super()._mgp_prepare_create_vals(vals_list)
        Company = self.env["res.company"]
        for vals in vals_list:
            if vals.get("name", "/") in ("/", False):
                company = Company.browse(vals.get("company_id")) or self.env.company
                vals["name"] = self._mgp_next_number("mgp.socemp.notice", company)
        return vals_list

    def write(self, vals):
        if self.filtered(lambda n: n.state == "sent") and set(vals) - {
            "message_main_attachment_id",
        }:
            if not self._mgp_is_granted():
                raise UserError(self.env._("A sent notice is not changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_if_draft(self):
        if any(notice.state != "draft" for notice in self):
            raise UserError(self.env._("A sent notice is kept: it cannot be deleted."))

    def action_send(self):
        """Send the notice: each addressee gets a line to acknowledge."""
        for notice in self:
            if not notice.partner_ids:
                raise UserError(self.env._("Name the persons the notice is about."))
            notice._mgp_transition("action_send")
            self.env["mgp.socemp.notice.ack"]._mgp_engine_create(
                [
                    {"notice_id": notice.id, "participant_id": participant.id}
                    for participant in notice.recipient_ids
                ]
            )
        return True

    def action_mark_read(self):
        return self._mgp_acknowledge(acknowledge=False)

    def action_acknowledge(self):
        return self._mgp_acknowledge(acknowledge=True)

    def _mgp_acknowledge(self, acknowledge):
        """Record that the current user, for the addressees he acts for, has
        read (and acknowledged) the notice."""
        now = fields.Datetime.now()
        participants = self.env["mgp.socemp.participant"]._mgp_of_user()
        for notice in self:
            acks = notice.ack_ids.filtered(lambda a: a.participant_id in participants)
            if not acks:
                raise UserError(
                    self.env._(
                        "The notice %s is not addressed to an organisation you "
                        "act for.",
                        notice.name,
                    )
                )
            for ack in acks:
                vals = {}
                if not ack.date_read:
                    vals.update(date_read=now, read_user_id=self.env.user.id)
                if acknowledge and not ack.date_ack:
                    vals.update(date_ack=now, ack_user_id=self.env.user.id)
                if vals:
                    ack._mgp_engine_write(vals)
        return True

    def action_create_records(self):
        """Put the notice's persons in the register of the organisations the
        user acts for (identified, the need known from the notice)."""
        self.ensure_one()
        organisations = self.recipient_ids.filtered(
            lambda p: p.kind == "organisation"
        ) & self.env["mgp.socemp.participant"]._mgp_of_user("organisation")
        if not organisations:
            raise UserError(
                self.env._(
                    "The notice is not addressed to an organisation you act for."
                )
            )
        self.action_mark_read()
        Record = self.env["mgp.socemp.record"]
        source = {
            "ministry": "ministry",
            "mse": "mse",
            "municipality": "municipality",
        }.get(self.sender_id.kind, "organisation")
        vals_list = []
        for organisation in organisations:
            existing = Record.search(
                [
                    ("organisation_id", "=", organisation.id),
                    ("partner_id", "in", self.partner_ids.ids),
                    ("state", "!=", "ended"),
                ]
            ).partner_id
            vals_list += [
                {
                    "partner_id": partner.id,
                    "organisation_id": organisation.id,
                    "need_source": source,
                    "need_notice_id": self.id,
                    "date_identified": self.date,
                }
                for partner in self.partner_ids - existing
            ]
        records = Record.create(vals_list) if vals_list else Record
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Register"),
            "res_model": "mgp.socemp.record",
            "view_mode": "list,form",
            "domain": [("need_notice_id", "=", self.id)],
            "context": {"create": False, "mgp_created": records.ids},
        }


class MgpSocempNoticeAck(models.Model):
    """Who of an addressee read and acknowledged a notice, and when."""

    _name = "mgp.socemp.notice.ack"
    _description = "Need Notice Acknowledgement"
    _inherit = ["mgp.protected.mixin"]
    _order = "notice_id, id"
    _mgp_protected_fields = (
        "notice_id",
        "participant_id",
        "date_read",
        "read_user_id",
        "date_ack",
        "ack_user_id",
    )

    notice_id = fields.Many2one(
        "mgp.socemp.notice", required=True, index=True, ondelete="cascade"
    )
    participant_id = fields.Many2one(
        "mgp.socemp.participant", string="Addressee", required=True
    )
    date_read = fields.Datetime(string="Read on")
    read_user_id = fields.Many2one("res.users", string="Read by")
    date_ack = fields.Datetime(string="Acknowledged on")
    ack_user_id = fields.Many2one("res.users", string="Acknowledged by")
