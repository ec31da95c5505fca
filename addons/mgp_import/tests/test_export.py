# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import csv
import io
from datetime import date

import openpyxl

from odoo.tests import new_test_user, tagged

from .common import MgpImportCommon, make_snils


@tagged("post_install", "-at_install")
class TestRegisterExport(MgpImportCommon):
    """The register of recipients as the user sees it: his cases only, the
    data of a person he may not know masked; Odoo's own export of a list
    masked by the same guard."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Case = cls.env["mgp.accompaniment"]
        cls.case = Case.create(
            {
                "partner_id": cls.person.id,
                "company_id": cls.company.id,
                "plan_agreed_date": date(2026, 3, 2),
                "user_id": cls.specialist.id,
            }
        )
        # a person registered by another centre, whose case this centre has
        # (set up by the superuser): his data are not this centre's to know
        cls.foreigner = cls.env["res.partner"].create(
            {
                "name": "Чужой Человек",
                "company_id": cls.company_other.id,
                "mgp_snils": make_snils(700000001),
                "mgp_disability_group": "1",
            }
        )
        cls.foreign_case = Case.create(
            {
                "partner_id": cls.foreigner.id,
                "company_id": cls.company.id,
                "plan_agreed_date": date(2026, 3, 3),
                "user_id": cls.specialist.id,
            }
        )
        cls.other_case = Case.create(
            {
                "partner_id": cls.env["res.partner"]
                .create(
                    {
                        "name": "Другой Центров",
                        "company_id": cls.company_other.id,
                        "mgp_snils": make_snils(700000002),
                        "mgp_disability_group": "3",
                    }
                )
                .id,
                "company_id": cls.company_other.id,
                "plan_agreed_date": date(2026, 3, 4),
            }
        )

    def _key(self, case):
        return (case.name, case.company_id.name)

    def _export(self, user, file_format):
        wizard = (
            self.env["mgp.register.export"]
            .with_user(user)
            .with_context(allowed_company_ids=user.company_ids.ids)
            .create({"file_format": file_format})
        )
        action = wizard.action_export()
        attachment_id = int(action["url"].split("/")[-1].split("?")[0])
        attachment = self.env["ir.attachment"].browse(attachment_id)
        content = base64.b64decode(attachment.datas)
        if file_format == "csv":
            text = content.decode("utf-8-sig")
            rows = list(csv.reader(io.StringIO(text), delimiter=";"))
        else:
            book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
            rows = [
                ["" if value is None else str(value) for value in row]
                for row in book.worksheets[0].iter_rows(values_only=True)
            ]
        # case numbers repeat from one centre to another: (number, centre)
        return {(row[0], row[1]): row for row in rows[1:]}

    def test_register_masked_as_on_screen(self):
        """A manager of both centres: the person registered by the other
        centre is shown, his data are not (no case of his in that centre)."""
        manager = new_test_user(
            self.env,
            login="mgp_manager_both",
            groups="mgp_base.group_manager",
            company_id=self.company.id,
            company_ids=[(6, 0, (self.company | self.company_other).ids)],
        )
        for file_format in ("csv", "xlsx"):
            rows = self._export(manager, file_format)
            self.assertEqual(
                set(rows),
                {
                    self._key(self.case),
                    self._key(self.foreign_case),
                    self._key(self.other_case),
                },
                file_format,
            )
            self.assertEqual(rows[self._key(self.other_case)][3], make_snils(700000002))
            own = rows[self._key(self.case)]
            self.assertEqual(own[2], self.person.name)
            self.assertEqual(own[3], "112-233-445 95")
            foreign = rows[self._key(self.foreign_case)]
            self.assertEqual(foreign[2], "Чужой Человек")
            self.assertEqual((foreign[3], foreign[4], foreign[5]), ("", "", ""))
            # the same as the form shows him
            shown = (
                self.env["res.partner"]
                .with_user(manager)
                .with_context(allowed_company_ids=manager.company_ids.ids)
                .browse(self.foreigner.id)
                .read(["mgp_snils"])[0]
            )
            self.assertFalse(shown["mgp_snils"])
        # a manager of one centre only lists its cases; the person of the
        # other centre he may not open: no data of his either
        rows = self._export(self.manager, "csv")
        self.assertEqual(
            set(rows), {self._key(self.case), self._key(self.foreign_case)}
        )
        self.assertEqual(rows[self._key(self.foreign_case)][3], "")
        # the regional administrator knows every person
        admin = new_test_user(
            self.env,
            login="mgp_admin_both",
            groups="mgp_base.group_admin",
            company_id=self.company.id,
            company_ids=[(6, 0, (self.company | self.company_other).ids)],
        )
        rows = self._export(admin, "csv")
        self.assertEqual(rows[self._key(self.foreign_case)][3], make_snils(700000001))

    def test_list_export_masked(self):
        """Odoo's own export of a list (``export_data``) goes through the
        same guard: a specialist without the need to know gets no СНИЛС."""
        stranger = self.env["res.partner"].create(
            {
                "name": "Незнакомов",
                "company_id": self.company.id,
                "mgp_snils": make_snils(700000003),
            }
        )
        # the right to export lists, as an administrator gives it
        self.specialist_2.write(
            {"group_ids": [(4, self.env.ref("base.group_allow_export").id)]}
        )
        Partner = self.env["res.partner"].with_user(self.specialist_2)
        data = Partner.browse(stranger.id).export_data(["name", "mgp_snils"])["datas"]
        self.assertEqual(data, [["Незнакомов", ""]])
        # the person of his own case: exported
        self.case.sudo().write({"user_id": self.specialist_2.id})
        data = Partner.browse(self.person.id).export_data(["name", "mgp_snils"])[
            "datas"
        ]
        self.assertEqual(data, [[self.person.name, "112-233-445 95"]])
