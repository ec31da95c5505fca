from . import mgp_mse_answer_wizard
from . import mgp_register_archive_wizard
