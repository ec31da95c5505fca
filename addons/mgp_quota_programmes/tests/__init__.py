# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import test_trainee_training
from . import test_quota_priority
