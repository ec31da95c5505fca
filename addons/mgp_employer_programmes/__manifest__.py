# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Employment of Disabled Persons: Employer Programmes",
    "summary": "Special measures of the region (seed 004 §4, §6, §7): subsidies "
    "for equipping workplaces with 12-month monitoring and proportional refund, "
    "one-off aid to disabled people starting a business, training in new "
    "professions",
    "version": "19.0.1.0.0",
    "category": "Services/Employment",
    "website": "https://github.com/mgp-suite/mgp",
    "author": "mgp contributors",
    "maintainers": ["mgp-suite"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "installable": True,
    "depends": ["mgp_base", "mgp_workplace_plan", "mgp_reports", "portal"],
    "external_dependencies": {"python": ["num2words", "xlsxwriter"]},
    "data": [
        "security/ir.model.access.csv",
        "security/mgp_employer_programmes_rules.xml",
        "data/ir_sequence_data.xml",
        "data/mgp_deadline_rule_data.xml",
        "data/mgp_programme_catalogue_data.xml",
        "data/mgp_programme_setting_data.xml",
        "data/ir_cron_data.xml",
        "data/mail_template_data.xml",
        "report/report_subsidy_templates.xml",
        "report/report_programme_figures_templates.xml",
        "report/mgp_employer_programmes_reports.xml",
        "wizard/mgp_programme_action_wizard_views.xml",
        "wizard/mgp_programme_figures_wizard_views.xml",
        "views/mgp_programme_setting_views.xml",
        "views/mgp_subsidy_application_views.xml",
        "views/mgp_subsidy_agreement_views.xml",
        "views/mgp_subsidy_workplace_views.xml",
        "views/mgp_business_aid_views.xml",
        "views/mgp_training_referral_views.xml",
        "views/mgp_subsidy_templates.xml",
        "views/mgp_employer_programmes_menus.xml",
    ],
    "demo": [
        "demo/mgp_employer_programmes_demo.xml",
    ],
}
