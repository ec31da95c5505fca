# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import mgp_quota_return_wizard
from . import mgp_quota_referral_answer_wizard
from . import mgp_quota_figures_wizard
