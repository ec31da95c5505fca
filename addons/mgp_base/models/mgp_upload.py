# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import binascii
import os

from odoo import api, models
from odoo.exceptions import ValidationError
from odoo.http import request
from odoo.service.server import thread_local
from odoo.tools.mimetypes import guess_mimetype

# Documents citizens, NGOs and employers may upload: scans, photos and
# office documents, by extension and by their sniffed content.
UPLOAD_TYPES = {
    ".pdf": {"application/pdf"},
    ".jpg": {"image/jpeg"},
    ".jpeg": {"image/jpeg"},
    ".png": {"image/png"},
    ".doc": {"application/msword", "application/octet-stream"},
    ".docx": {
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/zip",
    },
    ".odt": {"application/vnd.oasis.opendocument.text", "application/zip"},
}
# A PDF is a PDF from its first byte; a web page in its head makes it a
# polyglot a browser may render as HTML (issue 18 §6).
PDF_MAGIC = b"%PDF-"
PDF_HEAD_BYTES = 8192
HTML_MARKERS = (
    b"<html",
    b"<script",
    b"<body",
    b"<head",
    b"<iframe",
    b"<svg",
    b"<!doctype",
    b"<object",
    b"<embed",
    b"javascript:",
)
# what a client calls to attach a file himself (see IrAttachment)
ATTACHMENT_METHODS = ("create", "write", "web_save")
CLIENT_ATTACHMENT_CALLS = tuple(f"ir.attachment.{m}" for m in ATTACHMENT_METHODS)
UPLOAD_ROUTES = (
    "/mail/attachment/upload",
    "/web/binary/upload_attachment",
    "/html_editor/attachment/add_data",
)
MAX_UPLOAD_PARAM = "mgp_base.max_upload_mb"
DEFAULT_MAX_UPLOAD_MB = 10.0


class MgpUpload(models.AbstractModel):
    """The one check of uploaded documents for every portal and form."""

    _name = "mgp.upload"
    _description = "Uploaded Document Check"

    @api.model
    def _max_upload_mb(self):
        value = (
            self.env["ir.config_parameter"]
            .sudo()  # a configuration value every uploader needs
            .get_param(MAX_UPLOAD_PARAM, str(DEFAULT_MAX_UPLOAD_MB))
        )
        try:
            return max(float(value), 0.1)
        except ValueError:
            return DEFAULT_MAX_UPLOAD_MB

    @api.model
    def _check_upload(self, filename, content):
        """Refuse a file of another type than the accepted ones, whose content
        does not match its extension, or larger than the configured limit.

        :return: ``(clean file name, mimetype)``
        """
        filename = os.path.basename(filename or "")
        extension = os.path.splitext(filename)[1].lower()
        accepted = UPLOAD_TYPES.get(extension)
        mimetype = guess_mimetype(content or b"")
        if (
            not accepted
            or mimetype not in accepted
            or not self._content_is_clean(extension, content or b"")
        ):
            raise ValidationError(
                self.env._(
                    "The file %s cannot be attached: only PDF, JPG, PNG, DOC, "
                    "DOCX and ODT documents are accepted.",
                    filename or "?",
                )
            )
        max_mb = self._max_upload_mb()
        if len(content) > max_mb * 1024 * 1024:
            raise ValidationError(
                self.env._(
                    "The file %(file)s is too large: at most %(size)s MB is accepted.",
                    file=filename,
                    size=f"{max_mb:g}",
                )
            )
        return filename, mimetype

    @api.model
    def _content_is_clean(self, extension, content):
        """A PDF starts with ``%PDF-`` and has no web page in its head."""
        if extension != ".pdf":
            return True
        head = content[:PDF_HEAD_BYTES].lower()
        return content.startswith(PDF_MAGIC) and not any(
            marker in head for marker in HTML_MARKERS
        )

    @api.model
    def _mgp_attach(self, record, files, field=None):
        """Check ``files`` and attach them to ``record``: the one path by which
        an upload becomes an attachment.

        :param files: list of ``(filename, content bytes)``
        :param field: a many2many field of ``record`` that lists them too
        :return: the attachments, in the caller's environment
        """
        record.ensure_one()
        vals_list = []
        for filename, content in files:
            filename, mimetype = self._check_upload(filename, content)
            vals_list.append(
                {
                    "name": filename,
                    "raw": content,
                    "mimetype": mimetype,
                    "res_model": record._name,
                    "res_id": record.id,
                }
            )
        Attachment = self.env["ir.attachment"]
        if not vals_list:
            return Attachment
        # the caller checked the user's right on the record; portal users may
        # not create attachments themselves
        attachments = Attachment.sudo().create(vals_list)
        if field:
            record.sudo()[field] = [(4, attachment.id) for attachment in attachments]
        return attachments.with_env(self.env)


class IrAttachment(models.Model):
    """An attachment a user creates directly (``ir.attachment`` ``create`` or
    ``write`` over RPC, the chatter's upload) on the suite's records passes
    the same PDF check as the portals' uploads: a web page behind a PDF
    header is refused (issue 18 re-probe). The suite's own files (printed
    forms, uploads already checked) are created by the superuser."""

    _inherit = "ir.attachment"

    @api.model
    def _mgp_guarded_attachment(self, res_model):
        return bool(res_model) and (
            res_model.startswith("mgp.")
            or res_model in ("res.partner", "mail.message", "mail.compose.message")
        )

    @api.model
    def _mgp_client_attaches(self):
        """The attachment is the client's own (``ir.attachment`` ``create`` /
        ``write`` called over RPC, a file upload route), not one the suite's
        code makes (a printed form, a message's report)."""
        if not request:
            called = getattr(thread_local, "rpc_model_method", "") or ""
            return "rpc" if called in CLIENT_ATTACHMENT_CALLS else False
        path = request.httprequest.path
        if path in UPLOAD_ROUTES:
            # the chatter's upload creates the attachment as superuser
            return "upload"
        params = getattr(request, "params", None) or {}
        if (
            params.get("model") == "ir.attachment"
            and params.get("method") in ATTACHMENT_METHODS
        ) or any(
            path.endswith(f"/ir.attachment/{method}") for method in ATTACHMENT_METHODS
        ):
            return "rpc"
        return False

    def _mgp_check_pdf_content(self, vals, res_model):
        if not self._mgp_guarded_attachment(res_model):
            return
        client = self._mgp_client_attaches()
        if not client or (self.env.su and client != "upload"):
            return
        content = vals.get("raw")
        if not content and vals.get("datas"):
            try:
                content = base64.b64decode(vals["datas"])
            except (binascii.Error, ValueError):
                content = b""
        if isinstance(content, str):
            content = content.encode()
        if not content:
            return
        name = (vals.get("name") or "").lower()
        looks_pdf = (
            content.lstrip()[:5] == PDF_MAGIC
            or name.endswith(".pdf")
            or vals.get("mimetype") == "application/pdf"
        )
        if looks_pdf and not self.env["mgp.upload"]._content_is_clean(".pdf", content):
            raise ValidationError(
                self.env._(
                    "The file %s cannot be attached: it is not a valid PDF document.",
                    vals.get("name") or "?",
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._mgp_check_pdf_content(vals, vals.get("res_model"))
        return super().create(vals_list)

    def write(self, vals):
        if {"raw", "datas", "name", "mimetype"} & set(vals):
            for attachment in self:
                merged = dict(vals)
                if "name" not in merged:
                    merged["name"] = attachment.name
                if not ("raw" in vals or "datas" in vals):
                    merged["raw"] = attachment.sudo().raw
                self._mgp_check_pdf_content(
                    merged, vals.get("res_model") or attachment.sudo().res_model
                )
        return super().write(vals)
