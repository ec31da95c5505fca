# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Employment Accompaniment of Disabled Persons: Bulk Import and Export",
    "summary": "Import of a region's history (persons with their IPRA, service-1 "
    "cases in any state, NGOs, employers) from CSV and XLSX with a dry run, in "
    "committed batches of the job queue, resumable and idempotent; export of "
    "the register of recipients masked as on screen",
    "version": "19.0.1.0.0",
    "category": "Services/Employment",
    "website": "https://github.com/mgp-suite/mgp",
    "author": "mgp contributors",
    "maintainers": ["mgp-suite"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "installable": True,
    "external_dependencies": {"python": ["openpyxl", "xlsxwriter"]},
    "depends": [
        "mgp_accompaniment",
        "mgp_ngo_registry",
        "mgp_api",
        "mgp_queue",
    ],
    "data": [
        "security/mgp_import_security.xml",
        "security/ir.model.access.csv",
        "security/mgp_import_rules.xml",
        "data/ir_sequence_data.xml",
        "data/queue_job_data.xml",
        "wizard/mgp_register_export_views.xml",
        "views/mgp_import_job_views.xml",
        "views/mgp_import_menus.xml",
    ],
}
