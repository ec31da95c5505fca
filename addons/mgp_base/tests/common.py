# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io
import re

from odoo.tests.common import TransactionCase, new_test_user
from odoo.tools.pdf import PdfFileReader


def pdf_text(content):
    """Text of a PDF (bytes) read with the PDF library Odoo depends on,
    whitespace collapsed so that wrapped lines still match (the library puts
    a space between text runs, also before punctuation: dropped)."""
    reader = PdfFileReader(io.BytesIO(content))
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    return re.sub(r"\s+([.,;:)])", r"\1", re.sub(r"\s+", " ", text))


class MgpCommon(TransactionCase):
    """Two centres with their own users, and one disabled person.

    ``company`` has no region, so only federal days apply unless a test
    adds a regional day; ``company_region`` is in ``state`` (Калужская
    область).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.Calendar = cls.env["mgp.calendar"]
        cls.calendar = cls.env.ref("mgp_base.calendar_ru")
        cls.calendar._refresh_years([2024, 2025, 2026, 2027])
        cls.state = cls.env.ref("base.state_ru_klu")
        cls.company = cls.env["res.company"].create({"name": "ЦЗН Тестовый"})
        cls.company_region = cls.env["res.company"].create(
            {"name": "ЦЗН Калужский", "state_id": cls.state.id}
        )
        cls.company_other = cls.env["res.company"].create({"name": "ЦЗН Другой"})
        cls.specialist = cls._new_user(
            "mgp_specialist", "group_specialist", cls.company
        )
        cls.specialist_2 = cls._new_user(
            "mgp_specialist_2", "group_specialist", cls.company
        )
        cls.manager = cls._new_user("mgp_manager", "group_manager", cls.company)
        cls.admin = cls._new_user("mgp_admin", "group_admin", cls.company)
        cls.specialist_other = cls._new_user(
            "mgp_specialist_other", "group_specialist", cls.company_other
        )
        cls.manager_other = cls._new_user(
            "mgp_manager_other", "group_manager", cls.company_other
        )
        cls.person = cls.env["res.partner"].create(
            {
                "name": "Тестов Тест Тестович",
                "company_id": cls.company.id,
                "mgp_snils": "112-233-445 95",
                "mgp_disability_group": "2",
                "email": "testov@example.ru",
            }
        )

    @classmethod
    def _new_user(cls, login, group, company):
        return new_test_user(
            cls.env,
            login=login,
            groups=f"mgp_base.{group}",
            company_id=company.id,
            company_ids=[(6, 0, company.ids)],
            email=f"{login}@example.ru",
            name=login.replace("_", " ").title(),
        )
