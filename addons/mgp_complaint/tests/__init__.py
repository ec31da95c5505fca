# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import test_complaint_deadlines
from . import test_complaint_decision
from . import test_complaint_register
from . import test_complaint_report
from . import test_complaint_security
from . import test_transition_table
from . import test_complaint_need_to_know
