# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import test_enquiry
from . import test_enquiry_security
from . import test_inspection
from . import test_inspection_act
from . import test_quality
from . import test_transition_table
