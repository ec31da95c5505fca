# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import test_cron
from . import test_figures
from . import test_isolation
from . import test_local_acts
from . import test_notice
from . import test_portal
from . import test_quota_report
from . import test_quota_rule
from . import test_referral
from . import test_transition_table
