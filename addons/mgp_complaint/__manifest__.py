# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Employment Accompaniment of Disabled Persons: Pre-trial Complaints",
    "summary": "Register of pre-trial complaints about the centre's decisions "
    "and actions in both services: review, decision, reasoned answer, portal",
    "version": "19.0.1.0.0",
    "category": "Services/Employment",
    "website": "https://github.com/mgp-suite/mgp",
    "author": "mgp contributors",
    "maintainers": ["mgp-suite"],
    "license": "LGPL-3",
    "development_status": "Beta",
    "installable": True,
    "depends": ["mgp_accompaniment", "mgp_reports", "portal"],
    "data": [
        "security/ir.model.access.csv",
        "security/mgp_complaint_rules.xml",
        "data/ir_sequence_data.xml",
        "data/mgp_deadline_rule_data.xml",
        "data/mail_template_data.xml",
        "report/mgp_complaint_reports.xml",
        "report/report_complaint_answer_templates.xml",
        "wizard/mgp_complaint_decision_wizard_views.xml",
        "views/mgp_complaint_views.xml",
        "views/mgp_accompaniment_views.xml",
        "views/mgp_complaint_templates.xml",
        "views/mgp_complaint_menus.xml",
    ],
    "demo": [
        "demo/mgp_complaint_demo.xml",
    ],
}
