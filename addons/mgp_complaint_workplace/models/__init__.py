# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import mgp_complaint
from . import mgp_workplace_plan
from . import mgp_correctable_snapshot
