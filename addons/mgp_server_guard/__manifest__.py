# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Employment Accompaniment of Disabled Persons: Served Configuration Guard",
    "summary": "Server-wide module: no database manager, no database list and "
    "no database service over RPC on a served register",
    "version": "19.0.1.0.0",
    "category": "Hidden/Tools",
    "website": "https://github.com/mgp-suite/mgp",
    "author": "mgp contributors",
    "maintainers": ["mgp-suite"],
    "license": "LGPL-3",
    "development_status": "Beta",
    "installable": True,
    "depends": ["web", "rpc"],
    "data": [],
}
