from . import mgp_deadline
from . import mgp_indicator
from . import res_company
