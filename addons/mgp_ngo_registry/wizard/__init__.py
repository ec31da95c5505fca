from . import mgp_ngo_application_reject_wizard
from . import mgp_ngo_exclude_wizard
