# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Employment Accompaniment of Disabled Persons: Service 2",
    "summary": "Service «План сопровождения инвалида на рабочем месте»: offer "
    "after service 1 or the employer's appeal, disability check, analysis, "
    "versioned plan discussed with the employer (Appendices 2 and 5)",
    "version": "19.0.1.2.0",
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
        "security/mgp_workplace_plan_rules.xml",
        "data/ir_sequence_data.xml",
        "data/mgp_deadline_rule_data.xml",
        "data/mgp_workplace_cancel_reason_data.xml",
        "data/mail_template_data.xml",
        "data/ir_cron_data.xml",
        "report/report_workplace_plan_templates.xml",
        "report/report_workplace_appeal_templates.xml",
        "report/mgp_workplace_plan_reports.xml",
        "views/mgp_workplace_plan_views.xml",
        "views/mgp_workplace_plan_templates.xml",
        "views/mgp_workplace_cancel_reason_views.xml",
        "views/mgp_workplace_plan_menus.xml",
    ],
    "demo": [
        "demo/mgp_workplace_plan_demo.xml",
    ],
}
