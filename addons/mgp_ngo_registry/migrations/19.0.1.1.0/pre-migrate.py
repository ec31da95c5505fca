# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""``activity_ids`` of applications and contracts becomes ``mgp_activity_ids``
(``activity_ids`` is mail.activity.mixin's field: the application now has
activities). The relation tables do not depend on the field's name, so the
data stays; the field's metadata is renamed before the registry loads."""

RENAMED = [
    ("mgp.ngo.application", "mgp_ngo_application"),
    ("mgp.ngo.contract", "mgp_ngo_contract"),
]


def migrate(cr, version):
    if not version:
        return
    for model, table in RENAMED:
        cr.execute(
            "UPDATE ir_model_fields SET name = 'mgp_activity_ids' "
            "WHERE model = %s AND name = 'activity_ids'",
            [model],
        )
        cr.execute(
            "UPDATE ir_model_data SET name = %s "
            "WHERE module = 'mgp_ngo_registry' AND model = 'ir.model.fields' "
            "AND name = %s",
            [f"field_{table}__mgp_activity_ids", f"field_{table}__activity_ids"],
        )
