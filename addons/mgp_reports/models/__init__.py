from . import mgp_deadline
from . import mgp_indicator
from . import res_company
from . import mgp_accompaniment
