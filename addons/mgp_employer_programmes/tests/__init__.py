from . import test_subsidy_refund
from . import test_subsidy_flow
