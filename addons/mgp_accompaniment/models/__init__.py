from . import mgp_accompaniment
from . import mgp_accompaniment_line
from . import res_partner
