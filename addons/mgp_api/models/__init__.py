from . import mgp_api_endpoint
from . import mgp_api_event
from . import mgp_api_request
from . import res_partner
from . import mgp_accompaniment
from . import mgp_workplace_plan
from . import mgp_complaint
from . import ir_http
