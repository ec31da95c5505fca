from . import test_registry
from . import test_application
from . import test_contract
from . import test_concurrency
from . import test_portal
from . import test_ui
from . import test_transition_table
from . import test_ngo_ranking
