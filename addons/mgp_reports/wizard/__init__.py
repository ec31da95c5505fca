from . import mgp_indicator_report_wizard
