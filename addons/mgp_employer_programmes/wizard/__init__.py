from . import mgp_programme_action_wizard
from . import mgp_programme_figures_wizard
