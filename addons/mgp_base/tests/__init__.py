from . import test_calendar
from . import test_deadline
from . import test_deadline_terms
from . import test_person
from . import test_mse_request
from . import test_security
from . import test_ui
from . import test_upload
