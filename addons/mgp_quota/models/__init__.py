# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import mgp_deadline_rule
from . import mgp_quota_rule
from . import mgp_quota_filing
from . import mgp_quota_category
from . import mgp_quota_exemption_ground
from . import mgp_quota_report
from . import mgp_quota_report_portal
from . import mgp_quota_report_line
from . import mgp_quota_notice
from . import res_partner
from . import res_users
from . import mgp_quota_condition
from . import mgp_quota_workplace
from . import mgp_quota_reservation
from . import mgp_quota_referral
from . import mgp_quota_employment
from . import mgp_quota_local_act
