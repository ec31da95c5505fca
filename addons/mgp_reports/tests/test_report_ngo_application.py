# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.tests import tagged

from .common import MgpReportsCommon

REPORT = "mgp_reports.action_report_ngo_application"


@tagged("post_install", "-at_install")
class TestReportNgoApplication(MgpReportsCommon):
    def test_application(self):
        application = (
            self.env["mgp.ngo.application"]
            .with_user(self.specialist)
            .create(
                {
                    "company_id": self.company.id,
                    "channel": "post",
                    "post_reference": "80080012345678",
                    "date": date(2026, 2, 20),
                    "date_received": date(2026, 2, 24),
                    "org_name": "Автономная некоммерческая организация «Шаг навстречу»",
                    "inn": "4029000032",
                    "ogrn": "1024005123450",
                    "address": "248000, г. Калуга, ул. Ленина, д. 1",
                    "head_name": "Смирнова Анна Викторовна",
                    "head_position": "Директор",
                    "contact_name": "Орлов Илья",
                    "phone": "+7 4842 11-22-33",
                    "email": "step@example.ru",
                    "mgp_activity_ids": [
                        (6, 0, (self.activity_route | self.activity_interpreter).ids)
                    ],
                    "conditions": "Бесплатно, по будням с 9 до 18 часов.",
                    "territory": "городской округ «Город Калуга»",
                    "territory_state_ids": [(6, 0, self.state.ids)],
                    "staff_ids": [
                        (
                            0,
                            0,
                            {
                                "name": "Кузнецов Олег Иванович",
                                "job_title": "Сурдопереводчик",
                                "qualification": "Диплом № 123",
                                "document_date": date(2024, 6, 14),
                            },
                        ),
                        (0, 0, {"name": "Павлова Елена Сергеевна"}),
                    ],
                }
            )
        )

        text = self._render_pdf_text(REPORT, application)
        for expected in (
            "Заявка",
            "о включении в реестр негосударственных организаций",
            "В ЦЗН Тестовый",
            "Автономная некоммерческая организация «Шаг навстречу»",
            "ИНН: 4029000032",
            "ОГРН: 1024005123450",
            "г. Калуга, ул. Ленина, д. 1",
            "Директор, Смирнова Анна Викторовна",
            "Орлов Илья, +7 4842 11-22-33, step@example.ru",
            self.activity_route.name,
            self.activity_interpreter.name,
            "Бесплатно, по будням с 9 до 18 часов.",
            "Кузнецов Олег Иванович",
            "Сурдопереводчик",
            "Диплом № 123",
            "14 июня 2024 г.",
            "Павлова Елена Сергеевна",
            "%s; городской округ «Город Калуга»"
            % self.state.with_context(lang="ru_RU").name,
            "Дата заявки: 20 февраля 2026 г.",
            "М.П.",
            "поступила 24 февраля 2026 г., почтовым отправлением с описью вложения",
            application.name,
        ):
            self.assertIn(expected, text)
        self.assertNotIn(self.activity_talks.name, text)
