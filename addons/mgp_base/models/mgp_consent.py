# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

CONSENT_FORMS = [
    ("written", "Written, signed by the citizen"),
    ("electronic", "Electronic, signed with a simple or qualified signature"),
]


class MgpConsent(models.Model):
    """The citizen's consent to the processing of his health data and to
    their transfer to the NGO that accompanies him (152-ФЗ ст. 9, 10: a
    special category of personal data, written consent).

    A consent is given on a date in a form, for a scope; it is withdrawn on
    a date (ст. 9 ч. 2), after which nothing more goes to the NGO. Consents
    are records of the register: never deleted, never rewritten.
    """

    _name = "mgp.consent"
    _description = "Consent to the Processing of Health Data"
    _inherit = ["mail.thread", "mgp.protected.mixin", "mgp.register.mixin"]
    _order = "date_given desc, id desc"
    _mgp_protected_fields = ("state", "date_withdrawn", "withdrawn_by_id")
    _mgp_create_only_fields = (
        "partner_id",
        "company_id",
        "form",
        "date_given",
        "scope_processing",
        "scope_ngo_transfer",
        "ngo_id",
    )

    partner_id = fields.Many2one(
        "res.partner",
        string="Citizen",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('is_company', '=', False)]",
    )
    company_id = fields.Many2one(
        "res.company",
        string="Centre",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    form = fields.Selection(CONSENT_FORMS, required=True, default="written")
    date_given = fields.Date(string="Given on", required=True, tracking=True)
    document_ref = fields.Char(
        string="Document", help="Number or reference of the signed consent."
    )
    scope_processing = fields.Boolean(
        string="Processing of health data",
        default=True,
        help="The centre processes the citizen's disability, IPRA and medical "
        "data for the accompaniment.",
    )
    scope_ngo_transfer = fields.Boolean(
        string="Transfer to the accompanying NGO",
        help="The centre transfers the data the accompaniment needs to the "
        "NGO that accompanies the citizen.",
    )
    ngo_id = fields.Many2one(
        "res.partner",
        string="NGO",
        domain="[('is_company', '=', True)]",
        help="The NGO the transfer is consented to; empty: the NGO the centre "
        "assigns to accompany the citizen.",
    )
    state = fields.Selection(
        [("given", "Given"), ("withdrawn", "Withdrawn")],
        required=True,
        default="given",
        tracking=True,
        index=True,
    )
    date_withdrawn = fields.Date(string="Withdrawn on", readonly=True, tracking=True)
    withdrawn_by_id = fields.Many2one(
        "res.users", string="Withdrawal recorded by", readonly=True
    )
    withdrawal_note = fields.Text(string="Withdrawal details")

    @api.constrains("date_given", "scope_processing", "scope_ngo_transfer")
    def _check_consent(self):
        today = fields.Date.context_today(self)
        for consent in self:
            if consent.date_given > today:
                raise ValidationError(
                    self.env._("A consent cannot be given in the future.")
                )
            if not (consent.scope_processing or consent.scope_ngo_transfer):
                raise ValidationError(self.env._("Say what the citizen consents to."))

    def _compute_display_name(self):
        for consent in self:
            consent.display_name = self.env._(
                "Consent of %(person)s of %(date)s",
                person=consent.partner_id.name or "",
                date=consent.date_given.strftime("%d.%m.%Y")
                if consent.date_given
                else "",
            )

    def _mgp_register_cancel_hint(self):
        return self.env._("A consent is withdrawn, never deleted.")

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_withdraw(self, withdrawal_date=None, note=None):
        """Record the withdrawal: from that day nothing more goes to the NGO;
        the withdrawal is written in the history of the consent and of the
        citizen."""
        if not (self.env.su or self.env.user.has_group("mgp_base.group_specialist")):
            raise UserError(self.env._("Only the centre records a withdrawal."))
        today = fields.Date.context_today(self)
        withdrawal_date = fields.Date.to_date(withdrawal_date) or today
        for consent in self:
            if consent.state != "given":
                raise UserError(self.env._("The consent is already withdrawn."))
            if withdrawal_date > today or withdrawal_date < consent.date_given:
                raise ValidationError(
                    self.env._("The withdrawal date is between the consent and today.")
                )
            consent._mgp_engine_write(
                {
                    "state": "withdrawn",
                    "date_withdrawn": withdrawal_date,
                    "withdrawn_by_id": self.env.user.id,
                }
            )
            if note:
                consent.withdrawal_note = note
            body = self.env._(
                "Consent of %(date)s withdrawn on %(withdrawn)s: the data are no "
                "longer transferred.",
                date=consent.date_given.strftime("%d.%m.%Y"),
                withdrawn=withdrawal_date.strftime("%d.%m.%Y"),
            )
            consent.message_post(body=body, subtype_xmlid="mail.mt_note")
            # the citizen's history records the withdrawal, whoever may
            # write his record
            consent.partner_id.sudo().message_post(
                body=body, subtype_xmlid="mail.mt_note"
            )
            consent._mgp_on_withdrawn()
        return True

    def _mgp_on_withdrawn(self):
        """Hook: what stops when the consent is withdrawn (the services)."""
        return True
