# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Employment Accompaniment of Disabled Persons: NGO Registry",
    "summary": "Registry of non-governmental organisations accompanying disabled "
    "persons, their applications (Appendix 4), contracts and NGO portal",
    "version": "19.0.1.2.0",
    "category": "Services/Employment",
    "website": "https://github.com/mgp-suite/mgp",
    "author": "mgp contributors",
    "maintainers": ["mgp-suite"],
    "license": "LGPL-3",
    "development_status": "Beta",
    "installable": True,
    "depends": ["mgp_base", "portal"],
    "external_dependencies": {"python": ["python-stdnum"]},
    "data": [
        "security/ir.model.access.csv",
        "security/mgp_ngo_registry_rules.xml",
        "data/ir_sequence_data.xml",
        "data/mgp_ngo_help_form_data.xml",
        "data/mgp_ngo_accessibility_data.xml",
        "data/mgp_ngo_schedule_slot_data.xml",
        "data/mgp_deadline_rule_data.xml",
        "data/mail_template_data.xml",
        "views/mgp_ngo_wizard_views.xml",
        "views/mgp_ngo_contract_views.xml",
        "views/mgp_ngo_register_views.xml",
        "views/mgp_ngo_application_views.xml",
        "views/res_partner_views.xml",
        "views/res_country_state_views.xml",
        "views/mgp_ngo_application_templates.xml",
        "views/mgp_ngo_registry_menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "mgp_ngo_registry/static/tests/tours/**/*",
        ],
    },
    "demo": [
        "demo/mgp_ngo_registry_demo.xml",
    ],
}
