# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The reasons a plan stops became a catalogue: the codes the selection
stored (column ``cancel_reason``, dropped by the update afterwards) become
the catalogue's rows, and the notice (``noupdate``) reads the code from
it."""

from odoo import SUPERUSER_ID, api

TEMPLATES = ("mgp_workplace_plan.mail_template_cancelled",)
# (what the notice said, what it says now)
TEMPLATE_EXPRESSIONS = (("object.cancel_reason ==", "object.cancel_reason_id.code =="),)


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    Reason = env["mgp.workplace.cancel.reason"]
    Reason._mgp_migrate_selection(
        "mgp_workplace_plan", "cancel_reason", "cancel_reason_id"
    )
    Reason._mgp_migrate_templates(TEMPLATES, TEMPLATE_EXPRESSIONS)
