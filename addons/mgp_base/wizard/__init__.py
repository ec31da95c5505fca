from . import mgp_mse_answer_wizard
