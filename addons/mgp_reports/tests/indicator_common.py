# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io
import re
import zipfile
from datetime import date
from xml.etree import ElementTree

from odoo.addons.mgp_base.models.mgp_register_mixin import released

from .common import MgpReportsCommon

XLSX_NS = {"x": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}

# Periods of the hand-built dataset.
H1_2026 = (date(2026, 1, 1), date(2026, 6, 30))
Q1_2026 = (date(2026, 1, 1), date(2026, 3, 31))
Q2_2026 = (date(2026, 4, 1), date(2026, 6, 30))


class MgpIndicatorCommon(MgpReportsCommon):
    """A hand-built dataset with known I1 and I2 fractions.

    Two centres of one region: ``company`` (A) and ``company_region`` (B).
    Records are created as superuser: building each case through its
    actions would take a case per procedure, and the protected fields
    (state, employment date) may be written only from superuser code.

    I1 over H1 2026 — centre A: 7 citizens, 3 not employed in time;
    centre B: 2 citizens, 1 not employed in time.
    I2 over Q1 2026 — centre A: 6 procedures, 4 past their deadline;
    centre B: 2 procedures, 1 past its deadline.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write({"state_id": cls.state.id})
        cls.region_admin = cls.admin
        cls.region_admin.write({"company_ids": [(4, cls.company_region.id)]})
        cls.Case = cls.env["mgp.accompaniment"].sudo()
        # I2 counts the terms the standard sets: the dataset's procedures are
        # assignments (s1_assignment); s1_certificate is a regional term
        cls.rule_assignment = cls.env["mgp.deadline.rule"]._get_rule("s1_assignment")
        cls.rule_certificate = cls.env["mgp.deadline.rule"]._get_rule("s1_certificate")
        cls.rule_mse_answer = cls.env["mgp.deadline.rule"]._get_rule("s1_mse_answer")
        cls.rule_offer_response = cls.env["mgp.deadline.rule"]._get_rule(
            "s2_offer_response"
        )
        a, b = cls.company, cls.company_region
        cls.both = a | b
        spec, spec2 = cls.specialist, cls.specialist_2
        # ---- I1, centre A
        cls.c_before_cert = cls._case(
            "До сертификата",
            a,
            spec,
            date(2025, 11, 10),
            "employed",
            employment_date=date(2026, 1, 20),
            date_closed=date(2026, 1, 20),
        )
        cls.c_after_withdrawal = cls._case(
            "После отказа",
            a,
            spec,
            date(2025, 11, 10),
            "terminated",
            termination_reason_id=cls.env.ref(
                "mgp_accompaniment.termination_reason_withdrawn"
            ).id,
            date_closed=date(2026, 1, 15),
        )
        # employed after the withdrawal, within the six months
        cls.c_after_withdrawal.write({"employment_date": date(2026, 3, 1)})
        cls.c_after_six_months = cls._case(
            "Поздно трудоустроен",
            a,
            spec2,
            date(2025, 10, 5),
            "employed",
            employment_date=date(2026, 5, 1),
            date_closed=date(2026, 5, 1),
        )
        cls.c_idle = cls._case("Без работы", a, spec2, date(2025, 12, 1), "active")
        cls.c_recent = cls._case("Недавний", a, spec, date(2026, 3, 2), "active")
        # six months end on the last day of the period: counted
        cls.c_boundary = cls._case("Граница", a, spec, date(2025, 12, 30), "active")
        cls._case(
            "Закрыт раньше",
            a,
            spec,
            date(2025, 6, 1),
            "expired",
            date_closed=date(2025, 12, 1),
        )
        cls._case("Позже периода", a, spec, date(2026, 7, 2), "active")
        cls._case(
            "Не нуждается",
            a,
            spec,
            date(2026, 2, 2),
            "terminated",
            need="not_needed",
            date_closed=date(2026, 2, 2),
        )
        # a citizen with two cases counts once, by the latest decision
        twice = cls.env["res.partner"].create(
            {"name": "Дважды Денис", "mgp_disability_group": "1"}
        )
        cls.c_twice_old = cls._case(
            "Дважды",
            a,
            spec,
            date(2025, 9, 1),
            "terminated",
            partner=twice,
            date_closed=date(2026, 1, 10),
        )
        cls.c_twice_new = cls._case(
            "Дважды", a, spec, date(2026, 2, 1), "active", partner=twice
        )
        # ---- I1, centre B
        cls.c_b_idle = cls._case(
            "Ищущий Б", b, cls.specialist_other, date(2025, 11, 15), "active"
        )
        cls.c_b_employed = cls._case(
            "Работающий Б",
            b,
            cls.specialist_other,
            date(2026, 1, 10),
            "employed",
            employment_date=date(2026, 2, 1),
            date_closed=date(2026, 2, 1),
        )
        # ---- I2: procedures of one case of each centre; no other deadline
        deadlines = (
            cls.env["mgp.deadline"].sudo().search([("company_id", "in", (a | b).ids)])
        )
        with released(deadlines):
            deadlines.unlink()
        carrier_a, carrier_b = cls.c_recent, cls.c_b_idle
        dl = cls._deadline
        cls.d_done_late = dl(carrier_a, date(2026, 2, 10), "done", date(2026, 2, 12))
        cls.d_done_on_time = dl(carrier_a, date(2026, 2, 10), "done", date(2026, 2, 10))
        cls.d_open_late = dl(carrier_a, date(2026, 3, 20), "open")
        cls.d_open_not_due = dl(carrier_a, date(2026, 4, 6), "open")
        cls.d_cancelled_late = dl(
            carrier_a, date(2026, 1, 20), "cancelled", cancelled=date(2026, 2, 1)
        )
        cls.d_cancelled_early = dl(
            carrier_a, date(2026, 3, 10), "cancelled", cancelled=date(2026, 3, 5)
        )
        cls.d_done_next_quarter = dl(
            carrier_a, date(2026, 3, 25), "done", date(2026, 4, 10)
        )
        cls.d_on_boundary = dl(carrier_a, date(2026, 3, 31), "done", date(2026, 3, 31))
        cls.d_2025 = dl(carrier_a, date(2025, 12, 1), "done", date(2025, 12, 5))
        # third parties' deadlines: never counted
        cls.d_mse = dl(
            carrier_a,
            date(2026, 2, 2),
            "done",
            date(2026, 2, 20),
            rule=cls.rule_mse_answer,
        )
        cls.d_employer = dl(
            carrier_a, date(2026, 2, 2), "open", rule=cls.rule_offer_response
        )
        cls.d_b_late = dl(carrier_b, date(2026, 2, 10), "done", date(2026, 3, 2))
        cls.d_b_on_time = dl(carrier_b, date(2026, 2, 10), "done", date(2026, 2, 9))
        cls.env["mgp.deadline"]._refresh_sla(notify=False)

    @classmethod
    def _case(cls, name, company, user, decision, state, partner=None, **vals):
        partner = partner or cls.env["res.partner"].create(
            {"name": name, "mgp_disability_group": "2"}
        )
        values = {
            "partner_id": partner.id,
            "company_id": company.id,
            "user_id": user.id,
            "plan_agreed_date": decision,
            "personal_file_date": decision,
            "need": "needed",
            "need_decision_date": decision,
            "state": state,
        }
        values.update(vals)
        return cls.Case.create(values)

    @classmethod
    def _deadline(cls, case, due, state, done=None, cancelled=None, rule=None):
        rule = rule or cls.rule_assignment
        # engine records written directly: the dataset needs exact dates
        return (
            cls.env["mgp.deadline"]
            .sudo()
            .create(
                {
                    "name": rule.name,
                    "code": rule.code,
                    "rule_id": rule.id,
                    "res_model": case._name,
                    "res_id": case.id,
                    "date_start": due.replace(day=1),
                    "date_due": due,
                    "date_at_risk": due,
                    "date_done": done,
                    "date_cancelled": cancelled,
                    "state": state,
                    "external": rule.external,
                    "company_id": case.company_id.id,
                    "user_id": case.user_id.id,
                }
            )
        )

    def _wizard(self, user, period, companies=None, **vals):
        companies = companies or user.company_id
        values = {
            "date_from": period[0],
            "date_to": period[1],
            "company_ids": [(6, 0, companies.ids)],
        }
        values.update(vals)
        return self.env["mgp.indicator.report.wizard"].with_user(user).create(values)

    def _figures(self, wizard):
        return (
            (wizard.i1_numerator, wizard.i1_denominator),
            (wizard.i2_numerator, wizard.i2_denominator),
        )

    @staticmethod
    def _xlsx_cells(content, sheet):
        """Values of a worksheet (1-based index) of an XLSX file, by cell
        reference ("C6"), read from its XML (numbers as floats). Strings are
        shared or inline (a workbook written row by row has inline ones)."""
        with zipfile.ZipFile(io.BytesIO(content)) as book:
            shared = []
            if "xl/sharedStrings.xml" in book.namelist():
                shared = [
                    "".join(node.itertext())
                    for node in ElementTree.fromstring(
                        book.read("xl/sharedStrings.xml")
                    ).findall("x:si", XLSX_NS)
                ]
            root = ElementTree.fromstring(book.read(f"xl/worksheets/sheet{sheet}.xml"))
        cells = {}
        for cell in root.iter(f"{{{XLSX_NS['x']}}}c"):
            if cell.get("t") == "inlineStr":
                cells[cell.get("r")] = "".join(cell.find("x:is", XLSX_NS).itertext())
                continue
            value = cell.find("x:v", XLSX_NS)
            if value is None:
                continue
            if cell.get("t") == "s":
                cells[cell.get("r")] = shared[int(value.text)]
            else:
                cells[cell.get("r")] = float(value.text)
        return cells

    @staticmethod
    def _xlsx_sheet_names(content):
        with zipfile.ZipFile(io.BytesIO(content)) as book:
            root = ElementTree.fromstring(book.read("xl/workbook.xml"))
        return [sheet.get("name") for sheet in root.iter(f"{{{XLSX_NS['x']}}}sheet")]

    @staticmethod
    def _collapse(text):
        return re.sub(r"\s+", " ", text)
