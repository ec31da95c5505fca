from . import test_openapi
from . import test_plan_agreements
from . import test_export
from . import test_interagency
from . import test_outbox
from . import test_concurrency
from . import test_person_merge
from . import test_transition_table
