# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Termination reasons became a catalogue: the codes the selection stored
(column ``termination_reason``, dropped by the update afterwards) become the
catalogue's rows, and the two notices (``noupdate``) read the reason from
it."""

from odoo import SUPERUSER_ID, api

TEMPLATES = (
    "mgp_accompaniment.mail_template_no_need",
    "mgp_accompaniment.mail_template_termination",
)
# (what the notices said, what they say now)
TEMPLATE_EXPRESSIONS = (
    (
        "dict(object._fields['termination_reason']._description_selection"
        "(object.env)).get(object.termination_reason)",
        "object.termination_reason_id.name",
    ),
    ("object.termination_reason ==", "object.termination_reason_id.code =="),
)


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    Reason = env["mgp.accompaniment.termination.reason"]
    Reason._mgp_migrate_selection(
        "mgp_accompaniment", "termination_reason", "termination_reason_id"
    )
    Reason._mgp_migrate_templates(TEMPLATES, TEMPLATE_EXPRESSIONS)
