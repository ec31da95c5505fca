# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

from .mgp_access_log import journal_add
from .mgp_today import centre_today
from .mgp_transition import Transition

CONSENT_FORMS = [
    ("paper", "On paper"),
    ("portal", "Through the portal"),
    ("ecp", "Through the Unified Digital Platform (ЕЦП)"),
]


class MgpConsent(models.Model):
    """The citizen's written consent to the processing of his health data
    and to their transfer to the NGO that accompanies him (152-ФЗ ст. 9:
    «в письменной форме»; ст. 10: special categories of data). Kept once
    given: a withdrawal is recorded by :meth:`action_withdraw`, never by
    deleting or editing the consent."""

    _name = "mgp.consent"
    _description = "Consent to the Processing of Health Data"
    _inherit = ["mail.thread", "mgp.protected.mixin"]
    _order = "date desc, id desc"
    _mgp_protected_fields = (
        "state",
        "company_id",
        "attachment_id",
        "withdrawal_date",
        "withdrawal_reason",
        "withdrawn_by_id",
    )
    _mgp_create_only_fields = (
        "partner_id",
        "date",
        "form",
        "scope_processing",
        "scope_transfer",
    )
    _mgp_transitions = {
        "action_withdraw": Transition(
            ("valid",),
            "withdrawn",
            "mgp_base.group_specialist",
            launchers=("action_open_withdraw_wizard",),
        ),
        # the citizen's own withdrawal from his portal (152-ФЗ ст. 9 ч. 2)
        "portal_withdraw": Transition(("valid",), "withdrawn"),
    }

    partner_id = fields.Many2one(
        "res.partner", string="Person", required=True, index=True, tracking=True
    )
    company_id = fields.Many2one(
        "res.company",
        string="Centre",
        index=True,
        default=lambda self: self.env.company,
    )
    date = fields.Date(required=True, default=centre_today, tracking=True)
    form = fields.Selection(CONSENT_FORMS, required=True, default="paper")
    scope_processing = fields.Boolean(string="Processing of health data", default=True)
    scope_transfer = fields.Boolean(
        string="Transfer to the accompanying NGO",
        default=True,
        help="The health data may be transferred to the NGO that accompanies "
        "the person.",
    )
    attachment_id = fields.Many2one(
        "ir.attachment", string="Signed consent", readonly=True, copy=False
    )
    file = fields.Binary(
        compute="_compute_file", inverse="_inverse_file", string="Document"
    )
    file_name = fields.Char()
    withdrawal_date = fields.Date(readonly=True, copy=False, tracking=True)
    withdrawal_reason = fields.Text(readonly=True, copy=False)
    withdrawn_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    state = fields.Selection(
        [("valid", "Valid"), ("withdrawn", "Withdrawn")],
        required=True,
        default="valid",
        readonly=True,
        index=True,
    )

    @api.depends("attachment_id")
    def _compute_file(self):
        for consent in self:
            consent.file = consent.attachment_id.datas

    def _inverse_file(self):
        for consent in self.filtered("file"):
            attachment = self.env["mgp.upload"]._mgp_attach(
                consent, [(consent.file_name, base64.b64decode(consent.file))]
            )
            consent._mgp_engine_write(
                {"attachment_id": attachment.id, "file_name": attachment.name}
            )

    @api.depends("partner_id", "date")
    def _compute_display_name(self):
        for consent in self:
            consent.display_name = self.env._(
                "Consent of %(person)s of %(date)s",
                person=consent.partner_id.name or "",
                date=format_date(self.env, consent.date) if consent.date else "",
            )

    @api.constrains("date")
    def _check_date(self):
        today = centre_today(self)
        if any(consent.date > today for consent in self):
            raise UserError(self.env._("A consent cannot be dated in the future."))

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(
            self.env._(
                "A consent is kept once given: record its withdrawal instead of "
                "deleting it."
            )
        )

    def action_open_withdraw_wizard(self):
        self.ensure_one()
        self.check_access("write")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Withdraw the consent"),
            "res_model": "mgp.consent.withdraw.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_consent_id": self.id},
        }

    def action_withdraw(self, reason, withdrawal_date=None):
        """The citizen withdraws his consent: the transfer stops."""
        return self._mgp_withdraw("action_withdraw", reason, withdrawal_date)

    def _mgp_portal_withdraw(self, reason):
        """The citizen withdraws his own consent in the portal, today."""
        self.ensure_one()
        user = self.env.user
        if not user.share or self.partner_id != user.partner_id:
            raise UserError(self.env._("You may withdraw only your own consent."))
        # the citizen's own consent, checked above: the portal reads it only
        return self.sudo()._mgp_withdraw("portal_withdraw", reason, by=user)

    def _mgp_withdraw(self, transition, reason, withdrawal_date=None, by=None):
        if not (reason or "").strip():
            raise UserError(self.env._("State the reason of the withdrawal."))
        today = centre_today(self)
        day = fields.Date.to_date(withdrawal_date) or today
        for consent in self:
            if day < consent.date or day > today:
                raise UserError(
                    self.env._(
                        "The withdrawal date must lie between the consent date "
                        "and today."
                    )
                )
        by = by or self.env.user
        self._mgp_transition(
            transition,
            {
                "withdrawal_date": day,
                "withdrawal_reason": reason.strip(),
                "withdrawn_by_id": by.id,
            },
        )
        for consent in self:
            # the withdrawal changes what may be transferred: journaled
            journal_add(
                self.env(user=by),
                consent.partner_id.ids,
                "change",
                {"consent_withdrawal"},
                res_model=consent._name,
                res_id=consent.id,
            )
            body = self.env._(
                "The consent of %(date)s was withdrawn on %(withdrawal)s: the "
                "health data are no longer transferred to the NGO. Reason: "
                "%(reason)s",
                date=format_date(self.env, consent.date),
                withdrawal=format_date(self.env, day),
                reason=consent.withdrawal_reason,
            )
            consent.message_post(body=body, subtype_xmlid="mail.mt_note")
            # the person's own chatter keeps the trace
            consent.partner_id.sudo().message_post(
                body=body, subtype_xmlid="mail.mt_note"
            )
        return True

    @api.model
    def _mgp_transfer_consented(self, partners):
        """The persons of ``partners`` whose health data may go to the NGO
        that accompanies them (one query)."""
        if not partners:
            return partners
        consents = self.sudo().search_fetch(  # the register's own check
            [
                ("partner_id", "in", partners.ids),
                ("scope_transfer", "=", True),
                ("withdrawal_date", "=", False),
                ("date", "<=", centre_today(self)),
            ],
            ["partner_id"],
        )
        return partners & consents.partner_id.with_env(partners.env)

    @api.model
    def _mgp_check_transfer(self, partners):
        """Refuse to send ``partners``' data to an NGO without their consent."""
        missing = partners - self._mgp_transfer_consented(partners)
        if missing:
            raise UserError(
                self.env._(
                    "%s has not given a valid written consent to the transfer of "
                    "his health data to the accompanying NGO (152-FZ, articles "
                    "9–10): record the consent first.",
                    ", ".join(missing.sudo().mapped("name")),
                )
            )
        return True
