from . import test_need_decision
from . import test_mse
from . import test_assignment
from . import test_certificate
from . import test_end
from . import test_security
from . import test_portal
from . import test_ui
