# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Employment Accompaniment of Disabled Persons: Exchange API",
    "summary": "Versioned REST API /api/mgp/v1 with its OpenAPI document (plan "
    "agreements, МСЭ answers, delta export) and a transactional outbox of events",
    "version": "19.0.1.0.0",
    "category": "Services/Employment",
    "website": "https://github.com/mgp-suite/mgp",
    "author": "mgp contributors",
    "maintainers": ["mgp-suite"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "installable": True,
    "depends": ["mgp_accompaniment", "mgp_workplace_plan", "mgp_complaint"],
    "data": [
        "security/ir.model.access.csv",
        "security/mgp_api_rules.xml",
        "data/ir_cron_data.xml",
        "wizard/mgp_person_merge_views.xml",
        "views/mgp_api_endpoint_views.xml",
        "views/mgp_api_event_views.xml",
        "views/mgp_api_request_views.xml",
        "views/res_partner_views.xml",
        "views/mgp_api_templates.xml",
        "views/mgp_api_menus.xml",
    ],
}
