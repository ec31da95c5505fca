from . import mgp_ngo_application_reject_wizard
from . import mgp_ngo_exclude_wizard
from . import mgp_ngo_social_order_wizard
