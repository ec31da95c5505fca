# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import mgp_workplace_cancel_reason
from . import mgp_accompaniment, mgp_workplace_plan
from . import mgp_workplace_plan_offer
from . import mgp_workplace_plan_appeal
from . import mgp_workplace_plan_version
from . import mgp_workplace_plan_portal
from . import mgp_workplace_plan_line, res_users
from . import mgp_workplace_plan_register
from . import mgp_workplace_plan_snapshot
