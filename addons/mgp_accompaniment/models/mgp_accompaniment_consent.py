# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError


class MgpAccompaniment(models.Model):
    """The person's data go to the NGO only with his consent to the
    transfer (152-ФЗ ст. 9, 10): the NGO is assigned with it, and its
    portal shows the case only while the consent is in force."""

    _inherit = "mgp.accompaniment"

    mgp_ngo_consent = fields.Boolean(
        string="Consent to the transfer to the NGO",
        compute="_compute_mgp_ngo_consent",
        store=True,
        help="The citizen's consent to the transfer of his data to the NGO "
        "assigned to the case is in force.",
    )

    @api.depends(
        "ngo_id",
        "partner_id.mgp_consent_ids.state",
        "partner_id.mgp_consent_ids.scope_ngo_transfer",
        "partner_id.mgp_consent_ids.ngo_id",
    )
    def _compute_mgp_ngo_consent(self):
        for case in self:
            case.mgp_ngo_consent = bool(
                case.ngo_id
                and case.partner_id._mgp_consents_valid(
                    ngo_transfer=True, ngo=case.ngo_id
                )
            )

    def action_assign_ngo(self, ngo, contract, contact=None, assign_date=None):
        self.ensure_one()
        ngo_id = ngo.id if isinstance(ngo, models.BaseModel) else ngo
        self._mgp_check_ngo_consent(self.env["res.partner"].browse(ngo_id))
        return super().action_assign_ngo(
            ngo, contract, contact=contact, assign_date=assign_date
        )

    def _mgp_check_ngo_consent(self, ngo):
        self.ensure_one()
        if not self.partner_id._mgp_consents_valid(ngo_transfer=True, ngo=ngo):
            raise UserError(
                self.env._(
                    "%(person)s has not consented to the transfer of his data to "
                    "%(ngo)s: record his written consent first (152-FZ art. 9).",
                    person=self.partner_id.name,
                    ngo=ngo.name,
                )
            )


class MgpConsent(models.Model):
    _inherit = "mgp.consent"

    def _mgp_on_withdrawn(self):
        """The NGOs of the person's cases stop receiving his data: their
        portal no longer shows the cases; each case's history says so."""
        res = super()._mgp_on_withdrawn()
        # the person's cases with an NGO, whoever records the withdrawal
        cases = (
            self.env["mgp.accompaniment"]
            .sudo()
            .search(
                [("partner_id", "in", self.partner_id.ids), ("ngo_id", "!=", False)]
            )
        )
        for case in cases.filtered(lambda c: not c.mgp_ngo_consent):
            case.message_post(
                body=self.env._(
                    "The citizen withdrew his consent: %s no longer receives his data.",
                    case.ngo_id.name,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return res
