# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models

# How the form words the channel by which the application was received.
CHANNEL_LABELS = {
    "portal": "через личный кабинет на портале",
    "paper": "на бумажном носителе лично (через представителя)",
    "post": "почтовым отправлением с описью вложения",
    "email": "в виде электронного файла по электронной почте",
}


class ReportNgoApplication(models.AbstractModel):
    """Приложение 4: Заявка о включении в реестр негосударственных
    организаций, осуществляющих оказание индивидуальной помощи в виде
    сопровождения при содействии занятости инвалидов."""

    _name = "report.mgp_reports.report_ngo_application"
    _inherit = "mgp.report.form"
    _description = "NGO registry application (Appendix 4)"

    _mgp_doc_model = "mgp.ngo.application"

    @api.model
    def _mgp_get_form_values(self, docs):
        return {
            "form": {
                application.id: self._mgp_application_values(application)
                for application in docs
            }
        }

    @api.model
    def _mgp_application_values(self, application):
        territory = application.territory_state_ids.mapped("name")
        if application.territory:
            territory.append(application.territory)
        contacts = [
            part
            for part in (application.contact_name, application.phone, application.email)
            if part
        ]
        return {
            "head": ", ".join(
                part
                for part in (application.head_position, application.head_name)
                if part
            ),
            "contacts": contacts,
            "territory": "; ".join(territory),
            "channel": CHANNEL_LABELS.get(application.channel, ""),
        }
