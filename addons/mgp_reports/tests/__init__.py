from . import test_ru_date
from . import test_report_certificate
from . import test_report_order
from . import test_report_ngo_application
from . import test_indicators
from . import test_indicator_dashboard
from . import test_report_indicators
from . import test_report_518n
