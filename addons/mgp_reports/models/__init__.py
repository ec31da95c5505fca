from . import mgp_deadline
from . import mgp_indicator
from . import mgp_indicator_dashboard
from . import mgp_indicator_value
from . import res_company
