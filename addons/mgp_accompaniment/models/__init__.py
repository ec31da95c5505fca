from . import mgp_accompaniment
from . import mgp_accompaniment_line
from . import mgp_accompaniment_ngo_answer
from . import mgp_ngo_application
from . import res_partner
from . import mgp_accompaniment_register
from . import mgp_accompaniment_snapshot
