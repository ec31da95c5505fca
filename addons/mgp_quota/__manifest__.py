# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Employment of Disabled Persons: Employers' Quota",
    "summary": "Regional quota rules, the employers' quota reports filed in the "
    "portal, filing deadlines, notices to the regional authority (ст. 38 "
    "Закона № 565-ФЗ, ПП РФ № 709)",
    "version": "19.0.1.0.0",
    "category": "Services/Employment",
    "website": "https://github.com/mgp-suite/mgp",
    "author": "mgp contributors",
    "maintainers": ["mgp-suite"],
    "license": "LGPL-3",
    "development_status": "Beta",
    "installable": True,
    "depends": ["mgp_workplace_plan", "mgp_reports", "portal"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/ir.model.access.csv",
        "security/mgp_quota_rules.xml",
        "data/ir_sequence_data.xml",
        "data/mgp_deadline_rule_data.xml",
        "data/mgp_quota_rule_data.xml",
        "data/mgp_quota_category_data.xml",
        "data/mgp_quota_exemption_ground_data.xml",
        "data/ir_cron_data.xml",
        "report/report_quota_notice_templates.xml",
        "report/mgp_quota_reports.xml",
        "views/mgp_quota_rule_views.xml",
        "views/mgp_quota_category_views.xml",
        "views/mgp_quota_report_views.xml",
        "views/mgp_quota_notice_views.xml",
        "views/res_partner_views.xml",
        "views/mgp_quota_templates.xml",
        "views/mgp_quota_menus.xml",
    ],
    "demo": [
        "demo/mgp_quota_demo.xml",
    ],
}
