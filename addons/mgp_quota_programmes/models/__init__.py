# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import mgp_quota_trainee
from . import mgp_subsidy_application
