# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import mgp_accompaniment
from . import mgp_complaint
from . import mgp_document_correction
from . import mgp_correctable_snapshot
