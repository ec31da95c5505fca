# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Seed 000: the ЕЦП checks the worker's disability data automatically
through СМЭВ, so the disability check is a third party's term (``external``)
and I2 does not count it. The rule is ``noupdate``: set it on an existing
database as a fresh install does, with the deadlines it opened."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """UPDATE mgp_deadline_rule r
              SET external = TRUE
             FROM ir_model_data d
            WHERE d.module = 'mgp_workplace_plan' AND d.model = 'mgp.deadline.rule'
              AND d.name = 'deadline_rule_s2_disability_check' AND d.res_id = r.id
        RETURNING r.id"""
    )
    rule_ids = tuple(row[0] for row in cr.fetchall())
    if rule_ids:
        cr.execute(
            "UPDATE mgp_deadline SET external = TRUE WHERE rule_id IN %s",
            [rule_ids],
        )
