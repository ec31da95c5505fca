#!/usr/bin/env python3
"""Build each addon's README.rst from its readme/*.md fragments (OCA layout).

Usage: python3 scripts/gen_addon_readme.py [addons/<name> ...]
"""

import ast
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SECTIONS = [
    ("DESCRIPTION.md", None),
    ("CONFIGURE.md", "Configuration"),
    ("USAGE.md", "Usage"),
    ("HISTORY.md", "Changelog"),
]


def _heading(text, char):
    return f"{text}\n{char * len(text)}\n"


def _md_to_rst(text):
    """The few Markdown habits of the fragments, in reStructuredText."""
    return re.sub(r"(?<!`)`([^`\n]+)`(?!`)", r"``\1``", text)


def build(addon):
    manifest = ast.literal_eval((addon / "__manifest__.py").read_text())
    title = manifest["name"]
    parts = [
        "=" * len(title),
        title,
        "=" * len(title),
        "",
        f"|license| |maturity|  {manifest.get('summary', '')}",
        "",
        ".. |license| image:: https://img.shields.io/badge/licence-LGPL--3-blue.png",
        "   :target: http://www.gnu.org/licenses/lgpl-3.0-standalone.html",
        "   :alt: License: LGPL-3",
        ".. |maturity| image:: https://img.shields.io/badge/maturity-"
        f"{manifest.get('development_status', 'Beta')}-yellow.png",
        f"   :alt: {manifest.get('development_status', 'Beta')}",
        "",
    ]
    for filename, heading in SECTIONS:
        fragment = addon / "readme" / filename
        if not fragment.exists():
            continue
        if heading:
            parts.append(_heading(heading, "="))
        parts.append(_md_to_rst(fragment.read_text().strip()))
        parts.append("")
    parts.append(_heading("Credits", "="))
    parts.append(_heading("Authors", "-"))
    parts.append(f"* {manifest['author']}")
    parts.append("")
    parts.append(_heading("Maintainers", "-"))
    for maintainer in manifest.get("maintainers", []):
        parts.append(f"* {maintainer}")
    parts.append("")
    parts.append(f"Licence: {manifest['license']}. Website: {manifest['website']}")
    parts.append("")
    (addon / "README.rst").write_text("\n".join(parts))


def main(argv):
    addons = [pathlib.Path(a) for a in argv] or sorted(
        p.parent for p in (ROOT / "addons").glob("*/__manifest__.py")
    )
    for addon in addons:
        build(addon)
        print(f"{addon / 'README.rst'}")


if __name__ == "__main__":
    main(sys.argv[1:])
