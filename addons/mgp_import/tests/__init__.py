from . import test_access
from . import test_export
from . import test_import_cases
from . import test_import_organisations
from . import test_import_persons
from . import test_resume
from . import test_transition_table
from . import test_import_reasons
