# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Employment Accompaniment of Disabled Persons: Complaints about Plans",
    "summary": "Bridge: complaints and corrections of the workplace "
    "accompaniment plans of service 2",
    "version": "19.0.1.0.0",
    "category": "Services/Employment",
    "website": "https://github.com/mgp-suite/mgp",
    "author": "mgp contributors",
    "maintainers": ["mgp-suite"],
    "license": "LGPL-3",
    "development_status": "Beta",
    "installable": True,
    "auto_install": True,
    "depends": ["mgp_complaint", "mgp_workplace_plan"],
    "data": [
        "views/mgp_workplace_plan_views.xml",
        "report/report_workplace_plan_templates.xml",
    ],
}
