# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Deadline rules get variants per region and start day sharing a code: the
unique constraint on the code alone gives way to the unique index on
(code, region, start day) that the model declares."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        "ALTER TABLE mgp_deadline_rule DROP CONSTRAINT IF EXISTS "
        "mgp_deadline_rule_code_uniq"
    )
    cr.execute(
        "DELETE FROM ir_model_constraint "
        "WHERE name = 'mgp_deadline_rule_code_uniq' AND type = 'u'"
    )
