# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.addons.mgp_base.tests.common import MgpCommon

# The smallest file the upload check accepts as a PDF.
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


class MgpEnquiryCommon(MgpCommon):
    """Enquiries and inspections made through their public actions."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.applicant = cls.env["res.partner"].create(
            {"name": "Заявитель Пётр Ильич", "company_id": cls.company.id}
        )

    @classmethod
    def _enquiry(cls, user=None, **vals):
        values = {
            "partner_id": cls.applicant.id,
            "company_id": cls.company.id,
            "channel": "post",
            "subject": "Порядок предоставления услуги",
            "text": "Прошу разъяснить порядок.",
            "date_received": date(2025, 12, 26),
        }
        values.update(vals)
        return cls.env["mgp.enquiry"].with_user(user or cls.specialist).create(values)

    @classmethod
    def _ru(cls):
        """Russian messages: the language and the terms of the addons."""
        cls.env["res.lang"]._activate_lang("ru_RU")
        cls.env["ir.module.module"]._load_module_terms(
            ["mgp_base", "mgp_enquiry"], ["ru_RU"], overwrite=True
        )
