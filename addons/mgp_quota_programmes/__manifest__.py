# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Employment of Disabled Persons: Reserved Workplaces and Training",
    "summary": "Bridge: the trainee of a workplace reservation contract is "
    "trained by the centre's training referral of the employer programmes",
    "version": "19.0.1.0.0",
    "category": "Services/Employment",
    "website": "https://github.com/mgp-suite/mgp",
    "author": "mgp contributors",
    "maintainers": ["mgp-suite"],
    "license": "LGPL-3",
    "development_status": "Beta",
    "installable": True,
    "auto_install": True,
    "depends": ["mgp_quota", "mgp_employer_programmes"],
    "data": ["views/mgp_quota_reservation_views.xml"],
}
