# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Employment of Disabled Persons: Long Work in the Job Queue",
    "summary": "Printing a selection of hundreds of forms runs in the OCA job "
    "queue (queue_job): a channel and a priority, progress and the result "
    "file for the user who started it, never twice at once on the same records",
    "version": "19.0.1.0.0",
    "category": "Services/Employment",
    "website": "https://github.com/mgp-suite/mgp",
    "author": "mgp contributors",
    "maintainers": ["mgp-suite"],
    "license": "LGPL-3",
    "development_status": "Beta",
    "installable": True,
    "depends": ["queue_job", "mgp_reports"],
    "data": [
        "security/ir.model.access.csv",
        "security/mgp_queue_rules.xml",
        "data/queue_job_data.xml",
        "views/mgp_print_batch_views.xml",
        "wizard/mgp_print_batch_wizard_views.xml",
    ],
}
