# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import AccompanimentCommon

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@tagged("post_install", "-at_install")
class TestDocuments(AccompanimentCommon):
    """The need decision waits for the identity document and the IPRA
    extract, received and checked."""

    def setUp(self):
        super().setUp()
        self.case = self._case(documents=False)
        self.lines = self.case.mgp_document_line_ids
        self.identity = self.lines.filtered(
            lambda line: line.type_id.code == "identity"
        )
        self.ipra = self.lines.filtered(lambda line: line.type_id.code == "ipra")

    def _decide(self):
        return (
            self.case.with_user(self.specialist)
            .with_context(lang="ru_RU")
            .action_decide_need(True, date(2025, 11, 5))
        )

    def test_lines_listed_on_create(self):
        self.assertEqual(len(self.lines), 2)
        self.assertTrue(all(self.lines.mapped("required")))
        self.assertTrue(self.case.mgp_document_missing)

    def test_missing_documents_named(self):
        with self.assertRaises(UserError) as error:
            self._decide()
        message = str(error.exception)
        self.assertIn("«Выписка из ИПРА»", message)
        self.assertIn("«Документ, удостоверяющий личность»", message)
        self.assertIn("отсутствуют или не проверены", message)
        self.assertEqual(self.case.state, "new")

        self.identity.with_user(self.specialist).write(
            {"received_date": date(2025, 10, 31)}
        )
        self.identity.with_user(self.specialist).action_mark_checked()
        with self.assertRaises(UserError) as error:
            self._decide()
        self.assertIn("«Выписка из ИПРА»", str(error.exception))
        self.assertNotIn("удостоверяющий", str(error.exception))

        # received but not checked is not enough
        self.ipra.with_user(self.specialist).write(
            {"received_date": date(2025, 10, 31)}
        )
        with self.assertRaises(UserError):
            self._decide()
        self.ipra.with_user(self.specialist).action_mark_checked()
        self.assertFalse(self.case.mgp_document_missing)
        self._decide()
        self.assertEqual(self.case.state, "assignment")
        self.assertEqual(self.ipra.checked_by_id, self.specialist)

    def test_checked_fields_protected(self):
        line = self.identity.with_user(self.specialist)
        for vals in (
            {"checked_by_id": self.specialist.id},
            {"checked_date": date(2025, 10, 31)},
            {"company_id": self.company_other.id},
        ):
            with self.assertRaises(UserError):
                line.write(vals)
        attachment = self.env["ir.attachment"].create(
            {"name": "other.pdf", "raw": PDF, "mimetype": "application/pdf"}
        )
        with self.assertRaises(UserError):
            line.write({"attachment_id": attachment.id})
        with self.assertRaises(UserError):
            self.env["mgp.document.line"].with_user(self.specialist).create(
                {
                    "res_model": "mgp.accompaniment",
                    "res_id": self.case.id,
                    "type_id": self.identity.type_id.id,
                    "checked_date": date(2025, 10, 31),
                }
            )
        # a default_ key of the context is client data: ignored
        other = (
            self.env["mgp.document.line"]
            .with_user(self.specialist)
            .with_context(
                default_checked_date="2025-10-31",
                default_checked_by_id=self.specialist.id,
            )
            .create(
                {
                    "res_model": "mgp.accompaniment",
                    "res_id": self.case.id,
                    "type_id": self.identity.type_id.id,
                }
            )
        )
        self.assertFalse(other.checked_date)
        self.assertFalse(other.checked_by_id)
        self.assertEqual(other.company_id, self.company)
        self.assertFalse(self.identity.checked_date)

    def test_change_after_check_asks_for_a_new_check(self):
        line = self.identity.with_user(self.specialist)
        line.action_mark_checked()
        self.assertTrue(line.checked_date)
        line.write({"received_date": date(2025, 10, 30)})
        self.assertFalse(line.checked_date)
        self.assertFalse(line.checked_by_id)

    def test_checked_document_kept(self):
        self.identity.with_user(self.specialist).action_mark_checked()
        with self.assertRaises(UserError):
            self.identity.with_user(self.specialist).unlink()

    def test_file_through_upload_checks(self):
        line = self.ipra.with_user(self.specialist)
        line.write({"file": base64.b64encode(PDF), "file_name": "ipra.pdf"})
        self.assertEqual(line.attachment_id.name, "ipra.pdf")
        self.assertEqual(line.attachment_id.res_model, "mgp.document.line")
        self.assertTrue(line.received_date)
        with self.assertRaises(ValidationError):
            line.write(
                {
                    "file": base64.b64encode(b"<html><body>x</body></html>"),
                    "file_name": "fake.pdf",
                }
            )

    def test_other_centre_and_citizen_refused(self):
        with self.assertRaises(AccessError):
            self.identity.with_user(self.specialist_other).read(["received_date"])
        with self.assertRaises(AccessError):
            self.identity.with_user(self.specialist_other).action_mark_checked()
        portal = new_test_user(
            self.env,
            login="mgp_doc_citizen",
            groups="base.group_portal",
            partner_id=self.person.id,
        )
        with self.assertRaises(AccessError):
            self.identity.with_user(portal).read(["received_date"])

    def test_requirements_are_configuration(self):
        """An optional document does not block; a new required one does."""
        requirement = self.env.ref("mgp_accompaniment.mgp_document_requirement_s1_ipra")
        requirement.with_user(self.admin).write({"required": False})
        self.identity.with_user(self.specialist).action_mark_checked()
        self._decide()
        self.assertEqual(self.case.state, "assignment")
