# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models
from odoo.exceptions import UserError, ValidationError

from .mgp_complaint_need_to_know import record_users


class MgpDocumentCorrection(models.Model):
    """A correction is numbered when it is asked for: the register keeps it
    (it ends applied or refused with a reason)."""

    _name = "mgp.document.correction"
    _inherit = ["mgp.document.correction", "mgp.register.mixin"]

    def _mgp_register_cancel_hint(self):
        return self.env._("Refuse the correction with a reason instead.")


class MgpComplaint(models.Model):
    """A registered complaint is a record of the register: what it says,
    who filed it, what it concerns and to whom it is addressed never change;
    it is decided by nobody it concerns (seed 002 §5.2)."""

    _name = "mgp.complaint"
    _inherit = ["mgp.complaint", "mgp.register.mixin"]

    def _mgp_register_kept(self):
        return self.filtered(lambda complaint: complaint.state != "draft")

    def _mgp_register_frozen_fields(self):
        return (
            *super()._mgp_register_frozen_fields(),
            "partner_id",
            "complainant_type",
            "res_model",
            "res_id",
            "subject",
            "description",
            "channel",
            "addressed_to",
            "company_id",
        )

    def _mgp_register_cancel_hint(self):
        return self.env._("A registered complaint is decided and answered.")

    @api.constrains("res_model", "res_id", "company_id", "channel", "addressed_to")
    def _check_concerned_centre(self):
        for complaint in self:
            if complaint.channel == "ministry" and complaint.addressed_to != "ministry":
                raise ValidationError(
                    self.env._(
                        "A complaint forwarded by the ministry is addressed to "
                        "the ministry."
                    )
                )
            record = complaint._mgp_concerned_record()
            # the centre of the concerned record, readable or not by the user
            company = (
                record.sudo().company_id
                if record and "company_id" in record._fields
                else False
            )
            if company and company != complaint.company_id:
                raise ValidationError(
                    self.env._("A complaint concerns a record of its own centre only.")
                )

    def action_decide(self, *args, **kwargs):
        self.ensure_one()
        self._mgp_check_no_conflict()
        return super().action_decide(*args, **kwargs)

    def _mgp_conflicted_users(self):
        """The users the complaint concerns: the specialist of the case, the
        accompanying employee, who drafted and approved its order…"""
        self.ensure_one()
        # who acted on the concerned record, whatever the decider may read
        return record_users(self._mgp_concerned_record(), self.env)

    def _mgp_check_no_conflict(self):
        if self.env.su:
            return
        if self.env.user in self._mgp_conflicted_users():
            raise UserError(
                self.env._(
                    "The complaint concerns you (%s): another reviewer decides it.",
                    self._mgp_concerned_record().sudo().display_name,
                )
            )


class MgpDocumentCorrectionSnils(models.Model):
    _inherit = "mgp.document.correction"

    @api.constrains("new_snils", "res_model", "res_id")
    def _check_new_snils_own(self):
        """The corrected СНИЛС is the person's own: another person's is
        refused (the register would give him someone else's number)."""
        Partner = self.env["res.partner"]
        for correction in self.filtered("new_snils"):
            snils = Partner._mgp_normalize_snils(correction.new_snils)
            document = correction._mgp_document().sudo()
            person = (
                document.partner_id if "partner_id" in document._fields else Partner
            )
            # uniqueness of the СНИЛС spans every centre
            taken = Partner.sudo().search_count(
                [("mgp_snils", "=", snils), ("id", "not in", person.ids)], limit=1
            )
            if taken:
                raise ValidationError(
                    self.env._(
                        "This SNILS cannot be accepted: a correction gives the "
                        "person's own SNILS."
                    )
                )
