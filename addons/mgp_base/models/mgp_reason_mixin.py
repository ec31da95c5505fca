# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A catalogue of reasons administrators edit (why a service stops, why a
plan is cancelled…): a code the suite's code, reports and imports use, a
translatable name, archived rather than deleted once used."""

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL


class MgpReasonMixin(models.AbstractModel):
    _name = "mgp.reason.mixin"
    _description = "Catalogue of Reasons"
    _order = "sequence, id"
    # the codes the suite's code itself uses: never deleted (archive them)
    _mgp_reason_codes_used = ()

    sequence = fields.Integer(default=10)
    code = fields.Char(
        required=True,
        index=True,
        help="The code reports, imports and exchanges use (the same in every region).",
    )
    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    legal_source = fields.Text(
        help="The provision the reason comes from, when one sets it."
    )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used_codes(self):
        used = self.filtered(lambda reason: reason.code in self._mgp_reason_codes_used)
        if used:
            raise UserError(
                self.env._(
                    "The reason «%s» is used by the suite itself: archive it "
                    "instead of deleting it.",
                    used[0].name,
                )
            )

    @api.model
    def _mgp_get(self, reason):
        """The reason given as a record, an id or a code (archived ones
        too: a history keeps the reasons of its time)."""
        if isinstance(reason, models.BaseModel):
            found = reason.exists()
        elif isinstance(reason, int):
            found = self.browse(reason).exists()
        else:
            found = self.with_context(active_test=False).search(
                [("code", "=", reason or "")], limit=1
            )
        if len(found) != 1 or found._name != self._name:
            raise UserError(self.env._("Unknown reason: %s.", reason))
        return found.with_env(self.env)

    @api.model
    def _mgp_by_code(self):
        """``{code: reason}`` of the whole catalogue, archived reasons too
        (one query; for imports that look a code up per row)."""
        reasons = self.with_context(active_test=False).search([("code", "!=", False)])
        return {reason.code: reason for reason in reasons}

    @api.model
    def _mgp_migrate_selection(self, table, old_column, new_column):
        """Turn the codes a selection stored in ``table.old_column`` into
        this catalogue's rows in ``table.new_column`` (a code no row has yet
        becomes a row named by its code: nothing is lost). Returns the
        number of records converted."""
        cr = self.env.cr
        cr.execute(
            SQL(
                "SELECT DISTINCT %s FROM %s WHERE %s IS NOT NULL AND %s IS NULL",
                SQL.identifier(old_column),
                SQL.identifier(table),
                SQL.identifier(old_column),
                SQL.identifier(new_column),
            )
        )
        codes = [row[0] for row in cr.fetchall()]
        if not codes:
            return 0
        known = self._mgp_by_code()
        for code in codes:
            if code not in known:
                known[code] = self.create({"code": code, "name": code, "active": False})
        self.flush_model()
        converted = 0
        for code in codes:
            cr.execute(
                SQL(
                    "UPDATE %s SET %s = %s WHERE %s = %s AND %s IS NULL",
                    SQL.identifier(table),
                    SQL.identifier(new_column),
                    known[code].id,
                    SQL.identifier(old_column),
                    code,
                    SQL.identifier(new_column),
                )
            )
            converted += cr.rowcount
        self.env.invalidate_all()
        return converted

    @api.model
    def _mgp_migrate_templates(self, xmlids, replacements):
        """Rewrite, in every language, the expressions ``replacements``
        (``(old, new)`` pairs) of the mail templates ``xmlids`` that read the
        selection (templates are ``noupdate``: the update keeps them)."""
        template_ids = tuple(
            template.id
            for template in (self.env.ref(xmlid, False) for xmlid in xmlids)
            if template
        )
        if not template_ids:
            return
        for old, new in replacements:
            self.env.cr.execute(
                SQL(
                    "UPDATE mail_template"
                    " SET body_html = replace(body_html::text, %s, %s)::jsonb"
                    " WHERE id IN %s",
                    old,
                    new,
                    template_ids,
                )
            )
        self.env["mail.template"].invalidate_model(["body_html"])
