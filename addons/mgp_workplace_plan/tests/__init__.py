# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import (
    test_appeal,
    test_one_open,
    test_cron,
    test_line_onchange,
    test_offer,
    test_portal,
    test_portal_documents,
    test_portal_pager,
    test_report,
    test_security,
    test_transition_table,
    test_version,
)
from . import test_cancel_reason
