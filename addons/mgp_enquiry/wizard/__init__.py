# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import mgp_enquiry_answer_wizard
from . import mgp_quality_wizard
