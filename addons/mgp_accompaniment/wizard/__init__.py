from . import mgp_accompaniment_need_wizard
from . import mgp_accompaniment_mse_wizard
from . import mgp_accompaniment_assign_wizard
from . import mgp_accompaniment_order_wizard
from . import mgp_accompaniment_certificate_wizard
from . import mgp_accompaniment_employ_wizard
from . import mgp_accompaniment_terminate_wizard
from . import mgp_accompaniment_ngo_wizard
