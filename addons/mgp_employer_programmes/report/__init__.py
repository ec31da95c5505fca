from . import report_subsidy
from . import report_programme_forms
