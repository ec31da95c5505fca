# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Employment Accompaniment of Disabled Persons: Complaints about Service 1",
    "summary": "Bridge: complaints about the accompaniment cases of service 1 "
    "and corrections of their orders and certificates",
    "version": "19.0.1.0.0",
    "category": "Services/Employment",
    "website": "https://github.com/mgp-suite/mgp",
    "author": "mgp contributors",
    "maintainers": ["mgp-suite"],
    "license": "LGPL-3",
    "development_status": "Beta",
    "installable": True,
    "auto_install": True,
    "depends": ["mgp_complaint", "mgp_accompaniment"],
    "data": [
        "views/mgp_accompaniment_views.xml",
        "views/mgp_accompaniment_templates.xml",
        "report/report_accompaniment_templates.xml",
    ],
    "demo": [
        "demo/mgp_complaint_demo.xml",
    ],
}
