# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Employment Accompaniment of Disabled Persons: Printed Forms",
    "summary": "Certificate, order and NGO registry application of the "
    "accompaniment measure (Order 692n, Appendices 1, 3 and 4) as PDF; "
    "indicators (Appendix 6) as PDF and XLSX, with drill-down, analysis and a "
    "dashboard",
    "version": "19.0.1.1.0",
    "category": "Services/Employment",
    "website": "https://github.com/mgp-suite/mgp",
    "author": "mgp contributors",
    "maintainers": ["mgp-suite"],
    "license": "LGPL-3",
    "development_status": "Beta",
    "installable": True,
    "depends": ["mgp_accompaniment", "mgp_ngo_registry"],
    "external_dependencies": {"python": ["num2words", "xlsxwriter"]},
    "data": [
        "security/ir.model.access.csv",
        "data/report_paperformat_data.xml",
        "data/ir_config_parameter_data.xml",
        "report/report_certificate_templates.xml",
        "report/report_order_templates.xml",
        "report/report_518n_templates.xml",
        "report/report_ngo_application_templates.xml",
        "report/report_indicators_templates.xml",
        "report/mgp_reports_reports.xml",
        "views/res_company_views.xml",
        "views/mgp_reports_templates.xml",
        "views/mgp_accompaniment_views.xml",
        "views/mgp_ngo_application_views.xml",
        "wizard/mgp_indicator_report_wizard_views.xml",
        "wizard/mgp_indicator_value_views.xml",
        "wizard/mgp_indicator_dashboard_views.xml",
    ],
    "assets": {
        "web.report_assets_common": [
            "mgp_reports/static/src/scss/mgp_reports.scss",
        ],
    },
}
