from . import mgp_ngo_help_form
from . import mgp_ngo_staff
from . import mgp_ngo_contract
from . import mgp_ngo_application
from . import res_country_state
from . import res_partner
from . import res_users
from . import mgp_ngo_register
