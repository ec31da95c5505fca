from . import mgp_programme_action_wizard
