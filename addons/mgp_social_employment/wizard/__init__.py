# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import mgp_socemp_action_wizard
from . import mgp_socemp_request_wizard
from . import mgp_socemp_figures
