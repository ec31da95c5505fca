# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
from datetime import date

from odoo.tests.common import TransactionCase, new_test_user

MEDICAL_TYPE = "mgp_social_employment.mgp_document_type_socemp_medical"
# a minimal PDF the upload check accepts
MEDICAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


class SocempCommon(TransactionCase):
    """A region (Владимирская область) with its ministry, two authorised
    organisations in companies of their own, an МСЭ bureau and a
    municipality outside the installation, an employment centre of the same
    region; users of each role; persons of and out of working age."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.env.ref("mgp_base.calendar_ru")._refresh_years([2025, 2026, 2027])
        cls.region = cls.env.ref("base.state_ru_vla")
        cls.region.write(
            {
                "mgp_socemp_age_min": 18,
                "mgp_socemp_age_max": 65,
                "mgp_socemp_share_centres": False,
            }
        )
        Company = cls.env["res.company"]
        cls.company_ministry = Company.create(
            {"name": "Минсоцзащиты (тест)", "state_id": cls.region.id}
        )
        cls.company_a = Company.create(
            {"name": "ГБУСО «Интернат» (тест)", "state_id": cls.region.id}
        )
        cls.company_b = Company.create(
            {"name": "ГБУСО «КЦСОН» (тест)", "state_id": cls.region.id}
        )
        cls.company_centre = Company.create(
            {"name": "ЦЗН Владимирский (тест)", "state_id": cls.region.id}
        )
        cls.service_assist = cls.env.ref("mgp_social_employment.socemp_service_assist")
        cls.service_inform = cls.env.ref("mgp_social_employment.socemp_service_inform")
        Participant = cls.env["mgp.socemp.participant"]
        cls.ministry = Participant.create(
            {
                "name": "Министерство социальной защиты (тест)",
                "kind": "ministry",
                "company_id": cls.company_ministry.id,
                "state_id": cls.region.id,
            }
        )
        cls.org_a = Participant.create(
            {
                "name": "Интернат (тест)",
                "kind": "organisation",
                "company_id": cls.company_a.id,
                "state_id": cls.region.id,
                "service_ids": [(6, 0, (cls.service_assist | cls.service_inform).ids)],
            }
        )
        cls.org_b = Participant.create(
            {
                "name": "КЦСОН (тест)",
                "kind": "organisation",
                "company_id": cls.company_b.id,
                "state_id": cls.region.id,
                "service_ids": [(6, 0, cls.service_assist.ids)],
            }
        )
        cls.mse = Participant.create(
            {
                "name": "Бюро МСЭ (тест)",
                "kind": "mse",
                "state_id": cls.region.id,
                "channel": "protected",
                "channel_address": "vipnet://mse-33",
            }
        )
        cls.municipality = Participant.create(
            {
                "name": "Администрация г. Владимира (тест)",
                "kind": "municipality",
                "state_id": cls.region.id,
                "channel": "paper",
            }
        )
        cls.ministry_user = cls._user(
            "test_socemp_ministry",
            "mgp_social_employment.group_ministry",
            cls.company_ministry,
            cls.company_ministry | cls.company_a | cls.company_b,
        )
        cls.org_a_user = cls._user(
            "test_socemp_org_a",
            "mgp_social_employment.group_organisation",
            cls.company_a,
        )
        cls.org_b_user = cls._user(
            "test_socemp_org_b",
            "mgp_social_employment.group_organisation",
            cls.company_b,
        )
        cls.centre_user = cls._user(
            "test_socemp_centre", "mgp_base.group_specialist", cls.company_centre
        )
        Partner = cls.env["res.partner"]
        cls.person = Partner.create(
            {
                "name": "Иванов Иван Иванович",
                "mgp_birth_date": date(1990, 5, 17),
                "mgp_disability_group": "2",
                "mgp_snils": "112-233-445 95",
            }
        )
        cls.person_2 = Partner.create(
            {"name": "Петрова Анна Сергеевна", "mgp_birth_date": date(1985, 1, 9)}
        )
        cls.young = Partner.create(
            {"name": "Сидоров Олег Петрович", "mgp_birth_date": date(2009, 3, 1)}
        )

    @classmethod
    def _user(cls, login, groups, company, companies=None):
        companies = companies or company
        return new_test_user(
            cls.env,
            login=login,
            groups=groups,
            company_id=company.id,
            company_ids=[(6, 0, companies.ids)],
            email=f"{login}@example.ru",
            name=login.replace("_", " ").title(),
        )

    def _record(self, user=None, partner=None, organisation=None, **vals):
        user = user or self.org_a_user
        return (
            self.env["mgp.socemp.record"]
            .with_user(user)
            .create(
                dict(
                    {
                        "partner_id": (partner or self.person).id,
                        "organisation_id": (organisation or self.org_a).id,
                        "date_identified": date(2025, 12, 1),
                    },
                    **vals,
                )
            )
        )

    def _consented(self, user=None, partner=None, **vals):
        record = self._record(user=user, partner=partner, **vals)
        record.action_inform(date(2025, 12, 3))
        record.action_consent(date(2025, 12, 5))
        return record

    def _receiving(self, user=None, partner=None, **vals):
        record = self._consented(
            user=user,
            partner=partner,
            medical_date=date(2025, 12, 4),
            medical_result="none",
            **vals,
        )
        self._medical_checked(record)
        record.action_start(date(2025, 12, 8))
        return record

    @classmethod
    def _medical_line(cls, record):
        medical = cls.env.ref(MEDICAL_TYPE)
        return record.mgp_document_line_ids.filtered(
            lambda line: line.type_id == medical
        )

    @classmethod
    def _medical_checked(cls, record):
        """The organisation's user files the medical conclusion and checks
        it (the record's checklist, 003:108)."""
        line = cls._medical_line(record)
        line.write(
            {
                "file": base64.b64encode(MEDICAL_PDF),
                "file_name": "zaklyuchenie.pdf",
                "received_date": date(2025, 12, 4),
            }
        )
        line.action_mark_checked()
        return line
