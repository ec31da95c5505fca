# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class IrBinary(models.AbstractModel):
    _inherit = "ir.binary"

    def _record_to_stream(self, record, field_name):
        """A download of a medical document's file (``/web/content``) is
        recorded in the access journal, as its reading is (152-ФЗ ст. 19)."""
        stream = super()._record_to_stream(record, field_name)
        lines = self.env["mgp.document.line"]
        if record._name == "mgp.document.line" and field_name == "file":
            lines = record
        elif (
            record._name == "ir.attachment"
            and field_name in ("raw", "datas", "db_datas")
            and record.sudo().res_model == "mgp.document.line"
        ):
            # whose document the file is: the link, whoever downloads it
            lines = lines.browse(record.sudo().res_id)
        if lines:
            lines.with_env(self.env)._mgp_journal_file(path="download")
        return stream
