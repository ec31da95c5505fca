# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import res_country_state
from . import mgp_socemp_age_bound
from . import mgp_socemp_service
from . import mgp_socemp_end_reason
from . import mgp_socemp_participant
from . import mgp_socemp_record
from . import mgp_socemp_record_line
from . import mgp_socemp_document
from . import mgp_socemp_notice
from . import mgp_mse_request
from . import mgp_deadline_rule
from . import res_partner
from . import mgp_document_line
from . import mgp_access_log
from . import res_users
