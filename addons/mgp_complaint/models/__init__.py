# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import mgp_complaint
from . import mgp_correctable
from . import mgp_document_correction
from . import mgp_complaint_concerned
from . import mgp_complaint_register
from . import mgp_complaint_need_to_know
