from . import mgp_mse_answer_wizard
from . import mgp_break_glass_wizard
from . import mgp_consent_withdraw_wizard
from . import mgp_register_archive_wizard
from . import mail_compose_message
