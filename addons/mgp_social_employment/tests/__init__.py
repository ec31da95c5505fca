# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import test_record
from . import test_security
from . import test_notice
from . import test_request
from . import test_figures
from . import test_http
from . import test_transition_table
from . import test_portal
from . import test_socemp_region
from . import test_socemp_demo
from . import test_request_addressee
