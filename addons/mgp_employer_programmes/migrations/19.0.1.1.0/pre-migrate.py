# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.addons.mgp_employer_programmes.upgrade import set_aside_old_type_xmlids


def migrate(cr, version):
    set_aside_old_type_xmlids(cr)
