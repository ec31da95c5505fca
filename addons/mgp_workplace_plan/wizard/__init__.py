# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import (
    mgp_workplace_appeal_wizard,
    mgp_workplace_cancel_wizard,
    mgp_workplace_offer_wizard,
)
