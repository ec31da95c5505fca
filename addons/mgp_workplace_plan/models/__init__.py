# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import mgp_accompaniment, mgp_workplace_plan, mgp_workplace_plan_line, res_users
from . import mgp_workplace_plan_register
from . import mgp_workplace_plan_snapshot
