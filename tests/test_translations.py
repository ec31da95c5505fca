# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Every addon's ``i18n/ru.po`` is complete: each term Odoo's own export
finds in the addon (code, fields, selections, views, data records) has a
Russian translation there, attached where Odoo's loader looks for it (a
code term by its source, a record's term by its model, field and xml id)."""

import os

from odoo.modules.module import get_module_path
from odoo.tests import TransactionCase, tagged
from odoo.tools import file_open
from odoo.tools.translate import (
    JAVASCRIPT_TRANSLATION_COMMENT,
    PYTHON_TRANSLATION_COMMENT,
    PoFileReader,
    TranslationModuleReader,
)


@tagged("post_install", "-at_install")
class TestTranslationsComplete(TransactionCase):
    def _suite_addons(self):
        modules = self.env["ir.module.module"].search(
            [("state", "=", "installed"), ("name", "=like", "mgp\\_%")]
        )
        return sorted(modules.mapped("name"))

    def _translated(self, module):
        """(code sources, record keys) that ru.po translates. A code term
        counts only with the comment Odoo's loader reads it by
        (``odoo-python`` / ``odoo-javascript``): without it the term is in
        the file and never shown."""
        code, records = set(), set()
        path = f"{get_module_path(module)}/i18n/ru.po"
        if not os.path.exists(path):
            # an addon without a term to translate has no ru.po
            return code, records
        with file_open(path, mode="rb") as source:
            for entry in PoFileReader(source):
                if not (entry["value"] or "").strip():
                    continue
                if entry["type"] == "code":
                    comments = entry.get("comments") or []
                    if PYTHON_TRANSLATION_COMMENT in comments:
                        code.add(("python", entry["src"]))
                    if JAVASCRIPT_TRANSLATION_COMMENT in comments:
                        code.add(("javascript", entry["src"]))
                else:
                    key = f"{entry['module']}.{entry['imd_name']}"
                    records.add((entry["type"], entry["name"], key, entry["src"]))
        return code, records

    def test_every_term_is_translated(self):
        addons = self._suite_addons()
        self.assertIn("mgp_base", addons)
        missing = {}
        for module in addons:
            code, records = self._translated(module)
            reader = TranslationModuleReader(self.env.cr, modules=[module])
            for term_module, ttype, name, res_id, source, _value, comments in reader:
                if term_module != module:
                    continue
                if ttype == "code":
                    kinds = {
                        kind
                        for kind, comment in (
                            ("python", PYTHON_TRANSLATION_COMMENT),
                            ("javascript", JAVASCRIPT_TRANSLATION_COMMENT),
                        )
                        if comment in (comments or ())
                    }
                    ok = all((kind, source) in code for kind in kinds or {"python"})
                else:
                    ok = (ttype, name, res_id, source) in records
                if not ok:
                    missing.setdefault(module, []).append(
                        f"{ttype} {name} {res_id}: {source!r}"
                    )
        report = "\n".join(
            f"{module} ({len(terms)}):\n  " + "\n  ".join(terms[:15])
            for module, terms in sorted(missing.items())
        )
        self.assertFalse(
            missing, f"terms without a Russian translation in ru.po:\n{report}"
        )
