# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Employment of Disabled Persons: Import of Quota Reports",
    "summary": "Bridge: the employers' quota reports of a region's history, "
    "with their workers, imported from CSV and XLSX with a dry run, "
    "idempotent",
    "version": "19.0.1.0.0",
    "category": "Services/Employment",
    "website": "https://github.com/mgp-suite/mgp",
    "author": "mgp contributors",
    "maintainers": ["mgp-suite"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "installable": True,
    "auto_install": True,
    "depends": ["mgp_import", "mgp_quota"],
    "data": [],
}
