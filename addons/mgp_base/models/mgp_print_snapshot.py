# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Issued documents print what they printed at issue (issue 18 §3).

When a document is issued (a certificate, an order, a sent plan), the data
it prints about the person are copied into the record; the printed form
reads the copy. Renaming the person afterwards changes the register of
persons, not the documents already issued: only a correction of the
document (``mgp_complaint``) takes the new data into it.
"""

from odoo import fields, models
from odoo.exceptions import UserError


class MgpPrintSnapshotMixin(models.AbstractModel):
    """A record holding issued documents, each printed from its snapshot.

    Configure ``_mgp_snapshot_trigger_fields`` (the fields whose change may
    issue a document) and override :meth:`_mgp_snapshot_issued` and
    :meth:`_mgp_snapshot_values`.
    """

    _name = "mgp.print.snapshot.mixin"
    _description = "Issued Documents Printed as at Issue"

    _mgp_snapshot_trigger_fields = ()

    # {kind: {"name": ..., "snils": ..., ...}} as printed at issue; read by
    # the printed forms only (it holds the person's СНИЛС)
    mgp_print_snapshot = fields.Json(
        string="Printed at issue",
        readonly=True,
        copy=False,
        groups="base.group_system",
    )

    # ------------------------------------------------------------------
    # Hooks
    # ------------------------------------------------------------------
    def _mgp_snapshot_issued(self):
        """The kinds of documents of this record issued now."""
        return []

    def _mgp_snapshot_values(self, kind):
        """The person data the document ``kind`` prints, as of now."""
        return {}

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    def write(self, vals):
        if "mgp_print_snapshot" in vals and not self._mgp_snapshot_granted():
            self.check_access("write")
            raise UserError(
                self.env._("What an issued document prints is set at its issue.")
            )
        res = super().write(vals)
        if set(self._mgp_snapshot_trigger_fields) & set(vals):
            self._mgp_snapshot_new_documents()
        return res

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _mgp_snapshot_granted(self):
        granted = getattr(self, "_mgp_is_granted", None)
        return bool(granted and granted())

    def _mgp_snapshot_new_documents(self):
        """Take the snapshot of every document issued and not yet copied."""
        for record in self:
            taken = record.sudo().mgp_print_snapshot or {}
            new = [kind for kind in record._mgp_snapshot_issued() if kind not in taken]
            if new:
                record._mgp_snapshot_take(new)

    def _mgp_snapshot_take(self, kinds):
        """Copy what the documents ``kinds`` print now (at issue, or when a
        correction is applied)."""
        for record in self:
            # the issued documents keep the person's data they print,
            # whoever issues them
            snapshot = dict(record.sudo().mgp_print_snapshot or {})
            for kind in kinds:
                snapshot[kind] = record.sudo()._mgp_snapshot_values(kind)
            # the copy is the register's, kept outside what users read
            record.sudo()._mgp_engine_write({"mgp_print_snapshot": snapshot})

    def _mgp_printed(self, kind):
        """What the document ``kind`` prints: the snapshot of its issue, or
        the current data for a document issued before snapshots existed."""
        self.ensure_one()
        # the printed form shows what was issued to whoever may print it
        snapshot = (self.sudo().mgp_print_snapshot or {}).get(kind)
        if snapshot is None:
            snapshot = self.sudo()._mgp_snapshot_values(kind)
        return snapshot
