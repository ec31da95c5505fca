# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Employment Accompaniment of Disabled Persons: Enquiries and Inspections",
    "summary": "Written and phone enquiries answered within 15 calendar days, "
    "inspections of the service with findings and their act, and the quality "
    "indicator of the Kaluga regulation under Order 518n",
    "version": "19.0.1.0.0",
    "category": "Services/Employment",
    "website": "https://github.com/mgp-suite/mgp",
    "author": "mgp contributors",
    "maintainers": ["mgp-suite"],
    "license": "LGPL-3",
    "development_status": "Beta",
    "installable": True,
    "depends": ["mgp_accompaniment", "mgp_reports"],
    "data": [
        "security/ir.model.access.csv",
        "security/mgp_enquiry_rules.xml",
        "data/ir_sequence_data.xml",
        "data/mgp_deadline_rule_data.xml",
        "report/report_inspection_act_templates.xml",
        "report/mgp_enquiry_reports.xml",
        "wizard/mgp_enquiry_answer_wizard_views.xml",
        "wizard/mgp_quality_wizard_views.xml",
        "views/mgp_enquiry_views.xml",
        "views/mgp_inspection_views.xml",
        "views/mgp_enquiry_menus.xml",
    ],
    "demo": [
        "demo/mgp_enquiry_demo.xml",
    ],
}
