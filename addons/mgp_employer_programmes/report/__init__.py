from . import report_subsidy
