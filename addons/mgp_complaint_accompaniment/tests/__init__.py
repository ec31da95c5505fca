# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import test_case_complaint
from . import test_complaint_portal
from . import test_document_correction
