# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Termination reasons became a catalogue: the codes the selection stored
(column ``termination_reason``, dropped by the update afterwards) become
the catalogue's rows,
and the two notices (``noupdate``) read the reason from it."""

from odoo import SUPERUSER_ID, api

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
    env["mgp.accompaniment.termination.reason"]._mgp_migrate_selection(
        "mgp_accompaniment", "termination_reason", "termination_reason_id"
    )
    template_ids = tuple(
        template.id
        for template in (
            env.ref("mgp_accompaniment.mail_template_no_need", False),
            env.ref("mgp_accompaniment.mail_template_termination", False),
        )
        if template
    )
    for old, new in TEMPLATE_EXPRESSIONS:
        cr.execute(
            "UPDATE mail_template"
            " SET body_html = replace(body_html::text, %s, %s)::jsonb"
            " WHERE id IN %s",
            [old, new, template_ids or (0,)],
        )
    env.invalidate_all()
