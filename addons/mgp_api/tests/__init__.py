from . import test_openapi
from . import test_plan_agreements
