from . import mgp_report_form
from . import report_certificate
from . import report_order
from . import report_518n
from . import report_ngo_application
from . import report_indicators
from . import ir_actions_report
