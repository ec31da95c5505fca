# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import SUPERUSER_ID, api

from odoo.addons.mgp_employer_programmes.upgrade import migrate_programme_documents


def migrate(cr, version):
    migrate_programme_documents(api.Environment(cr, SUPERUSER_ID, {}))
