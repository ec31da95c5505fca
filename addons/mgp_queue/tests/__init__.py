# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import test_print_batch
from . import test_job_runner
from . import test_transition_table
