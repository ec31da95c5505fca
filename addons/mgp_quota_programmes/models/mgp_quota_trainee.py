# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class MgpQuotaTrainee(models.Model):
    """Seed 004:75 «выдает инвалиду ... направление в организацию,
    осуществляющую образовательную деятельность, для прохождения
    профессионального обучения»: the trainee's training is the centre's
    training referral; the trainee is trained when it is completed."""

    _inherit = "mgp.quota.trainee"

    training_referral_id = fields.Many2one(
        "mgp.training.referral",
        string="Training referral",
        index=True,
        domain="[('partner_id', '=', partner_id)]",
        help="The centre's referral to vocational training the person is "
        "trained by for the reserved workplace.",
    )

    @api.constrains("training_referral_id", "partner_id")
    def _check_training_referral_person(self):
        for trainee in self.filtered("training_referral_id"):
            if trainee.training_referral_id.partner_id != trainee.partner_id:
                raise ValidationError(
                    self.env._("The training referral is another person's.")
                )

    @api.onchange("training_referral_id")
    def _onchange_training_referral_id(self):
        referral = self.training_referral_id
        if referral:
            self.training_organisation = referral.school_id.name
            self.date_training_referral = referral.referral_date
            self.date_training_end = referral.date_end
            self.profession = self.profession or referral.profession_id.name

    def action_mark_trained(self, date_end=None):
        """A trainee of a training referral is trained once the referral's
        training is completed, on its end date."""
        for trainee in self:
            referral = trainee.training_referral_id
            end = date_end
            if referral:
                if referral.state not in ("completed", "employer_referral"):
                    raise ValidationError(
                        self.env._(
                            "The training of %(person)s by the referral "
                            "%(referral)s is not completed.",
                            person=trainee.partner_id.name,
                            referral=referral.name,
                        )
                    )
                end = date_end or referral.date_end
            super(MgpQuotaTrainee, trainee).action_mark_trained(end)
        return True
