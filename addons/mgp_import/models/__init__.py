from . import mgp_import_record
from . import mgp_import_line
from . import mgp_import_job
from . import mgp_import_validate
from . import mgp_import_write
from . import mgp_api_event
