# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import models
from . import report
from . import wizard
from . import controllers


def uninstall_hook(env):
    """mgp_base's multi-company rule of the request register as it ships."""
    from .models.mgp_mse_request import COMPANY_RULE_DOMAIN

    env["mgp.mse.request"]._mgp_socemp_company_rule(COMPANY_RULE_DOMAIN)
