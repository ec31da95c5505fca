from . import mgp_indicator_report_wizard
from . import mgp_indicator_report_xlsx
from . import mgp_indicator_value
from . import mgp_indicator_dashboard
