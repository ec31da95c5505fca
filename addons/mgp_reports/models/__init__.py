from . import mgp_indicator
from . import res_company
