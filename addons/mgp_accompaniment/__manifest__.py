# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Employment Accompaniment of Disabled Persons: Service 1",
    "summary": "Service «Сопровождение инвалида при трудоустройстве»: need "
    "decision, MSE request, order or NGO assignment, certificate, results",
    "version": "19.0.1.0.0",
    "category": "Services/Employment",
    "website": "https://github.com/mgp-suite/mgp",
    "author": "mgp contributors",
    "maintainers": ["mgp-suite"],
    "license": "LGPL-3",
    "development_status": "Beta",
    "installable": True,
    "depends": ["mgp_base", "portal", "mgp_ngo_registry"],
    "external_dependencies": {"python": ["python-dateutil"]},
    "data": [
        "security/ir.model.access.csv",
        "security/mgp_accompaniment_rules.xml",
        "data/ir_sequence_data.xml",
        "data/mail_template_data.xml",
        "data/ir_cron_data.xml",
        "wizard/mgp_accompaniment_need_wizard_views.xml",
        "wizard/mgp_accompaniment_mse_wizard_views.xml",
        "wizard/mgp_accompaniment_assign_wizard_views.xml",
        "wizard/mgp_accompaniment_ngo_wizard_views.xml",
        "wizard/mgp_accompaniment_order_wizard_views.xml",
        "wizard/mgp_accompaniment_certificate_wizard_views.xml",
        "wizard/mgp_accompaniment_employ_wizard_views.xml",
        "wizard/mgp_accompaniment_terminate_wizard_views.xml",
        "views/mgp_accompaniment_views.xml",
        "views/mgp_accompaniment_line_views.xml",
        "views/mgp_accompaniment_templates.xml",
        "views/mgp_accompaniment_menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "mgp_accompaniment/static/tests/tours/**/*",
        ],
    },
    "demo": [
        "demo/mgp_accompaniment_demo.xml",
        "demo/mgp_accompaniment_citizen_demo.xml",
    ],
}
