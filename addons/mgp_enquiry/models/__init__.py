# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import mgp_enquiry
from . import mgp_inspection
from . import mgp_inspection_finding
from . import mgp_indicator
