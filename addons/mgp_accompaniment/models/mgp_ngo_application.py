# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class MgpNgoApplication(models.Model):
    """An application registered by a specialist while a case runs («НГО
    может быть внесена в Реестр по ходу оказания сервиса»): the case is told
    when the organisation is included."""

    _inherit = "mgp.ngo.application"
    # the case the application was registered from: set when it is
    # registered, never relinked afterwards
    _mgp_create_only_fields = ("accompaniment_id",)

    accompaniment_id = fields.Many2one(
        "mgp.accompaniment",
        string="Registered during case",
        readonly=True,
        copy=False,
        index="btree_not_null",
        groups="mgp_base.group_specialist",
        help="The accompaniment case during which the application was "
        "registered from the assignment.",
    )

    def action_approve(self):
        res = super().action_approve()
        # the case may belong to a specialist the manager cannot see
        for application in self.sudo().filtered("accompaniment_id"):
            application.accompaniment_id.message_post(
                body=self.env._(
                    "%(ngo)s is included in the NGO registry (application "
                    "%(application)s): it now appears among the candidates.",
                    ngo=application.partner_id.name,
                    application=application.name,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return res
