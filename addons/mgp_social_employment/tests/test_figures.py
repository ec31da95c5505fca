# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import io
import re
import zipfile
from datetime import date
from xml.etree import ElementTree

from odoo.tests import tagged

from odoo.addons.mgp_base.tests.common import pdf_text

from .common import SocempCommon

XLSX_NS = {"x": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def xlsx_rows(content):
    """The rows of the first worksheet of an XLSX file as lists of values
    (numbers as floats), read from its XML."""
    with zipfile.ZipFile(io.BytesIO(content)) as book:
        shared = [
            "".join(node.itertext())
            for node in ElementTree.fromstring(
                book.read("xl/sharedStrings.xml")
            ).findall("x:si", XLSX_NS)
        ]
        root = ElementTree.fromstring(book.read("xl/worksheets/sheet1.xml"))
    rows = []
    for row in root.iter(f"{{{XLSX_NS['x']}}}row"):
        values = []
        for cell in row.iter(f"{{{XLSX_NS['x']}}}c"):
            value = cell.find("x:v", XLSX_NS)
            if value is None:
                continue
            values.append(
                shared[int(value.text)] if cell.get("t") == "s" else float(value.text)
            )
        rows.append(values)
    return rows


@tagged("post_install", "-at_install")
class TestFigures(SocempCommon):
    """The ministry's figures against a hand count (period 01.12.2025 -
    31.01.2026):

    - in the register: A/Иванов (receiving), A/Петрова (consented, no
      medical conclusion), A/Сидоров (identified), B/Иванов (receiving);
      B/Петрова ended on 20.11.2025 is out — 4 records, 3 persons;
    - by organisation A 3, B 1; by service «содействие» 1 (Иванов in both),
      «информирование» 1; by municipality Владимир 2, not given 1;
    - consent 3 of 4 (75 %), medical conclusion 2 of 4 (50 %);
    - requests: sending on time 1 and late 1 (open past 19.01.2026), the
      addressee's answer late 1 (19.01 for 16.01), the organisation's reply
      on time 1; the notices not counted (cancelled)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Record = cls.env["mgp.socemp.record"]
        Line = cls.env["mgp.socemp.record.line"]
        town = {"municipality_id": cls.municipality.id}

        def record(partner, organisation, **vals):
            return Record.create(
                {
                    "partner_id": partner.id,
                    "organisation_id": organisation.id,
                    "date_identified": date(2025, 12, 1),
                    **vals,
                }
            )

        def receiving(partner, organisation):
            rec = record(
                partner,
                organisation,
                medical_date=date(2025, 12, 4),
                medical_result="none",
                **town,
            )
            rec.action_consent(date(2025, 12, 5))
            cls._medical_checked(rec)
            rec.action_start(date(2025, 12, 8))
            return rec

        cls.a_person = receiving(cls.person, cls.org_a)
        cls.b_person = receiving(cls.person, cls.org_b)
        a_person_2 = record(cls.person_2, cls.org_a, **town)
        a_person_2.action_consent(date(2025, 12, 5))
        record(cls.young, cls.org_a)
        old = record(cls.person_2, cls.org_b, date_identified=date(2025, 11, 1))
        old.action_end("other", date(2025, 11, 20))
        Line.create(
            [
                {
                    "record_id": rec.id,
                    "service_id": cls.service_assist.id,
                    "date_start": date(2025, 12, 9),
                }
                for rec in (cls.a_person, cls.b_person)
            ]
            + [
                {
                    "record_id": cls.a_person.id,
                    "service_id": cls.service_inform.id,
                    "date_start": date(2025, 12, 10),
                    "date_end": date(2025, 12, 20),
                }
            ]
        )
        sent = cls.a_person._mgp_request_create(cls.mse, "ИПРА", date(2025, 12, 26))
        sent.action_send(date(2025, 12, 30), date(2025, 12, 30))
        sent.action_register_reply(date(2026, 1, 19))
        cls.b_person._mgp_request_create(cls.mse, "ИПРА", date(2026, 1, 12))
        received = cls.a_person._mgp_request_receive(
            cls.ministry, "Сведения", date(2026, 1, 13)
        )
        received.action_register_reply(date(2026, 1, 14))
        cls.wizard = (
            cls.env["mgp.socemp.figures"]
            .with_user(cls.ministry_user)
            .create(
                {
                    "date_from": date(2025, 12, 1),
                    "date_to": date(2026, 1, 31),
                    "organisation_ids": [(6, 0, (cls.org_a | cls.org_b).ids)],
                }
            )
        )

    def test_figures_against_hand_count(self):
        figures = self.wizard._mgp_figures()
        self.assertEqual((figures["persons"], figures["records"]), (3, 4))
        self.assertEqual(
            figures["by_organisation"],
            sorted([(self.org_a.name, 3), (self.org_b.name, 1)]),
        )
        self.assertEqual(
            figures["by_service"],
            sorted([(self.service_assist.name, 1), (self.service_inform.name, 1)]),
        )
        self.assertEqual(
            figures["by_municipality"],
            sorted([(self.municipality.name, 2), ("Не указано", 1)]),
        )
        self.assertEqual(figures["consent"], (3, 4, 75.0))
        self.assertEqual(figures["medical"], (2, 4, 50.0))
        requests = {
            r["code"]: (r["total"], r["on_time"], r["late"])
            for r in figures["requests"]
        }
        self.assertEqual(
            requests,
            {
                "req_send": (2, 1, 1),
                "req_answer": (1, 0, 1),
                "socemp_req_notice": (0, 0, 0),
                "req_reply": (1, 1, 0),
                "req_impossible": (0, 0, 0),
            },
        )
        self.assertEqual(self.wizard.persons, 3)
        self.assertEqual(self.wizard.consent_share, 75.0)

    def test_same_figures_with_only_the_ministry_company_active(self):
        """The web client starts with the user's own company active: the
        ministry's figures still count every organisation's checklists and
        request terms (they live in the organisations' companies)."""
        own = self.wizard.with_context(
            allowed_company_ids=self.company_ministry.ids
        )._mgp_figures()
        self.assertEqual(own, self.wizard._mgp_figures())
        self.assertEqual(own["medical"], (2, 4, 50.0))
        self.assertEqual(own["requests"][0]["total"], 2)

    def test_organisation_cannot_read_the_figures(self):
        from odoo.exceptions import AccessError

        with self.assertRaises(AccessError):
            self.env["mgp.socemp.figures"].with_user(self.org_a_user).create({})

    def test_pdf_in_russian(self):
        self.assertEqual(
            self.wizard.action_print_pdf()["report_name"],
            "mgp_social_employment.report_socemp_figures",
        )
        report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        with self.allow_pdf_render():
            pdf, kind = report.with_user(self.ministry_user)._render_qweb_pdf(
                "mgp_social_employment.action_report_socemp_figures", self.wizard.ids
            )
        self.assertEqual(kind, "pdf")
        text = pdf_text(pdf)
        self.assertIn("Отчетный период: с 01.12.2025 по 31.01.2026", text)
        self.assertIn("Инвалидов в учете: 3", text)
        self.assertIn(f"{self.org_a.name} 3", text)
        self.assertIn("С согласием инвалида 3 4 75,00", text)
        self.assertIn("С медицинским заключением 2 4 50,00", text)
        self.assertRegex(
            text,
            re.escape("Направление запроса уполномоченной организацией")
            + r".*?2 1 1 50,00",
        )

    def test_xlsx_against_hand_count(self):
        action = self.wizard.action_export_xlsx()
        self.assertIn("xlsx_file", action["url"])
        rows = xlsx_rows(base64.b64decode(self.wizard.xlsx_file))
        self.assertIn(["Инвалидов в учете", 3.0], rows)
        self.assertIn([self.org_b.name, 1.0], rows)
        self.assertIn([self.municipality.name, 2.0], rows)
        self.assertIn(["С согласием инвалида", 3.0, 4.0, 75.0], rows)
        self.assertIn(["С медицинским заключением", 2.0, 4.0, 50.0], rows)
        send = next(
            row for row in rows if row and str(row[0]).startswith("Направление")
        )
        self.assertEqual(send[1:], [2.0, 1.0, 1.0, 50.0])
