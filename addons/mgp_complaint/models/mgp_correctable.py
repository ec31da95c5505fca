# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class MgpCorrectableMixin(models.AbstractModel):
    """An issued document that a correction (``mgp.document.correction``)
    may correct. A record may hold several documents (a case holds its order
    and its certificate): each is named by a *kind*.

    A model plugs in by inheriting this mixin and overriding the hooks.
    """

    _name = "mgp.correctable.mixin"
    _description = "Correctable Issued Document"

    def _mgp_correction_kinds(self):
        """The issued documents of this record that may be corrected.

        :return: ``{kind: {"report": report xmlid, "number": str}}``
        """
        return {}

    def _mgp_correction_fields(self, kind):
        """The data a correction of ``kind`` may change, among ``name``,
        ``snils`` and ``position`` (as printed in the document)."""
        return ()

    def _mgp_correction_values(self, kind):
        """The current values of :meth:`_mgp_correction_fields`."""
        return {}

    def _mgp_correction_apply(self, correction, kind, values, done_date):
        """Write the corrected ``values`` and the correction mark."""
        raise NotImplementedError

    def _mgp_correction_applicants(self):
        """The partners who may ask for a correction of this record."""
        return self.env["res.partner"]

    @api.model
    def _mgp_correction_portal_documents(self, partner):
        """``[(record, kind)]`` of ``partner``'s own issued documents."""
        return []
