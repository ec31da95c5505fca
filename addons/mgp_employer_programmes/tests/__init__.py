from . import test_subsidy_refund
from . import test_subsidy_flow
from . import test_subsidy_report
from . import test_concurrency
from . import test_business_aid
from . import test_training
from . import test_portal
from . import test_figures
