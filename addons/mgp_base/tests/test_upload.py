# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64

from odoo.exceptions import ValidationError

from .common import MgpCommon

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


class TestUpload(MgpCommon):
    def test_accepted(self):
        Upload = self.env["mgp.upload"].with_user(self.specialist)
        self.assertEqual(
            Upload._check_upload("../../устав.PDF", PDF),
            ("устав.PDF", "application/pdf"),
        )
        self.assertEqual(Upload._check_upload("scan.png", PNG)[1], "image/png")

    def test_refused_type(self):
        Upload = self.env["mgp.upload"]
        with self.assertRaisesRegex(ValidationError, "run.exe"):
            Upload._check_upload("run.exe", b"MZ\x90\x00\x03\x00")
        # a program renamed to .pdf is refused by its content
        with self.assertRaises(ValidationError):
            Upload._check_upload("act.pdf", b"MZ\x90\x00\x03\x00")
        with self.assertRaises(ValidationError):
            Upload._check_upload("", PDF)

    def test_size_limit_is_configuration(self):
        self.env["ir.config_parameter"].set_param("mgp_base.max_upload_mb", "0.5")
        big = PDF + b"0" * (600 * 1024)
        with self.assertRaisesRegex(ValidationError, "0.5"):
            self.env["mgp.upload"]._check_upload("big.pdf", big)
        self.env["ir.config_parameter"].set_param("mgp_base.max_upload_mb", "1")
        self.assertTrue(self.env["mgp.upload"]._check_upload("big.pdf", big))

    def test_pdf_html_polyglot_refused(self):
        """A web page behind a PDF header is not a PDF (issue 18 §6)."""
        Upload = self.env["mgp.upload"].with_user(self.specialist)
        polyglots = (
            b"%PDF-1.4\n<html><body><script>alert(1)</script></body></html>\n%%EOF\n",
            b"%PDF-1.7\n%\xe2\xe3\n<!DOCTYPE html><SCRIPT>fetch('/x')</SCRIPT>",
            b"%PDF-1.4\n1 0 obj<</S/URI/URI(javascript:alert(1))>>endobj\n%%EOF",
        )
        for content in polyglots:
            with self.subTest(content=content[:20]):
                with self.assertRaises(ValidationError):
                    Upload._check_upload("act.pdf", content)
        # a PDF starts with its header, not somewhere in the first kilobyte
        with self.assertRaises(ValidationError):
            Upload._check_upload("act.pdf", b"\n\n  " + PDF)
